import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DrainLoop } from './drain-loop';
import { DeliveryRef, PlatformQueues } from './platform-queues';
import { PlatformClient } from './platform.client';

const BATCH = 500;

/**
 * Moves pending outbox rows onto the delivery queues: at once when a transaction that wrote a submission
 * commits, and every PLATFORM_POLL_MS anyway, so a lost notification, a Redis that forgot its jobs or a process
 * killed mid-way only delays delivery, never loses it. Rows handed over longer than PLATFORM_REQUEUE_MS ago are
 * handed over again; the job id (= row id) makes that a no-op while their job still lives.
 */
@Injectable()
export class OutboxPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new DrainLoop('platform-outbox', () => this.handOver(), BATCH);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queues: PlatformQueues,
    private readonly client: PlatformClient,
  ) {}

  onApplicationBootstrap(): void {
    if (this.client.enabled) this.loop.start(this.ds, 'platform_outbox', this.queues.config.pollMs);
  }

  /**
   * One batch: queue first, then stamp — a crash in between hands the same ids over again, which collapses. One
   * process at a time (a transaction-scoped advisory lock): with several workers, the others leave it to the holder.
   */
  handOver(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const [{ mine }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('educredit:platform-outbox')) AS mine`);
      if (!mine) return 0;
      const rows: (DeliveryRef & { stale: boolean })[] = await m.query(
        `SELECT id, record_type, queued_at IS NOT NULL AS stale FROM platform_submissions
          WHERE status = 'pending' AND (queued_at IS NULL OR queued_at < now() - make_interval(secs => $1::float8 / 1000))
          ORDER BY created_at LIMIT $2`,
        [this.queues.config.requeueMs, BATCH],
      );
      if (!rows.length) return 0;
      for (const r of rows) if (r.stale) await this.queues.release(r);
      await this.queues.deliver(rows);
      await m.query(`UPDATE platform_submissions SET queued_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
        [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
