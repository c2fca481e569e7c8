import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'bullmq';
import { InboundService } from './inbound.service';
import { INBOUND_QUEUE, PlatformQueues } from './platform-queues';
import { PlatformClient } from './platform.client';
import { redisOptions } from './redis-options';

export const FEED_SCHEDULER_ID = 'municipal-feed';

/**
 * Pulls the platform's feed every PLATFORM_FEED_EVERY_MS with a BullMQ job scheduler rather than a Temporal
 * Schedule: the pull is one short, stateless, idempotent step (cursor and unique keys live in PostgreSQL), with no
 * human wait or long timer for Temporal to keep durable; the scheduler id makes it one schedule however many
 * worker processes start, it retries with backoff, and it shows up next to the delivery queues in Bull Board.
 */
@Injectable()
export class InboundScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InboundScheduler.name);
  private worker: Worker | null = null;
  private keeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly queues: PlatformQueues,
    private readonly client: PlatformClient,
    private readonly inbound: InboundService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.client.enabled) return;
    const cfg = this.queues.config;
    this.worker = new Worker(INBOUND_QUEUE, async () => this.inbound.pull(), {
      connection: redisOptions(cfg.redisUrl), prefix: cfg.prefix, concurrency: 1,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'inbound worker error'));
    this.worker.on('failed', (_job, err) => this.logger.warn({ err: err.message }, 'feed pull failed; retrying'));
    await this.schedule();
    // the schedule lives only in Redis, which keeps nothing on disk: after a Redis restart it is gone until a
    // worker starts again, so put it back whenever it is missing (test/faults restarts Redis and checks the pull)
    this.keeper = setInterval(() => void this.scheduleIfMissing(), Math.max(cfg.feedEveryMs, 1000));
  }

  private async schedule(): Promise<void> {
    await this.queues.inbound.upsertJobScheduler(FEED_SCHEDULER_ID, { every: this.queues.config.feedEveryMs }, { name: 'pull' })
      .catch((err: Error) => this.logger.error({ err: err.message }, 'cannot schedule the feed pull'));
  }

  private async scheduleIfMissing(): Promise<void> {
    const existing = await this.queues.inbound.getJobScheduler(FEED_SCHEDULER_ID).catch(() => 'unknown');
    if (!existing) await this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.keeper) clearInterval(this.keeper);
    await this.worker?.close().catch(() => undefined);
  }
}
