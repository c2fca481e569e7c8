import { randomInt } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { auth } from '../support/http-case';
import { withPublicLimit } from '../support/throttle';

/** A documentation-range address (RFC 5737) not used before in this run, so its counters start at zero. */
let lastAddress = 0;
const someAddress = () => `198.51.100.${++lastAddress}`;

/** An app built with these variables set (the way a second API process would be started). */
async function appWith(env: Record<string, string>): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await createTestApp();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

async function auditRow(t: TestApp, sql: string, params: unknown[]) {
  for (let i = 0; i < 50; i++) {
    const [row] = await t.ds.query(sql, params);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/**
 * Issue #14 points 7 and 10: what a client says about itself (X-Forwarded-For, X-Request-Id) is believed only as far
 * as it should be, and the counters that hold back guessers and scrapers are shared by every API process.
 */
describe('client addresses, request ids and shared limits', () => {
  let plain: TestApp;

  beforeAll(async () => {
    plain = await createTestApp();
  });
  afterAll(() => plain.close());

  describe('with no TRUST_PROXY (the default)', () => {
    it('writes the real peer address into the audit log, not the one X-Forwarded-For claims', async () => {
      const username = `nobody-${randomInt(1e9)}`;
      await plain.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.66').send({ username, password: 'x' }).expect(401);
      const row = await auditRow(plain, `SELECT ip, outcome FROM audit_log WHERE action = 'auth.login' AND resource_id = $1`, [username]);
      expect(row.outcome).toBe('refused:LOGIN_FAILED');
      expect(row.ip).toMatch(/127\.0\.0\.1|::1/);
    });

    it('counts public lookups per real address, however X-Forwarded-For varies', async () => {
      await withPublicLimit(plain, 2, async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) statuses.push((await plain.http().get('/api/public/publicity').set('X-Forwarded-For', someAddress())).status);
        expect(statuses).toContain(429);
      });
    });
  });

  describe('behind a proxy that TRUST_PROXY names', () => {
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      // two API processes behind the same proxy, as a deployment with two replicas has them
      a = await appWith({ TRUST_PROXY: 'loopback', LOGIN_ADDRESS_LIMIT: '3' });
      b = await appWith({ TRUST_PROXY: 'loopback', LOGIN_ADDRESS_LIMIT: '3' });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it("records the client's address that the proxy forwarded", async () => {
      const username = `nobody-${randomInt(1e9)}`;
      const client = someAddress();
      await a.http().post('/api/auth/login').set('X-Forwarded-For', client).send({ username, password: 'x' }).expect(401);
      const row = await auditRow(a, `SELECT ip FROM audit_log WHERE action = 'auth.login' AND resource_id = $1`, [username]);
      expect(row.ip).toBe(client);
    });

    it('limits failed logins per address across usernames and across API processes (LOGIN_ADDRESS_LIMIT)', async () => {
      const client = someAddress();
      const fail = (app: TestApp, i: number) => app.http().post('/api/auth/login').set('X-Forwarded-For', client).send({ username: `spray-${i}-${randomInt(1e9)}`, password: 'Winter2026!' });
      expect([(await fail(a, 1)).status, (await fail(b, 2)).status, (await fail(a, 3)).status]).toEqual([401, 401, 401]);
      const blocked = await fail(b, 4);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^登录尝试过于频繁，请 \d+ 秒后再试$/) });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // another address is not held up by this one
      await a.http().post('/api/auth/login').set('X-Forwarded-For', someAddress()).send({ username: 'someone', password: 'x' }).expect(401);
    });

    it('locks a username on every API process once one of them saw the failures', async () => {
      const user = await createUser(a.ds, 'officer');
      for (let i = 0; i < 5; i++) {
        const app = i % 2 ? b : a;
        await app.http().post('/api/auth/login').set('X-Forwarded-For', someAddress()).send({ username: user.username, password: `guess-${i}` }).expect(401);
      }
      const res = await b.http().post('/api/auth/login').set('X-Forwarded-For', someAddress()).send({ username: user.username, password: user.password });
      expect(res.body.code).toBe('ACCOUNT_LOCKED');
    });

    it('shares the public lookup allowance between API processes', async () => {
      await withPublicLimit(a, 2, async () => {
        const client = someAddress();
        const statuses = [
          (await a.http().get('/api/public/publicity').set('X-Forwarded-For', client)).status,
          (await b.http().get('/api/public/publicity').set('X-Forwarded-For', client)).status,
          (await b.http().get('/api/public/publicity').set('X-Forwarded-For', client)).status,
        ];
        expect(statuses).toEqual([200, 200, 429]);
      });
    });
  });

  describe('request ids', () => {
    it("keeps our own id as the audit request id and the client's X-Request-Id beside it", async () => {
      const { token, user } = await plain.loginAs('admin', { officeCode: null });
      const res = await plain.http().get('/api/users').set(auth(token)).set('X-Request-Id', 'client-chosen-id-0001').expect(200);
      const ours = res.headers['x-request-id'];
      expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const row = await auditRow(plain, `SELECT request_id, client_request_id FROM audit_log WHERE actor_id = $1 AND action = 'user.list'`, [user.id]);
      expect(row).toEqual({ request_id: ours, client_request_id: 'client-chosen-id-0001' });
    });

    it("never files two requests under one id, whatever the client sends", async () => {
      const [one, two] = [await plain.http().get('/api/health').set('X-Request-Id', 'same'), await plain.http().get('/api/health').set('X-Request-Id', 'same')];
      expect(one.headers['x-request-id']).not.toBe(two.headers['x-request-id']);
    });
  });
});
