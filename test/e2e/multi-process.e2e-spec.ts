import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type Redis from 'ioredis';
import { REDIS } from '../../src/redis/redis.module';
import { createTestApp, TestApp } from '../support/app';
import { createUser, totpOf } from '../support/factories';
import { freePort } from '../support/metrics';
import { withPublicLimit } from '../support/throttle';

const MAIN = resolve(__dirname, '../../dist/src/main.js');
const LIMIT = 6;

/**
 * Two API processes on one PostgreSQL and Redis (issue #20 part 2): this test's own app (A) and the built API as
 * production runs it (B, dist/src/main.js). What one process counts or ends, the other must see at once: the public
 * lookup allowance, a username's lock-out, a logout. Each process keeps a session cache for 30 s, so without the
 * cache bus B would still accept a token A just logged out.
 */
describe('two API processes', () => {
  let t: TestApp;
  let b: ChildProcess;
  let baseA: string;
  let baseB: string;

  const call = async (base: string, method: string, path: string, body?: object, token?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    t = await createTestApp();
    // both over real TCP from the same address, so both count the same client
    await t.app.listen(0, '127.0.0.1');
    baseA = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const port = await freePort();
    baseB = `http://127.0.0.1:${port}`;
    b = spawn(process.execPath, [MAIN], {
      stdio: 'ignore',
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_THROTTLE_LIMIT: String(LIMIT), SESSION_CACHE_TTL_MS: '30000' },
    });
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${baseB}/api/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the second API process did not answer within 60 s');
  }, 90_000);

  afterAll(async () => {
    if (b && b.exitCode === null) await new Promise((done) => { b.once('exit', done); b.kill('SIGTERM'); });
    await t?.close();
  });

  it('shares one public allowance per client: the limit holds across both processes together', async () => {
    await withPublicLimit(t, LIMIT, async () => {
      const answers: { by: 'A' | 'B'; status: number; code?: string }[] = [];
      for (let i = 0; i < 2 * LIMIT; i++) {
        const by = i % 2 ? 'B' : 'A';
        const r = await call(by === 'A' ? baseA : baseB, 'GET', '/api/public/publicity');
        answers.push({ by, status: r.status, code: r.body?.code });
      }
      // per-process counters would let each process answer LIMIT times: 2 × LIMIT successes
      expect(answers.filter((a) => a.status === 200)).toHaveLength(LIMIT);
      expect(answers.slice(0, LIMIT).every((a) => a.status === 200)).toBe(true);
      expect(answers.slice(LIMIT)).toEqual(Array.from({ length: LIMIT }, (_, i) => ({ by: i % 2 ? 'B' : 'A', status: 429, code: 'TOO_MANY_REQUESTS' })));
    });
  });

  it('locks a username out on both processes when the failures are spread over them', async () => {
    const user = await createUser(t.ds, 'officer', { officeCode: 'XWPX' });
    try {
      for (let i = 0; i < 5; i++) { // LOGIN_LOCKOUT_THRESHOLD (5): three failures on A, two on B
        const r = await call(i % 2 ? baseB : baseA, 'POST', '/api/auth/login', { username: user.username, password: 'Wrong@Password1', totp: totpOf(user) });
        expect(r.status).toBe(401);
      }
      const right = await call(baseB, 'POST', '/api/auth/login', { username: user.username, password: user.password, totp: totpOf(user) });
      expect({ status: right.status, code: right.body.code }).toEqual({ status: 423, code: 'ACCOUNT_LOCKED' });
    } finally {
      await t.app.get<Redis>(REDIS).del(`${process.env.QUEUE_PREFIX}:login:address:127.0.0.1`); // later suites start afresh
    }
  });

  it('ends a session on the other process at once when it is logged out on one', async () => {
    const user = await createUser(t.ds, 'officer', { officeCode: 'XWPX' });
    const login = await call(baseA, 'POST', '/api/auth/login', { username: user.username, password: user.password, totp: totpOf(user) });
    expect(login.status).toBe(200);
    const token: string = login.body.accessToken;
    expect((await call(baseB, 'GET', '/api/auth/me', undefined, token)).status).toBe(200); // B now holds the session for 30 s
    expect((await call(baseA, 'POST', '/api/auth/logout', { refreshToken: login.body.refreshToken })).status).toBe(204);
    // the invalidation travels through Redis: allow it a moment, far below the 30 s the cache would otherwise keep it
    let status = 0;
    for (let i = 0; i < 10 && status !== 401; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      status = (await call(baseB, 'GET', '/api/auth/me', undefined, token)).status;
    }
    expect(status).toBe(401);
  });
});
