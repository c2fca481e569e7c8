import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { PoliciesModule } from '../policies/policies.module';
import { BlockedCasesController } from './blocked-cases.controller';
import { BlockedCasesOps } from './blocked-cases.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { DeadlineClockService } from './deadline-clock.service';

@Module({
  imports: [InstitutionsModule, CatalogueModule, PoliciesModule, CalendarModule],
  controllers: [CasesController, BlockedCasesController],
  providers: [CasesService, DeadlineClockService, BlockedCasesOps],
  exports: [CasesService, DeadlineClockService],
})
export class CasesModule {}
