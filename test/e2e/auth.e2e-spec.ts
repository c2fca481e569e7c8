import { createHmac } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app';
import { createUser, totpOf } from '../support/factories';

describe('authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('issues a token that identifies the user and their role', async () => {
    const user = await createUser(t.ds, 'approver');
    const login = await t.http().post('/api/auth/login').send({ username: user.username, password: user.password, totp: totpOf(user) }).expect(200);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, role: 'approver', officeCode: 'XWPX', requirements: [], totpEnrolled: true });
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const user = await createUser(t.ds, 'officer');
    const wrong = await t.http().post('/api/auth/login').send({ username: user.username, password: 'nope' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody-here', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
  });

  it('locks a username after 5 failures in a row, the right password included, and says for how long', async () => {
    const user = await createUser(t.ds, 'officer');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.http().post('/api/auth/login').send({ username: user.username, password: `guess-${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423]);
    const locked = await t.http().post('/api/auth/login').send({ username: user.username, password: user.password, totp: totpOf(user) });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/^连续登录失败次数过多，账号已锁定，请 \d+ 分钟后再试$/) });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800); // LOGIN_LOCKOUT_MINUTES: 15 by default
  });

  it('locks a username that does not exist the same way, so a lock-out does not reveal which accounts are real', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.http().post('/api/auth/login').send({ username: `ghost-${process.pid}`, password: `x${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423]);
  });

  it('rejects a forged or expired token with 401', async () => {
    const res = await t.http().get('/api/auth/me').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x').expect(401);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('accepts only HS256 tokens signed with the secret: the same claims under another algorithm or none are refused', async () => {
    const { token } = await t.loginAs('officer');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const sign = (alg: 'HS256' | 'HS512' | 'none') => {
      const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
      const mac = alg === 'none' ? '' : createHmac(alg === 'HS256' ? 'sha256' : 'sha512', process.env.JWT_SECRET!).update(unsigned).digest('base64url');
      return `${unsigned}.${mac}`;
    };
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${sign('HS256')}`).expect(200);
    expect(me.body).toMatchObject({ id: claims.sub, role: 'officer' });
    for (const alg of ['HS512', 'none'] as const) {
      const res = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${sign(alg)}`).expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    }
  });

  it('answers a malformed body with a Chinese message naming the field, not a 500', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 42, totp: 'abc', extra: true }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['username', 'password', 'totp', 'extra']));
  });
});
