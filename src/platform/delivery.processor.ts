import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { DeliveryOutcome, DeliveryService } from './delivery.service';
import { GroupCommit } from './group-commit';
import { BACKOFF_TYPE, deliveryQueueName, PlatformQueues } from './platform-queues';
import { backoffDelay, SUBMISSION_TYPES } from './platform.config';
import { PlatformClient } from './platform.client';
import { redisOptions } from './redis-options';

/** Requests to the platform at once; records arriving meanwhile ride in the next request (see GroupCommit). */
const REQUESTS_IN_FLIGHT = 2;

/**
 * Worker side of the relay: one BullMQ worker per record type, so each type has its own concurrency (a flood of
 * licences cannot starve joint-sanction notices). The job carries only the row id; concurrent jobs are grouped
 * into one read, one batch request and one write (DeliveryService), which is what keeps the relay's throughput
 * close to posting straight to the platform.
 */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryProcessor.name);
  private readonly workers: Worker[] = [];
  private readonly group: GroupCommit<DeliveryOutcome>;

  constructor(
    private readonly queues: PlatformQueues,
    private readonly client: PlatformClient,
    delivery: DeliveryService,
  ) {
    this.group = new GroupCommit((ids) => delivery.deliver(ids), REQUESTS_IN_FLIGHT, queues.config.batchMax,
      () => ({ kind: 'skipped' }));
  }

  onApplicationBootstrap(): void {
    const cfg = this.queues.config;
    if (!this.client.enabled) {
      this.logger.warn('PLATFORM_URL is not set: platform submissions stay pending in the outbox until it is');
      return;
    }
    for (const type of SUBMISSION_TYPES) {
      const worker: Worker = new Worker(deliveryQueueName(type), (job) => this.process(job, worker), {
        connection: redisOptions(cfg.redisUrl),
        prefix: cfg.prefix,
        concurrency: cfg.concurrency[type],
        lockDuration: cfg.lockMs,
        stalledInterval: Math.min(30_000, cfg.lockMs),
        settings: {
          backoffStrategy: (attemptsMade, strategy) =>
            strategy === BACKOFF_TYPE ? backoffDelay(attemptsMade, cfg.backoffMs, cfg.backoffMaxMs) : cfg.backoffMs,
        },
      });
      worker.on('error', (err) => this.logger.warn({ err: err.message, type }, 'delivery worker error'));
      worker.on('failed', (job, err) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
          this.logger.error({ submissionId: job.id, err: err.message }, 'delivery attempts used up; the outbox poller hands it over again');
        }
      });
      this.workers.push(worker);
    }
  }

  async process(job: Job<{ id: string }>, worker: Worker): Promise<string> {
    await this.rateGate(worker);
    const outcome = await this.group.submit(job.data.id);
    // 5xx, timeouts, cut connections: BullMQ retries with the capped exponential backoff
    if (outcome.kind === 'retry') throw new Error(`platform unavailable: ${outcome.reason}`);
    return outcome.kind === 'delivered' && outcome.duplicate ? 'delivered:duplicate-collapsed' : outcome.kind;
  }

  /**
   * One limit for the whole platform (all record types, all worker processes): a fixed one-second window in
   * Redis. Over the limit, the queue pauses until the next second and the job goes back to waiting without
   * spending an attempt.
   */
  private async rateGate(worker: Worker): Promise<void> {
    const limit = this.queues.config.ratePerSec;
    if (limit <= 0) return;
    const now = Date.now();
    const key = `${this.queues.config.prefix}:platform-rate:${Math.floor(now / 1000)}`;
    const [[, count]] = (await this.queues.connection.multi().incr(key).pexpire(key, 2000).exec()) as [[null, number]];
    if (count <= limit) return;
    await worker.rateLimit(1000 - (now % 1000) + 1);
    throw Worker.RateLimitError();
  }

  /** Before the connections close (onApplicationShutdown): in-flight deliveries finish and record their outcome. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close().catch(() => undefined)));
  }
}
