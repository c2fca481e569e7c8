import { createHmac } from 'node:crypto';
import { DEV_JWT_SECRET } from '../../src/config/env.schema';
import { createTestApp, TestApp } from '../support/app';
import { createUser } from '../support/factories';

describe('authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('issues a token that identifies the user and their role', async () => {
    const user = await createUser(t.ds, 'approver');
    const login = await t.http().post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, role: 'approver', officeCode: 'XWPX' });
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const user = await createUser(t.ds, 'officer');
    const wrong = await t.http().post('/api/auth/login').send({ username: user.username, password: 'nope' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody-here', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
  });

  it('throttles repeated attempts on one account (test limit: 5 a minute)', async () => {
    const user = await createUser(t.ds, 'officer');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.http().post('/api/auth/login').send({ username: user.username, password: 'guess' + i })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await t.http().post('/api/auth/login').send({ username: user.username, password: user.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
  });

  it('rejects a forged or expired token with 401', async () => {
    const res = await t.http().get('/api/auth/me').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x').expect(401);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('accepts only HS256 tokens signed with the secret: the same claims under another algorithm or none are refused', async () => {
    const user = await createUser(t.ds, 'officer');
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: user.id, username: user.username, role: 'officer', officeCode: 'XWPX', iss: 'edu-credit', iat: now, exp: now + 300 };
    const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const token = (alg: 'HS256' | 'HS512' | 'none') => {
      const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
      const mac = alg === 'none' ? '' : createHmac(alg === 'HS256' ? 'sha256' : 'sha512', secret).update(unsigned).digest('base64url');
      return `${unsigned}.${mac}`;
    };
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token('HS256')}`).expect(200);
    expect(me.body).toMatchObject({ id: user.id, role: 'officer' });
    for (const alg of ['HS512', 'none'] as const) {
      const res = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token(alg)}`).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    }
  });

  it('answers a malformed body with a Chinese message naming the field, not a 500', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 42, extra: true }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['username', 'password', 'extra']));
  });
});
