import { randomUUID } from 'node:crypto';
import { TOTP_PERIOD_S, totpCode } from '../../src/auth/totp';
import { createTestApp, TestApp } from '../support/app';
import { createUser, TestUser, totpOf } from '../support/factories';
import { auth } from '../support/http-case';

/** Issue #14 point 9: a second factor (RFC 6238) for every staff account, optional for institutions, reset with four eyes. */
describe('second factor', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (user: TestUser, totp?: string) => t.http().post('/api/auth/login').send({ username: user.username, password: user.password, totp });

  describe('signing in', () => {
    it('gives an enrolled staff account no token without the current code, nor with a wrong one', async () => {
      const user = await createUser(t.ds, 'officer');
      const missing = await login(user).expect(401);
      expect(missing.body).toMatchObject({ code: 'TOTP_REQUIRED', message: expect.stringContaining('动态口令') });
      const wrongCode = totpOf(user) === '000000' ? '111111' : '000000';
      expect((await login(user, wrongCode).expect(401)).body.code).toBe('TOTP_INVALID');
      const stale = totpCode(user.totpSecret!, Date.now() - 5 * TOTP_PERIOD_S * 1000); // two and a half minutes old
      if (stale !== totpOf(user) && stale !== totpOf(user, -1) && stale !== totpOf(user, 1)) await login(user, stale).expect(401);
      const ok = await login(user, totpOf(user)).expect(200);
      expect(ok.body.requirements).toEqual([]);
    });

    it('accepts each code once: a code seen over a shoulder cannot be replayed', async () => {
      const user = await createUser(t.ds, 'approver');
      const code = totpOf(user)!;
      await login(user, code).expect(200);
      expect((await login(user, code).expect(401)).body.code).toBe('TOTP_INVALID');
      await login(user, totpOf(user, 1)).expect(200); // the next step's code is a new code
    });

    it('does not ask an institution account without a second factor for one', async () => {
      const user = await createUser(t.ds, 'institution', { uscc: undefined });
      const ok = await login(user).expect(200);
      expect(ok.body.requirements).toEqual([]);
    });

    it('stores the secret encrypted, never as the base32 an authenticator shows', async () => {
      const user = await createUser(t.ds, 'manager', { officeCode: null });
      const [row] = await t.ds.query(`SELECT u::text AS everything FROM users u WHERE id = $1`, [user.id]);
      expect(row.everything).not.toContain(user.totpSecret);
    });
  });

  describe('enrolling', () => {
    it("enrols a new staff account at its first sign-in: secret and QR content, a confirming code, ten recovery codes", async () => {
      const user = await createUser(t.ds, 'officer', { totp: false });
      const first = await login(user).expect(200);
      expect(first.body.requirements).toEqual(['totp_enrolment']);
      const started = await t.http().post('/api/auth/totp/enroll').set(auth(first.body.accessToken)).expect(201);
      expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(started.body.otpauthUri).toMatch(new RegExp(`^otpauth://totp/.+:${user.username}\\?.*secret=${started.body.secret}`));
      const bad = await t.http().post('/api/auth/totp/confirm').set(auth(first.body.accessToken)).send({ code: '123456' === totpCode(started.body.secret) ? '654321' : '123456' });
      expect(bad.status).toBe(400);
      const confirmed = await t.http().post('/api/auth/totp/confirm').set(auth(first.body.accessToken)).send({ code: totpCode(started.body.secret) }).expect(200);
      expect(confirmed.body.recoveryCodes).toHaveLength(10);
      expect(confirmed.body.requirements).toEqual([]);
      await t.http().get('/api/tasks').set(auth(confirmed.body.accessToken)).expect(200);
      // from now on the account signs in with the code (the confirming step is spent: the next one)
      await login(user).expect(401);
      await login(user, totpCode(started.body.secret, Date.now() + TOTP_PERIOD_S * 1000)).expect(200);
      const again = await t.http().post('/api/auth/totp/enroll').set(auth(confirmed.body.accessToken)).expect(409);
      expect(again.body.code).toBe('TOTP_ALREADY_ENROLLED');
    });

    it('lets an institution enrol by choice, and then asks it for the code too', async () => {
      const user = await createUser(t.ds, 'institution');
      const token = (await login(user).expect(200)).body.accessToken;
      const { body } = await t.http().post('/api/auth/totp/enroll').set(auth(token)).expect(201);
      await t.http().post('/api/auth/totp/confirm').set(auth(token)).send({ code: totpCode(body.secret) }).expect(200);
      expect((await login(user).expect(401)).body.code).toBe('TOTP_REQUIRED');
    });

    it('accepts each recovery code once in place of the code', async () => {
      const user = await createUser(t.ds, 'officer', { totp: false });
      const token = (await login(user).expect(200)).body.accessToken;
      const { body } = await t.http().post('/api/auth/totp/enroll').set(auth(token)).expect(201);
      const { recoveryCodes } = (await t.http().post('/api/auth/totp/confirm').set(auth(token)).send({ code: totpCode(body.secret) }).expect(200)).body;
      await login(user, recoveryCodes[0]).expect(200);
      await login(user, recoveryCodes[0]).expect(401);
      await login(user, recoveryCodes[1].toUpperCase().replace('-', ' ')).expect(200); // as a person might type it
      const [row] = await t.ds.query(`SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
      expect(row.n).toBe(8);
    });
  });

  describe("an administrator's reset, with four eyes", () => {
    it("needs a second administrator: the proposer's own approval is refused, SAME_PERSON", async () => {
      const [a, b] = [await t.loginAs('admin', { officeCode: null }), await t.loginAs('admin', { officeCode: null })];
      const { user, token } = await t.loginAs('officer');
      const proposed = await t.http().post(`/api/users/${user.id}/totp-reset`).set(auth(a.token)).send({ reason: '手机遗失，已当面核实本人身份' }).expect(201);
      expect(proposed.body).toMatchObject({ userId: user.id, status: 'pending', proposedBy: a.user.id });
      // it is the shared four-eyes guard's proposal (docs/four-eyes.md), raised for the account's owner; its own table is gone
      const shared = await t.http().get('/api/decision-proposals').query({ kind: 'totp_reset', status: 'pending' }).set(auth(b.token)).expect(200);
      expect(shared.body.items).toContainEqual(expect.objectContaining({
        id: proposed.body.id, subjectRef: user.id, decidingRole: 'admin', officeCode: null, raisedBy: user.id, proposedBy: a.user.id }));
      expect((await t.ds.query(`SELECT to_regclass('user_security_requests') AS t`))[0].t).toBeNull();
      const twice = await t.http().post(`/api/users/${user.id}/totp-reset`).set(auth(b.token)).send({ reason: '再次申请' }).expect(409);
      expect(twice.body.code).toBe('REQUEST_PENDING');
      const self = await t.http().post(`/api/user-security-requests/${proposed.body.id}/approve`).set(auth(a.token)).send({}).expect(403);
      expect(self.body.code).toBe('SAME_PERSON');
      await t.http().get('/api/tasks').set(auth(token)).expect(200); // nothing happened yet
      const approved = await t.http().post(`/api/user-security-requests/${proposed.body.id}/approve`).set(auth(b.token)).send({ note: '同意' }).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', decidedBy: b.user.id });
      await t.http().get('/api/tasks').set(auth(token)).expect(401); // the reset ends the account's sessions
      const relogin = await login(user).expect(200); // no code asked: the account enrols again
      expect(relogin.body.requirements).toEqual(['totp_enrolment']);
      // a write's audit row is written once the answer is out: wait for all four
      let rows: unknown[] = [];
      for (let i = 0; i < 50 && rows.length < 4; i++, await new Promise((r) => setTimeout(r, 100))) {
        rows = await t.ds.query(`SELECT action, outcome, actor_id FROM audit_log WHERE resource = 'user-security-request' AND resource_id IN ($1, $2) ORDER BY id`,
          [user.id, proposed.body.id]);
      }
      expect(rows).toEqual(expect.arrayContaining([
        { action: 'user-security-request.create', outcome: 'ok', actor_id: a.user.id },
        { action: 'user-security-request.create', outcome: 'refused:REQUEST_PENDING', actor_id: b.user.id },
        { action: 'user-security-request.transition', outcome: 'refused:SAME_PERSON', actor_id: a.user.id },
        { action: 'user-security-request.transition', outcome: 'ok', actor_id: b.user.id },
      ]));
    });

    it("refuses the account's owner as the approver, and lets a second administrator reject", async () => {
      const [a, b] = [await t.loginAs('admin', { officeCode: null }), await t.loginAs('admin', { officeCode: null })];
      const proposed = await t.http().post(`/api/users/${b.user.id}/totp-reset`).set(auth(a.token)).send({ reason: '更换手机' }).expect(201);
      expect((await t.http().post(`/api/user-security-requests/${proposed.body.id}/approve`).set(auth(b.token)).send({}).expect(403)).body.code).toBe('SAME_PERSON');
      const c = await t.loginAs('admin', { officeCode: null });
      await t.http().post(`/api/user-security-requests/${proposed.body.id}/reject`).set(auth(c.token)).send({ note: '未核实身份' }).expect(200);
      const listed = await t.http().get('/api/user-security-requests').query({ status: 'rejected' }).set(auth(c.token)).expect(200);
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: proposed.body.id, status: 'rejected', decisionNote: '未核实身份' }));
      await t.http().get('/api/users').set(auth(b.token)).expect(200); // b keeps its second factor and its session
    });

    it('is open to administrators only', async () => {
      const { token } = await t.loginAs('approver');
      await t.http().post(`/api/users/${randomUUID()}/totp-reset`).set(auth(token)).send({ reason: '手机遗失' }).expect(403);
    });
  });
});
