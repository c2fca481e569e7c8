import { Global, Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DocumentsCoreModule } from '../documents/documents-core.module';
import { EffectsModule } from '../effects/effects.module';
import { PoliciesModule } from '../policies/policies.module';
import { PortalModule } from '../portal/portal.module';
import { SubjectsCoreModule } from '../subjects/subjects-core.module';
import { CreditChinaIntake } from './creditchina-intake';
import { RecordRepairsController } from './record-repairs.controller';
import { RecordRepairsRepository } from './record-repairs.repository';
import { RecordRepairsService } from './record-repairs.service';

/**
 * Repair of records outside a case, without HTTP. Global, like the credit file: the platform's feed (API, worker
 * and relay) hands 信用中国's applications to `CreditChinaIntake` wherever it is pulled.
 */
@Global()
@Module({
  imports: [CalendarModule, PoliciesModule, DocumentsCoreModule, EffectsModule, SubjectsCoreModule],
  providers: [RecordRepairsRepository, RecordRepairsService, CreditChinaIntake],
  exports: [RecordRepairsService, CreditChinaIntake],
})
export class RecordRepairsCoreModule {}

/** The API's routes for it (issue #19). */
@Module({ imports: [RecordRepairsCoreModule, PortalModule], controllers: [RecordRepairsController] })
export class RecordRepairsModule {}
