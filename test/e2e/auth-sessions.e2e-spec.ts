import { createHmac, randomUUID } from 'node:crypto';
import { REPOSITORY_JWT_SECRET } from '../../src/config/env.schema';
import { createTestApp, TestApp } from '../support/app';
import { auth } from '../support/http-case';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
/** An HS256 token over any claims, signed with any secret: what an attacker who knows the secret can make. */
function forge(claims: object, secret: string): string {
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** Issue #14 points 1 and 4: a token is only as good as the session and the account behind it, right now. */
describe('sessions', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin', { officeCode: null })).token;
  });
  afterAll(() => t.close());

  describe('tokens nobody issued', () => {
    it('refuses a token signed with the secret once published in the repository, whatever it claims', async () => {
      const { token } = await t.loginAs('officer');
      const res = await t.http().get('/api/tasks').set(auth(forge(claimsOf(token), REPOSITORY_JWT_SECRET))).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('refuses a correctly signed token for an account that does not exist, or without an expiry', async () => {
      const { token } = await t.loginAs('admin', { officeCode: null });
      const real = claimsOf(token);
      const secret = process.env.JWT_SECRET!;
      const now = Math.floor(Date.now() / 1000);
      expect((await t.http().get('/api/users').set(auth(forge(real, secret)))).status).toBe(200); // the forge itself is faithful
      const ghost = forge({ ...real, sub: randomUUID(), username: 'ghost' }, secret);
      const inventedSession = forge({ ...real, sid: randomUUID() }, secret);
      const { exp: _exp, ...unlimited } = real;
      for (const forged of [ghost, inventedSession, forge(unlimited, secret), forge({ ...real, sid: 'not-a-uuid' }, secret), forge({ sub: real.sub, role: 'admin', iss: 'edu-credit', iat: now, exp: now + 60 }, secret)]) {
        const res = await t.http().get('/api/users').set(auth(forged));
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
      }
    });

    it('issues access tokens that live 15 minutes, with a refresh token to renew them', async () => {
      const login = await t.loginAs('officer');
      const claims = claimsOf(login.token);
      expect(claims.exp - claims.iat).toBe(15 * 60);
      expect(login.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    });
  });

  describe('changes to the account', () => {
    it('refuses the token of an account the admin disabled, on the next request', async () => {
      const { user, token } = await t.loginAs('officer');
      await t.http().get('/api/tasks').set(auth(token)).expect(200);
      await t.http().patch(`/api/users/${user.id}`).set(auth(admin)).send({ active: false }).expect(200);
      const res = await t.http().get('/api/tasks').set(auth(token)).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('refuses, within 60 seconds, the token of a disabled account on another API process too', async () => {
      process.env.SESSION_CACHE_TTL_MS = '2000'; // the second process's cache: the same rule, a shorter wait for the test
      const other = await createTestApp();
      delete process.env.SESSION_CACHE_TTL_MS;
      try {
        const { user, token } = await t.loginAs('officer');
        await other.http().get('/api/tasks').set(auth(token)).expect(200); // the other process now has the session cached
        const disabledAt = Date.now();
        await t.http().patch(`/api/users/${user.id}`).set(auth(admin)).send({ active: false }).expect(200);
        let status = 200;
        while (status === 200 && Date.now() - disabledAt < 60_000) {
          status = (await other.http().get('/api/tasks').set(auth(token))).status;
          if (status === 200) await new Promise((r) => setTimeout(r, 200));
        }
        expect(status).toBe(401);
        expect(Date.now() - disabledAt).toBeLessThan(60_000);
      } finally {
        await other.close();
      }
    });

    it('ends the token of an account whose role changed, and the refresh gives one with the new role', async () => {
      const { user, token, refreshToken } = await t.loginAs('officer');
      await t.http().patch(`/api/users/${user.id}`).set(auth(admin)).send({ role: 'manager', officeCode: null }).expect(200);
      await t.http().get('/api/tasks').set(auth(token)).expect(401);
      const renewed = await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(200);
      const me = await t.http().get('/api/auth/me').set(auth(renewed.body.accessToken)).expect(200);
      expect(me.body).toMatchObject({ id: user.id, role: 'manager', officeCode: null });
    });

    it('refuses to refresh the session of a disabled account', async () => {
      const { user, refreshToken } = await t.loginAs('approver');
      await t.http().patch(`/api/users/${user.id}`).set(auth(admin)).send({ active: false }).expect(200);
      const res = await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(401);
      expect(res.body.code).toBe('SESSION_ENDED');
    });
  });

  describe('refresh and logout', () => {
    it('rotates the refresh token at each use; the new pair works', async () => {
      const { refreshToken } = await t.loginAs('officer');
      const first = await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(200);
      expect(first.body).toMatchObject({ expiresIn: 900, requirements: [] });
      expect(first.body.refreshToken).not.toBe(refreshToken);
      await t.http().get('/api/tasks').set(auth(first.body.accessToken)).expect(200);
      await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    });

    it('ends the session when a used refresh token comes back: someone holds a copy', async () => {
      const { refreshToken } = await t.loginAs('officer');
      const renewed = await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(200);
      await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(401); // the copy
      await t.http().post('/api/auth/refresh').send({ refreshToken: renewed.body.refreshToken }).expect(401); // the owner's too
      await t.http().get('/api/tasks').set(auth(renewed.body.accessToken)).expect(401);
    });

    it('logs out: the access token and the refresh token stop working at once', async () => {
      const { token, refreshToken } = await t.loginAs('institution');
      await t.http().get('/api/auth/me').set(auth(token)).expect(200);
      await t.http().post('/api/auth/logout').send({ refreshToken }).expect(204);
      await t.http().get('/api/auth/me').set(auth(token)).expect(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(401);
      await t.http().post('/api/auth/logout').send({ refreshToken }).expect(204); // twice is still logged out
    });

    it('ends a session left idle for longer than SESSION_IDLE_MINUTES (30)', async () => {
      const { token, refreshToken } = await t.loginAs('officer');
      const { sid } = claimsOf(token);
      await t.ds.query(`UPDATE auth_sessions SET refreshed_at = now() - interval '31 minutes' WHERE id = $1`, [sid]);
      const res = await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(401);
      expect(res.body.code).toBe('SESSION_ENDED');
      const [row] = await t.ds.query(`SELECT revoked_reason FROM auth_sessions WHERE id = $1`, [sid]);
      expect(row.revoked_reason).toBe('idle');
    });

    it('stores refresh tokens only as their hash', async () => {
      const { token, refreshToken } = await t.loginAs('officer');
      const [row] = await t.ds.query(`SELECT s::text AS everything FROM auth_sessions s WHERE id = $1`, [claimsOf(token).sid]);
      expect(row.everything).not.toContain(refreshToken);
    });
  });
});
