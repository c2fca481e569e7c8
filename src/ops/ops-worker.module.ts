import { Module } from '@nestjs/common';
import { ChainCheck } from './chain-check';
import { WorkerMetrics } from './worker-metrics';

/** Worker process only: its /metrics listener and the nightly credit-chain check (issue #21). */
@Module({ providers: [WorkerMetrics, ChainCheck], exports: [ChainCheck, WorkerMetrics] })
export class OpsWorkerModule {}
