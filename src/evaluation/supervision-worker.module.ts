import { Module } from '@nestjs/common';
import { EvaluationModule } from './evaluation.module';
import { SupervisionWorker } from './supervision-worker.service';

/** Worker process only: the nightly re-evaluation Schedule and its task queue. */
@Module({ imports: [EvaluationModule], providers: [SupervisionWorker], exports: [SupervisionWorker] })
export class SupervisionWorkerModule {}
