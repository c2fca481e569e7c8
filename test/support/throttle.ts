import type Redis from 'ioredis';
import { REDIS } from '../../src/redis/redis.module';
import type { TestApp } from './app';

/**
 * Runs `fn` with the public lookup allowance lowered to `limit`, from fresh counters, then forgets every public counter
 * and block. The counters live in Redis and jest runs the suites one after another on the same address (127.0.0.1):
 * without the resets, the public reads of the suite before would count against this one's lowered limit, and a block
 * set here would answer 429 to the next suite's public reads for a whole window.
 */
export async function withPublicLimit<T>(t: TestApp, limit: number, fn: () => Promise<T>): Promise<T> {
  const before = process.env.PUBLIC_THROTTLE_LIMIT;
  process.env.PUBLIC_THROTTLE_LIMIT = String(limit);
  await forgetThrottleCounters(t.app.get<Redis>(REDIS));
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.PUBLIC_THROTTLE_LIMIT;
    else process.env.PUBLIC_THROTTLE_LIMIT = before;
    await forgetThrottleCounters(t.app.get<Redis>(REDIS));
  }
}

async function forgetThrottleCounters(redis: Redis): Promise<void> {
  const pattern = `${process.env.QUEUE_PREFIX ?? 'educredit'}:throttle:*`;
  for (let cursor = '0'; ;) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    if (next === '0') return;
    cursor = next;
  }
}
