import { randomUUID } from 'node:crypto';
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

  it('is not for institutions', async () => {
    const { token } = await t.loginAs('institution', { officeCode: null, uscc: (await createInstitution(t.ds)).uscc });
    await t.http().get('/api/reports/grade-distribution').set(auth(token)).expect(403);
  });
});
