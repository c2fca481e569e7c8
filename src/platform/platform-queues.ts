import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { connectRedis } from '../redis/redis.module';
import type { SubmissionType } from './outbox.service';
import { PlatformConfig, platformConfig, SUBMISSION_TYPES } from './platform.config';

/** One queue per record type, so each type has its own concurrency and a flood of one cannot starve another. */
export const deliveryQueueName = (t: SubmissionType) => `platform-delivery-${t}`;
export const INBOUND_QUEUE = 'platform-inbound';
export const BACKOFF_TYPE = 'platform-capped-exponential';

export interface DeliveryRef {
  id: string;
  record_type: SubmissionType;
}

/** Queue producers for the platform relay; both processes hold them (the API to nudge a resend, Bull Board to show them). */
@Injectable()
export class PlatformQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(PlatformQueues.name);
  readonly config: PlatformConfig = platformConfig();
  readonly connection = connectRedis(this.config.redisUrl, 'platform-queues');
  readonly delivery = new Map<SubmissionType, Queue>(
    SUBMISSION_TYPES.map((t) => [t, this.queue(deliveryQueueName(t), {
      attempts: this.config.maxAttempts,
      backoff: { type: BACKOFF_TYPE },
      // completed jobs stay a while for the dashboard; a job that used up its attempts is dropped because the
      // row is still pending in PostgreSQL and the poller hands it over again (same job id) — nothing is lost
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: true,
    })]),
  );
  readonly inbound = this.queue(INBOUND_QUEUE, { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 100, removeOnFail: 100 });

  private queue(name: string, defaultJobOptions: Queue['defaultJobOptions']): Queue {
    const q = new Queue(name, { connection: this.connection, prefix: this.config.prefix, defaultJobOptions });
    q.on('error', (err) => this.logger.warn({ err: err.message, queue: name }, 'queue connection error'));
    return q;
  }

  all(): Queue[] {
    return [...this.delivery.values(), this.inbound];
  }

  /** Job id = submission id: handing the same row over twice adds nothing while its job exists. */
  async deliver(rows: DeliveryRef[]): Promise<void> {
    const byType = new Map<SubmissionType, DeliveryRef[]>();
    for (const r of rows) byType.set(r.record_type, [...(byType.get(r.record_type) ?? []), r]);
    await Promise.all([...byType].map(([type, list]) =>
      this.delivery.get(type)!.addBulk(list.map((r) => ({ name: 'deliver', data: { id: r.id }, opts: { jobId: r.id } })))));
  }

  /**
   * Drops a finished job that still carries this id, so the row can be handed over again (after a fix, or when
   * the row is pending but its job was left completed). An active job is left alone: it will finish by itself.
   */
  async release(ref: DeliveryRef): Promise<void> {
    const job = await this.delivery.get(ref.record_type)!.getJob(ref.id);
    if (job && ((await job.isCompleted()) || (await job.isFailed()))) await job.remove().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close().catch(() => undefined)));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
