import { Inject, Injectable } from '@nestjs/common';
import type { Client, Connection } from '@temporalio/client';
import Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { HealthDatabase } from './health-db';

export type Dependency = 'database' | 'redis' | 'temporal';
export type Probed = Record<Dependency, boolean>;

/** A probe's answer is used for this long after the probe started; an older one is probed again before answering. */
export const HEALTH_FRESH_MS = 1_000;
/** Past this age an answer is still used, and a new probe starts behind it for the next caller. */
const HEALTH_REFRESH_MS = 250;
const PROBE_TIMEOUT_MS = 2_000;

/**
 * The three pings behind `/api/health`, at most one round in flight per process (issue #14: 200 reports at once kept
 * health waiting 0.4–0.7 s). A caller gets the answer of a round that started at most HEALTH_FRESH_MS ago, or waits
 * for a new round: a load balancer asking every few seconds gets a live ping each time, as before; callers asking
 * more often than that (a monitor under load, a flood of health requests) share one round, and their answer takes
 * one turn of the event loop instead of three pings queued behind every other request's callbacks. A dependency that
 * goes down shows within HEALTH_FRESH_MS plus the 2 s ping timeout, as before within the timeout.
 */
@Injectable()
export class HealthProbes {
  private last?: { startedAt: number; result: Probed };
  private round?: Promise<Probed>;

  constructor(
    private readonly db: HealthDatabase,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  current(now = Date.now()): Promise<Probed> {
    const last = this.last;
    if (!last || now - last.startedAt > HEALTH_FRESH_MS) return this.probe();
    if (now - last.startedAt > HEALTH_REFRESH_MS) void this.probe();
    return Promise.resolve(last.result);
  }

  private probe(): Promise<Probed> {
    this.round ??= this.pingAll().finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private async pingAll(): Promise<Probed> {
    const startedAt = Date.now();
    const [database, redis, temporal] = await Promise.all([
      ping(() => this.db.ping()),
      ping(async () => (await this.redis.ping()) === 'PONG'),
      ping(async () => (await (this.temporal.connection as Connection).healthService.check({})).status === 1),
    ]);
    const result = { database, redis, temporal };
    if (!this.last || this.last.startedAt < startedAt) this.last = { startedAt, result };
    return result;
  }
}

async function ping(check: () => Promise<boolean>): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
  return Promise.race([check().catch(() => false), timeout]);
}
