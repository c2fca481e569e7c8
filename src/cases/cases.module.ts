import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { PoliciesModule } from '../policies/policies.module';
import { BlockedCasesController } from './blocked-cases.controller';
import { BlockedCasesOps } from './blocked-cases.service';
import { CaseDataModule } from './case-data.module';
import { CaseGatewayModule } from './case-gateway.module';
import { CaseTellings } from './case-tellings';
import { ProvisionalDeadlines } from './provisional-deadlines';
import { CaseProposals } from './case-proposals';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { DeadlineClockService } from './deadline-clock.service';

/**
 * The API's side of cases: the case pages, blocked cases and their resumption, the gateway into the workflow
 * that every case action goes through, and the relay that tells cases what the API accepted (case-tellings.ts).
 */
@Module({
  imports: [CaseDataModule, CaseGatewayModule, InstitutionsModule, CatalogueModule, PoliciesModule, CalendarModule],
  controllers: [CasesController, BlockedCasesController],
  providers: [CasesService, CaseProposals, DeadlineClockService, BlockedCasesOps, ProvisionalDeadlines, CaseTellings],
  exports: [CaseDataModule, CaseGatewayModule, CasesService, DeadlineClockService, CaseTellings],
})
export class CasesModule {}
