import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OutboxService } from '../../src/platform/outbox.service';
import type { RunningSimulator } from '../../src/platform-simulator/server';
import { closeTestDataSource, testDataSource } from '../support/db';
import { makeUscc } from '../support/factories';
import { relayContext, startSimulator, usePlatformEnv, waitFor } from '../support/platform';

/** One rate limit for the whole platform, across record types: the municipal platform meters its clients. */
describe('platform delivery rate limit', () => {
  let sim: RunningSimulator;
  let restoreEnv: () => void;
  let ds: DataSource;
  let relay: INestApplicationContext;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    sim = await startSimulator();
    restoreEnv = usePlatformEnv(sim, { PLATFORM_RATE_LIMIT_PER_SEC: '20' });
    ds = await testDataSource();
    relay = await relayContext();
  });

  afterAll(async () => {
    await relay?.close();
    await closeTestDataSource();
    await sim?.close();
    restoreEnv?.();
  });

  it('sends no more records per second than the limit, whatever their type, and still delivers them all', async () => {
    const outbox = new OutboxService();
    const keys = Array.from({ length: 60 }, (_, i) => `rate-${run}:${i}`);
    await ds.transaction(async (m) => {
      for (const [i, key] of keys.entries()) {
        await outbox.enqueue(m, { recordType: i % 2 ? 'licence' : 'interview', recordRef: key, uscc: makeUscc(), idempotencyKey: key, payload: {} });
      }
    });
    const started = Date.now();
    await waitFor('all delivered', async () => {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM platform_submissions WHERE idempotency_key = ANY($1) AND status = 'delivered'`, [keys]);
      return n === 60;
    }, 30_000, 100);
    // 60 records at 20 per one-second window need three windows, so at least two window boundaries pass
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const perSecond = new Map<string, number>();
    for (const r of sim.admin.held().filter((h) => h.idempotencyKey.startsWith(`rate-${run}:`))) {
      const second = r.receivedAt.slice(0, 19);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    // the limit is counted where records leave (the relay's one-second windows); one let through at a window's very
    // end can arrive in the platform's next second, so allow what two requests in flight can carry over
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(30);
  });
});
