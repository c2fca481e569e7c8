import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditFileModule } from '../credit-file/credit-file.module';
import { MeasureCatalogueService } from '../measures/measure-catalogue.service';
import { PoliciesModule } from '../policies/policies.module';
import { TaskEntity } from '../tasks/task.entity';
import { BlockedCasesService } from './blocked-cases.service';
import { CaseDeadlineRepository } from './case-deadline.repository';
import { CaseDeadlinesService } from './case-deadlines.service';
import { CaseEventRepository } from './case-event.repository';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseProgressService } from './case-progress.service';
import { CaseTaskRepository } from './case-task.repository';
import { CaseRepository } from './case.repository';

const REPOSITORIES = [CaseRepository, CaseEventRepository, CaseTaskRepository, CaseDeadlineRepository];

/**
 * A case's data: the repositories that own its SQL, and the services the workflow's activities write through
 * (progress, deadlines, lifecycle, blocked cases). Shared by the API (CasesModule) and the worker.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TaskEntity]), CreditFileModule, PoliciesModule],
  // the measures catalogue is read here too (a confirmed sanction names catalogue measures): one query, no module of its own
  providers: [...REPOSITORIES, CaseProgressService, CaseDeadlinesService, CaseLifecycleService, BlockedCasesService, MeasureCatalogueService],
  exports: [...REPOSITORIES, CaseProgressService, CaseDeadlinesService, CaseLifecycleService, BlockedCasesService, MeasureCatalogueService],
})
export class CaseDataModule {}
