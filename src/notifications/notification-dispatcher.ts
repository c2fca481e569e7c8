import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { validateEnv } from '../config/env.schema';
import { DrainLoop } from '../platform/drain-loop';
import { redisOptions } from '../platform/redis-options';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './notification-channels';
import { NOTIFICATION_QUEUE, NotificationQueue } from './notification-queue';

const BATCH = 500;
const REQUEUE_MS = 60_000;

/**
 * Worker side: inbox rows whose SMS/e-mail copy is pending go onto the notifications queue (woken by the
 * INSERT trigger's NOTIFY after commit, and every second anyway); a queue worker sends them on every channel.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly loop = new DrainLoop('notifications', () => this.handOver(), BATCH);
  private worker: Worker | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: NotificationQueue,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  onApplicationBootstrap(): void {
    const env = validateEnv(process.env);
    this.worker = new Worker(NOTIFICATION_QUEUE, (job) => this.send(job), {
      connection: redisOptions(env.REDIS_URL), prefix: env.QUEUE_PREFIX, concurrency: 8,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'notification worker error'));
    this.loop.start(this.ds, 'notification_outbox', 1000);
  }

  async handOver(): Promise<number> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM notifications WHERE dispatch_status = 'pending'
          AND (queued_at IS NULL OR queued_at < now() - make_interval(secs => $1::float8 / 1000))
        ORDER BY created_at LIMIT $2`,
      [REQUEUE_MS, BATCH],
    );
    if (!rows.length) return 0;
    await this.queue.queue.addBulk(rows.map((r) => ({ name: 'send', data: { id: r.id }, opts: { jobId: r.id } })));
    await this.ds.query(`UPDATE notifications SET queued_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    return rows.length;
  }

  async send(job: Job<{ id: string }>): Promise<string> {
    const [row] = await this.ds.query(
      `SELECT n.id, n.title, n.body, n.dispatch_status, u.id AS user_id, u.username, u.display_name
         FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.id = $1`,
      [job.data.id],
    );
    if (!row || row.dispatch_status !== 'pending') return 'skipped';
    for (const channel of this.channels) {
      await channel.send({
        notificationId: row.id, userId: row.user_id, username: row.username, displayName: row.display_name,
        title: row.title, body: row.body,
      });
    }
    await this.ds.query(
      `UPDATE notifications SET dispatch_status = 'sent', dispatched_at = now() WHERE id = $1 AND dispatch_status = 'pending'`,
      [row.id],
    );
    return 'sent';
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.worker?.close().catch(() => undefined);
  }
}
