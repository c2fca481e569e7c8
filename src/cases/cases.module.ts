import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { PoliciesModule } from '../policies/policies.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { DeadlineClockService } from './deadline-clock.service';

@Module({
  imports: [InstitutionsModule, CatalogueModule, PoliciesModule, CalendarModule],
  controllers: [CasesController],
  providers: [CasesService, DeadlineClockService],
  exports: [CasesService, DeadlineClockService],
})
export class CasesModule {}
