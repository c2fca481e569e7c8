import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app';
import { createUser, totpOf } from '../support/factories';
import { auth } from '../support/http-case';

const GOOD = 'Haizhou#Jiaoyu-2026';

/** Issue #14 point 9: passwords as GB/T 22239-2019 level 3 wants them, for staff and institutions alike. */
describe('passwords', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin', { officeCode: null })).token;
  });
  afterAll(() => t.close());

  const createAccount = (password: string, username = `off-${randomUUID().slice(0, 8)}`) => t.http().post('/api/users').set(auth(admin))
    .send({ username, password, role: 'officer', displayName: '新经办', officeCode: 'XWPX' });

  it("refuses the penetration test's passwords and other weak ones, saying why in Chinese", async () => {
    const cases: [string, string][] = [
      ['password12', 'TOO_SHORT'], ['1111111111a', 'TOO_SHORT'], ['abcdefghijkl', 'TOO_SIMPLE'], ['Aa1!Aa1!Aa1!', 'TOO_SIMPLE'],
      ['Password2026!', 'COMMON'], ['Qwerty123456', 'COMMON'], ['Iloveyou#2026', 'COMMON'],
    ];
    for (const [password, problem] of cases) {
      const res = await createAccount(password);
      expect({ password, status: res.status }).toEqual({ password, status: 400 });
      if (problem === 'TOO_SHORT') {
        expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain('password');
      } else {
        expect({ password, code: res.body.code, problems: res.body.details.problems }).toEqual({ password, code: 'PASSWORD_WEAK', problems: expect.arrayContaining([problem]) });
        expect(res.body.message).toMatch(/^密码不符合要求：/);
      }
    }
  });

  it('refuses a password that contains the username', async () => {
    const username = `zhangwei-${randomUUID().slice(0, 4)}`;
    const res = await createAccount(`${username.toUpperCase()}#2026`, username).expect(400);
    expect(res.body.details.problems).toContain('CONTAINS_USERNAME');
  });

  it('makes a new account change its initial password and enrol a second factor before anything else', async () => {
    const username = `off-${randomUUID().slice(0, 8)}`;
    const created = await createAccount(GOOD, username).expect(201);
    expect(created.body).toMatchObject({ mustChangePassword: true, totpEnrolled: false });
    const login = await t.http().post('/api/auth/login').send({ username, password: GOOD }).expect(200);
    expect(login.body.requirements).toEqual(['password_change', 'totp_enrolment']);
    const token = login.body.accessToken;
    const refused = await t.http().get('/api/tasks').set(auth(token)).expect(403);
    expect(refused.body).toMatchObject({ code: 'SETUP_REQUIRED', message: expect.stringContaining('修改初始密码') });
    const me = await t.http().get('/api/auth/me').set(auth(token)).expect(200);
    expect(me.body).toMatchObject({ username, requirements: ['password_change', 'totp_enrolment'], totpEnrolled: false });
    const changed = await t.http().post('/api/auth/password').set(auth(token)).send({ currentPassword: GOOD, newPassword: 'Lianyungang@Haizhou9' }).expect(200);
    expect(changed.body.requirements).toEqual(['totp_enrolment']);
    await t.http().get('/api/tasks').set(auth(changed.body.accessToken)).expect(403); // still no second factor
  });

  it('changes a password only with the current one, to an acceptable and different one', async () => {
    const { user, token } = await t.loginAs('officer');
    const wrong = await t.http().post('/api/auth/password').set(auth(token)).send({ currentPassword: 'not-it', newPassword: GOOD }).expect(400);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await t.http().post('/api/auth/password').set(auth(token)).send({ currentPassword: user.password, newPassword: 'Password2026!' }).expect(400);
    expect(weak.body.code).toBe('PASSWORD_WEAK');
    const same = await t.http().post('/api/auth/password').set(auth(token)).send({ currentPassword: user.password, newPassword: user.password }).expect(400);
    expect(same.body.code).toBe('PASSWORD_UNCHANGED');
  });

  it("ends the account's other sessions when its password changes, and keeps the changer's", async () => {
    const user = await createUser(t.ds, 'officer');
    const elsewhere = await t.login(user);
    const here = await t.login(user, 1); // a second sign-in needs the next step's code
    const changed = await t.http().post('/api/auth/password').set(auth(here.token)).send({ currentPassword: user.password, newPassword: GOOD }).expect(200);
    await t.http().get('/api/tasks').set(auth(elsewhere.token)).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(401);
    await t.http().get('/api/tasks').set(auth(here.token)).expect(401); // its token predates the new password…
    await t.http().get('/api/tasks').set(auth(changed.body.accessToken)).expect(200); // …the new one works
    await t.http().post('/api/auth/login').send({ username: user.username, password: user.password, totp: totpOf(user, -1) }).expect(401);
  });

  it('asks for a new password once the current one is older than PASSWORD_MAX_AGE_DAYS (90)', async () => {
    const user = await createUser(t.ds, 'approver');
    await t.ds.query(`UPDATE users SET password_changed_at = now() - interval '91 days' WHERE id = $1`, [user.id]);
    const login = await t.http().post('/api/auth/login').send({ username: user.username, password: user.password, totp: totpOf(user) }).expect(200);
    expect(login.body.requirements).toEqual(['password_change']);
    await t.http().get('/api/tasks').set(auth(login.body.accessToken)).expect(403);
  });

  it("lets an admin reset someone's password to a temporary one that must be changed, ending their sessions", async () => {
    const { user, token } = await t.loginAs('officer');
    const done = await t.http().post(`/api/users/${user.id}/password-reset`).set(auth(admin)).send({ password: GOOD }).expect(200);
    expect(done.body).toEqual({ userId: user.id, mustChangePassword: true });
    await t.http().get('/api/tasks').set(auth(token)).expect(401);
    const login = await t.http().post('/api/auth/login').send({ username: user.username, password: GOOD, totp: totpOf(user, 1) }).expect(200);
    expect(login.body.requirements).toEqual(['password_change']);
    const weak = await t.http().post(`/api/users/${user.id}/password-reset`).set(auth(admin)).send({ password: '1111111111a' }).expect(400);
    expect(weak.body.code).toBe('PASSWORD_WEAK');
  });

  it('stores passwords as argon2id hashes', async () => {
    const { user } = await t.loginAs('institution');
    const [row] = await t.ds.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
