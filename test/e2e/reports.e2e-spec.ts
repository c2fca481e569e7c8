import { randomUUID } from 'node:crypto';
import { SessionCheck } from '../../src/auth/session-check';
import { HealthDatabase } from '../../src/health/health-db';
import { HEALTH_FRESH_MS, HealthProbes } from '../../src/health/health-probes';
import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';

/** The dashboard's own reports, on the real database: what counts as an overdue rectification, and grades. */
describe('reports for the managers\' dashboard', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = (await t.loginAs('manager', { officeCode: null })).token;
  });
  afterAll(() => t?.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** A case resting in rectification whose first deadline passed unanswered (rows as the workflow's activities write them). */
  async function caseWithMissedRectification(dueDate: string): Promise<string> {
    const inst = await createInstitution(t.ds);
    const caseNo = `LY-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const { id: userId } = (await t.ds.query(`SELECT id FROM users LIMIT 1`))[0];
    await t.ds.query(
      `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                          stage, office_code, registered_by, registered_at, updated_at)
       VALUES ($1, $2, $3, 'EDU-001', 1, 1, '测试事实：逾期未整改', 'inspection', 'general', 'REMINDER_INTERVIEW', 'XWPX', $4, now(), now())`,
      [caseNo, inst.id, inst.uscc, userId]);
    await t.ds.query(
      `INSERT INTO institution_deadlines (case_no, uscc, kind, round, due_date, status, idempotency_key)
       VALUES ($1, $2, 'rectification', 0, $3, 'missed', $4)`, [caseNo, inst.uscc, dueDate, randomUUID()]);
    return caseNo;
  }

  it('lists a missed rectification with its working days overdue, and drops it once a report is passed', async () => {
    const caseNo = await caseWithMissedRectification('2026-09-30');
    const res = await t.http().get('/api/reports/overdue-rectifications').query({ asOf: '2026-10-12' }).set(auth(manager)).expect(200);
    // 10-01…10-07 are the National Day holiday; 10-08, 10-09, 10-10 (调休) and 10-12 are working days
    expect(res.body.items).toContainEqual(expect.objectContaining({ caseNo, dueDate: '2026-09-30', officeCode: 'XWPX', overdueWorkingDays: 4 }));
    // serialised once per computation and sent as JSON, conditional requests still answered 304 (json-answer.ts)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    await t.http().get('/api/reports/overdue-rectifications').query({ asOf: '2026-10-12' }).set(auth(manager))
      .set('If-None-Match', res.headers.etag).expect(304);

    await t.ds.query(
      `INSERT INTO case_events (case_no, type, stage_from, stage_to, payload, idempotency_key)
       VALUES ($1, 'RECTIFICATION_PASSED', 'RECTIFICATION_REVIEW', 'RECTIFICATION_REVIEW', '{}', $2)`, [caseNo, randomUUID()]);
    const after = await t.http().get('/api/reports/overdue-rectifications').query({ asOf: '2026-10-12' }).set(auth(manager)).expect(200);
    expect(after.body.items.map((i: { caseNo: string }) => i.caseNo)).not.toContain(caseNo);
  });

  it('counts institutions per grade band of the active policy', async () => {
    const res = await t.http().get('/api/reports/grade-distribution').set(auth(manager)).expect(200);
    expect(res.body.grades.map((g: { grade: string }) => g.grade)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(res.body.grades.reduce((s: number, g: { count: number }) => s + g.count, 0)).toBeGreaterThan(0);
  });

  it('turns a report away at the gate before any session lookup: a disabled account gets 503, not its 401', async () => {
    // issue #14: 200 refused reports each looked up their session and wrote an audit row before the gate refused them
    const admin = (await t.loginAs('admin', { officeCode: null })).token;
    const disabled = await t.loginAs('approver', { officeCode: 'XWPX' });
    await t.http().patch(`/api/users/${disabled.user.id}`).set(auth(admin)).send({ active: false }).expect(200);
    const sessions = jest.spyOn(t.app.get(SessionCheck), 'authenticate');
    const blocker = t.ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE institution_deadlines IN ACCESS EXCLUSIVE MODE'); // every overdue report now waits
    const statuses: number[] = [];
    const asOf = '2026-10-13'; // a parameter set of its own, so no other answer is shared
    let held: Promise<unknown>[] = [];
    try {
      // 36 are let in (and wait on the one query the lock holds), the rest are turned away: the gate is full
      held = Array.from({ length: 40 }, () => t.http().get('/api/reports/overdue-rectifications').query({ asOf }).set(auth(manager))
        .then((r) => void statuses.push(r.status)));
      for (let i = 0; statuses.length < 4; i++) {
        if (i > 200) throw new Error(`the gate did not fill: ${statuses.join(',')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(statuses).toEqual([503, 503, 503, 503]);
      const lookups = sessions.mock.calls.length;

      const refused = await t.http().get('/api/reports/overdue-rectifications').query({ asOf }).set(auth(disabled.token));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 503, code: 'REPORTS_BUSY' });
      expect(refused.headers['retry-after']).toBeDefined();
      expect(sessions.mock.calls.length).toBe(lookups); // its token was never looked at
      const rows = await t.ds.query(`SELECT 1 FROM audit_log WHERE request_id = $1`, [refused.headers['x-request-id']]);
      expect(rows).toHaveLength(0); // and nothing about it was written
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
      await Promise.all(held);
      sessions.mockRestore();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(36);
    // with the gate free again the same token reaches the session check, which refuses it
    const after = await t.http().get('/api/reports/overdue-rectifications').query({ asOf }).set(auth(disabled.token));
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
  });

  it('answers health checks asked at once with one round of pings, and pings again once the last is a second old', async () => {
    // issue #14: each /api/health made three pings whose answers queued behind 200 reports' callbacks
    const probes = t.app.get(HealthProbes);
    const pings = jest.spyOn(t.app.get(HealthDatabase), 'ping'); // counts, and still pings the real database
    try {
      const t0 = Date.now(); // the round below starts now; the clock is passed in, so a slow ping changes nothing
      const answers = await Promise.all(Array.from({ length: 50 }, () => probes.current(t0 + HEALTH_FRESH_MS + 1)));
      expect(answers).toEqual(Array(50).fill({ database: true, redis: true, temporal: true }));
      expect(pings).toHaveBeenCalledTimes(1);
      await probes.current(t0 + HEALTH_FRESH_MS - 800); // fresh: answered without a ping
      expect(pings).toHaveBeenCalledTimes(1);
      await probes.current(t0 + 300); // still fresh enough to answer, and a new round starts behind it
      expect(pings).toHaveBeenCalledTimes(2);
      await probes.current(Date.now() + HEALTH_FRESH_MS + 1); // joins that round rather than starting a third
      expect(pings).toHaveBeenCalledTimes(2);
      await probes.current(Date.now() + HEALTH_FRESH_MS + 1);
      expect(pings).toHaveBeenCalledTimes(3);
      const res = await t.http().get('/api/health').expect(200);
      expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' }, temporal: { status: 'up' } });
    } finally {
      pings.mockRestore();
    }
  });

  it('is not for institutions', async () => {
    const { token } = await t.loginAs('institution', { officeCode: null, uscc: (await createInstitution(t.ds)).uscc });
    await t.http().get('/api/reports/grade-distribution').set(auth(token)).expect(403);
  });
});
