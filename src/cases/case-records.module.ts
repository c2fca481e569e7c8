import { Module } from '@nestjs/common';
import { CreditFileModule } from '../credit-file/credit-file.module';
import { JointSanctionService } from '../platform/joint-sanction.service';
import { PoliciesModule } from '../policies/policies.module';
import { BlockedCasesService } from './blocked-cases.service';
import { CaseDeadlinesService } from './case-deadlines.service';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseRecordsService } from './case-records.service';

/** The case workflow's persistence (tasks, events, deadlines, credit-file writes), shared by the API and the worker. */
@Module({
  imports: [CreditFileModule, PoliciesModule],
  // JointSanctionService only writes outbox rows; providing it here keeps this module free of the delivery queues
  providers: [CaseRecordsService, CaseDeadlinesService, CaseLifecycleService, JointSanctionService, BlockedCasesService],
  exports: [CaseRecordsService, CaseDeadlinesService, CaseLifecycleService, BlockedCasesService],
})
export class CaseRecordsModule {}
