import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { validateEnv } from '../config/env.schema';
import { verifyAllChains } from '../credit-file/chain-audit';
import { redisOptions } from '../platform/redis-options';

export const OPS_QUEUE = 'ops-checks';
export const CHAIN_CHECK_SCHEDULER = 'credit-chains-nightly';
/** 02:30 Beijing time: after the 01:30 re-evaluation (src/evaluation/supervision-worker.service.ts), before office hours. */
const NIGHTLY = { pattern: '0 30 2 * * *', tz: 'Asia/Shanghai' };

export interface ChainCheckRun {
  checked: number;
  failed: number;
  failures: { uscc: string; firstBrokenSeq: number | null; reason: string }[];
}

/**
 * The nightly verification of every credit file's hash chain (the same check as scripts/verify-credit-chains.ts), as a
 * BullMQ repeatable job in the worker: one schedule however many workers run (the scheduler id), retried on failure,
 * visible in Bull Board. Each run is recorded in ops_check_runs; a broken chain raises an administrator alert.
 */
@Injectable()
export class ChainCheck implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChainCheck.name);
  private readonly env = validateEnv(process.env);
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private keeper: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = redisOptions(this.env.REDIS_URL);
    this.queue = new Queue(OPS_QUEUE, { connection, prefix: this.env.QUEUE_PREFIX, defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 30, removeOnFail: 30 } });
    this.queue.on('error', () => undefined); // ioredis reconnects by itself
    this.worker = new Worker(OPS_QUEUE, () => this.run(), { connection, prefix: this.env.QUEUE_PREFIX, concurrency: 1 });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'ops worker error'));
    await this.schedule();
    // the schedule lives only in Redis: put it back after a Redis restart (upserting is idempotent)
    this.keeper = setInterval(() => void this.schedule(), 3_600_000);
  }

  private async schedule(): Promise<void> {
    await this.queue?.upsertJobScheduler(CHAIN_CHECK_SCHEDULER, NIGHTLY, { name: 'verify-credit-chains' })
      .catch((err: Error) => this.logger.error({ err: err.message }, 'cannot schedule the nightly chain check'));
  }

  /** Verifies every chain and records the run; returns what it found. */
  async run(): Promise<ChainCheckRun> {
    const startedAt = new Date();
    const result: ChainCheckRun = { checked: 0, failed: 0, failures: [] };
    for await (const { uscc, result: r } of verifyAllChains(this.ds)) {
      result.checked++;
      if (!r.ok) {
        result.failed++;
        result.failures.push({ uscc, firstBrokenSeq: r.firstBrokenSeq ?? null, reason: r.reason ?? 'unknown' });
      }
    }
    await this.ds.query(
      `INSERT INTO ops_check_runs (check_name, started_at, checked, failed, failures) VALUES ('credit_chains', $1, $2, $3, $4)`,
      [startedAt, result.checked, result.failed, JSON.stringify(result.failures.slice(0, 100))]);
    if (result.failed) this.logger.error({ failed: result.failed }, 'credit chain verification found broken chains');
    else this.logger.log(`credit chain verification: ${result.checked} chains intact`);
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.keeper) clearInterval(this.keeper);
    await this.worker?.close().catch(() => undefined);
    await this.queue?.close().catch(() => undefined);
  }
}
