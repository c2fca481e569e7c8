import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { validateEnv } from '../config/env.schema';
import { DrainLoop } from '../platform/drain-loop';
import { startWorker } from '../redis/bull-queue';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './notification-channels';
import { NOTIFICATION_QUEUE, NotificationQueue } from './notification-queue';

const BATCH = 500;
/** Messages per queue job: a job and two statements per batch instead of per message (each task tells its whole office). */
const SEND_BATCH = 25;

/**
 * Worker side: inbox rows whose SMS/e-mail copy is pending go onto the notifications queue (woken by the
 * INSERT trigger's NOTIFY after commit, and every second anyway), in batches; a queue worker sends them on every channel.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly loop = new DrainLoop('notifications', () => this.handOver(), BATCH);
  private worker: Worker | null = null;
  private readonly env = validateEnv(process.env);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: NotificationQueue,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startWorker(NOTIFICATION_QUEUE, (job) => this.send(job), 8, this.logger, 'notification');
    this.loop.start(this.ds, 'notification_outbox', 1000);
  }

  /**
   * Hands pending copies over in batches of SEND_BATCH. One process at a time (a transaction-scoped advisory lock):
   * two workers selecting at once could cut the same rows into differently named batches and send a copy twice.
   */
  handOver(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const [{ mine }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('educredit:notification-outbox')) AS mine`);
      if (!mine) return 0;
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM notifications WHERE dispatch_status = 'pending'
            AND (queued_at IS NULL OR queued_at < now() - make_interval(secs => $1::float8 / 1000))
          ORDER BY created_at LIMIT $2`,
        // rows handed over this long ago and still pending (a Redis that lost its jobs) are handed over again
        [this.env.NOTIFICATION_REQUEUE_MS, BATCH],
      );
      if (!rows.length) return 0;
      const ids = rows.map((r) => r.id);
      const jobs = [];
      for (let i = 0; i < ids.length; i += SEND_BATCH) {
        const batch = ids.slice(i, i + SEND_BATCH);
        jobs.push({ name: 'send', data: { ids: batch }, opts: { jobId: `${batch[0]}+${batch.length}` } });
      }
      await this.queue.queue.addBulk(jobs);
      await m.query(`UPDATE notifications SET queued_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      return rows.length;
    });
  }

  /**
   * Sends a batch: one read for the batch, every channel for each message, one write marking what went out. A send
   * that fails marks the ones before it and fails the job, which is retried; a crash between a send and the mark
   * sends that message again, which the gateways tolerate (notification-channels.ts).
   */
  async send(job: Job<{ ids?: string[]; id?: string }>): Promise<string> {
    const ids = job.data.ids ?? (job.data.id ? [job.data.id] : []); // `id`: a job queued before batches
    const rows: { id: string; title: string; body: string; user_id: string; username: string; display_name: string }[] = await this.ds.query(
      `SELECT n.id, n.title, n.body, u.id AS user_id, u.username, u.display_name
         FROM notifications n JOIN users u ON u.id = n.recipient_user_id
        WHERE n.id = ANY($1::uuid[]) AND n.dispatch_status = 'pending' ORDER BY n.created_at, n.id`,
      [ids],
    );
    const sent: string[] = [];
    try {
      for (const row of rows) {
        for (const channel of this.channels) {
          await channel.send({
            notificationId: row.id, userId: row.user_id, username: row.username, displayName: row.display_name,
            title: row.title, body: row.body,
          });
        }
        sent.push(row.id);
      }
    } finally {
      if (sent.length) {
        await this.ds.query(
          `UPDATE notifications SET dispatch_status = 'sent', dispatched_at = now() WHERE id = ANY($1::uuid[]) AND dispatch_status = 'pending'`,
          [sent],
        );
      }
    }
    return `sent ${sent.length} of ${ids.length}`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.worker?.close().catch(() => undefined);
  }
}
