import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ProcessMetrics } from './metrics-server';
import { opsSettings } from './ops-settings';

/**
 * The worker process's own metrics: its Node process (memory, event loop lag, GC) and the nightly chain check.
 * The case workers' Temporal metrics (workflow and activity task latency, sticky cache, slots) come from the SDK's
 * exporter on TEMPORAL_METRICS_PORT (src/ops/temporal-telemetry.ts); the service state is on the API's listener.
 */
@Injectable()
export class WorkerMetrics extends ProcessMetrics {

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    const settings = opsSettings();
    super({ host: settings.METRICS_HOST, port: settings.WORKER_METRICS_PORT, token: settings.METRICS_TOKEN, name: 'worker' });
    collectDefaultMetrics({ register: this.registry, prefix: 'educredit_worker_' });
    const latest = () => this.latestChainCheck();
    new Gauge({
      name: 'educredit_credit_chains_broken', help: 'credit files whose hash chain failed the last nightly verification',
      registers: [this.registry],
      async collect() {
        this.set((await latest())?.failed ?? 0);
      },
    });
    new Gauge({
      name: 'educredit_credit_chains_last_check_timestamp_seconds', help: 'when the chain verification last finished (0 = never)',
      registers: [this.registry],
      async collect() {
        this.set((await latest())?.at ?? 0);
      },
    });
  }

  private async latestChainCheck(): Promise<{ failed: number; at: number } | undefined> {
    const [row] = await this.ds.query(
      `SELECT failed, extract(epoch FROM finished_at)::float AS at FROM ops_check_runs WHERE check_name = 'credit_chains'
        ORDER BY finished_at DESC LIMIT 1`);
    return row ? { failed: Number(row.failed), at: Number(row.at) } : undefined;
  }
}
