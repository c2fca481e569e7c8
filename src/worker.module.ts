import { Module } from '@nestjs/common';
import { SupervisionWorkerModule } from './evaluation/supervision-worker.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { OpsWorkerModule } from './ops/ops-worker.module';
import { CASE_WORK_MODULES, CONSUMER_MODULES, FOUNDATION_MODULES } from './shared.modules';

/**
 * The worker process: the services that activities are built from, the queue consumers, the supervision worker,
 * and what only this process runs: institution import jobs, its /metrics listener and the nightly chain check. No HTTP.
 */
@Module({
  imports: [...FOUNDATION_MODULES, ...CASE_WORK_MODULES, ...CONSUMER_MODULES, SupervisionWorkerModule,
    InstitutionsModule.forWorker(), OpsWorkerModule],
})
export class WorkerModule {}
