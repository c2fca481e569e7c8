import { Module } from '@nestjs/common';
import { SupervisionWorkerModule } from './evaluation/supervision-worker.module';
import { CASE_WORK_MODULES, CONSUMER_MODULES, FOUNDATION_MODULES } from './shared.modules';

/** The worker process: the services that activities are built from, the queue consumers, the supervision worker. No HTTP. */
@Module({ imports: [...FOUNDATION_MODULES, ...CASE_WORK_MODULES, ...CONSUMER_MODULES, SupervisionWorkerModule] })
export class WorkerModule {}
