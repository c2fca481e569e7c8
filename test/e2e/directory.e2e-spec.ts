import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app';

describe('users and offices over HTTP', () => {
  let t: TestApp;
  let admin: { token: string; user: { id: string } };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin', { officeCode: null });
  });
  afterAll(() => t?.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('lets the admin create an officer who can then sign in, and stop the account again', async () => {
    const username = `off-${randomUUID().slice(0, 8)}`;
    const created = await t.http().post('/api/users').set(auth(admin.token))
      .send({ username, password: 'Xinjingban#20261', role: 'officer', displayName: '新经办', officeCode: 'XWPX' }).expect(201);
    expect(created.body).toMatchObject({ username, role: 'officer', officeCode: 'XWPX', active: true, mustChangePassword: true, totpEnrolled: false });
    expect(created.body.passwordHash).toBeUndefined();
    // signed in, with the two things a new account does first (auth-passwords.e2e-spec.ts follows them)
    const first = await t.http().post('/api/auth/login').send({ username, password: 'Xinjingban#20261' }).expect(200);
    expect(first.body.requirements).toEqual(['password_change', 'totp_enrolment']);

    // the answer is the account, not a list holding it (the API fuzzer's schema check found the array)
    const stopped = await t.http().patch(`/api/users/${created.body.id}`).set(auth(admin.token)).send({ active: false }).expect(200);
    expect(stopped.body).toMatchObject({ id: created.body.id, username, active: false });
    const refused = await t.http().post('/api/auth/login').send({ username, password: 'Xinjingban#20261' }).expect(401);
    expect(refused.body.code).toBe('LOGIN_FAILED');
  });

  it('explains a bad account in Chinese, field by field', async () => {
    const res = await t.http().post('/api/users').set(auth(admin.token))
      .send({ username: 'x', password: 'short', role: 'officer', displayName: '某人' }).expect(400);
    const fields = res.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'officeCode']));
    const unknownOffice = await t.http().post('/api/users').set(auth(admin.token))
      .send({ username: `u-${randomUUID().slice(0, 6)}`, password: 'Moushi-Abcd-12345', role: 'officer', displayName: '某人', officeCode: 'NOPE' }).expect(400);
    expect(unknownOffice.body.code).toBe('OFFICE_UNKNOWN');
  });

  it('does not let the admin lock itself out', async () => {
    const res = await t.http().patch(`/api/users/${admin.user.id}`).set(auth(admin.token)).send({ active: false }).expect(409);
    expect(res.body.code).toBe('SELF_LOCKOUT');
  });

  it('shows an approver only the colleagues of its office it may reassign to', async () => {
    const { token } = await t.loginAs('approver', { officeCode: 'JCJY' });
    await t.loginAs('officer', { officeCode: 'JCJY' });
    const res = await t.http().get('/api/users').query({ role: 'admin' }).set(auth(token)).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const u of res.body.items) expect(u).toMatchObject({ officeCode: 'JCJY', active: true, role: expect.stringMatching(/^(officer|approver)$/) });
  });

  it('lists offices for staff and refuses user lists to officers', async () => {
    const { token } = await t.loginAs('officer', { officeCode: 'XWPX' });
    const offices = await t.http().get('/api/offices').set(auth(token)).expect(200);
    expect(offices.body).toContainEqual({ code: 'XWPX', name: '校外培训监管科' });
    await t.http().get('/api/users').set(auth(token)).expect(403);
  });
});
