import { randomUUID } from 'node:crypto';
import { readState } from '../../src/ops/ops-queries';
import { createTestApp, TestApp } from '../support/app';
import { createInstitution, TestInstitution } from '../support/factories';
import { auth } from '../support/http-case';

/**
 * A provisional deadline (issue #21: computed in a year whose calendar the administrator has not published) cannot
 * lapse before the year is published and the case recomputes it: it is neither "at risk" on the early-warning list
 * nor "due today" on the operations gauge. Rows as the workflow's activities write them, due today (Beijing), so the
 * test reads the same on any day of the year: only the provisional flag tells the two deadlines apart.
 */
describe('provisional deadlines in the early warning and the operations gauges', () => {
  let t: TestApp;
  let officer: string;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    [{ today }] = await t.ds.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
  });
  afterAll(() => t?.close());

  /** A case resting in rectification with its open deadline due today, provisional or not. */
  async function caseDueToday(inst: TestInstitution, provisional: boolean): Promise<string> {
    const caseNo = `LY-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const [{ id: userId }] = await t.ds.query(`SELECT id FROM users LIMIT 1`);
    await t.ds.query(
      `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                          stage, office_code, registered_by, registered_at, updated_at)
       VALUES ($1, $2, $3, 'EDU-001', 1, 1, '测试事实：整改期限临近', 'inspection', 'general', 'RECTIFICATION', 'XWPX', $4, now(), now())`,
      [caseNo, inst.id, inst.uscc, userId]);
    await t.ds.query(
      `INSERT INTO institution_deadlines (case_no, uscc, kind, round, due_date, status, provisional, idempotency_key)
       VALUES ($1, $2, 'rectification', 0, $3, 'open', $4, $5)`, [caseNo, inst.uscc, today, provisional, randomUUID()]);
    return caseNo;
  }

  it('flags a rectification deadline at risk, but not a provisional one', async () => {
    const inst = await createInstitution(t.ds);
    const firm = await caseDueToday(inst, false);
    const provisional = await caseDueToday(inst, true);
    const res = await t.http().get('/api/early-warnings').query({ uscc: inst.uscc }).set(auth(officer)).expect(200);
    const atRisk = res.body.items.flatMap((i: { flags: { code: string; detail: { caseNo: string } }[] }) => i.flags)
      .filter((f: { code: string }) => f.code === 'RECTIFICATION_AT_RISK').map((f: { detail: { caseNo: string } }) => f.detail.caseNo);
    expect(atRisk).toEqual([firm]);
    expect(atRisk).not.toContain(provisional);

    // an institution whose only deadline is provisional is not on the list at all
    const waiting = await createInstitution(t.ds);
    await caseDueToday(waiting, true);
    expect((await t.http().get('/api/early-warnings').query({ uscc: waiting.uscc }).set(auth(officer)).expect(200)).body.items).toEqual([]);
  });

  it('counts an institution\'s deadline due today, but not a provisional one', async () => {
    const dueToday = async () => (await readState(t.ds)).dueToday.find((d) => d.owner === 'institution')!.n;
    const before = await dueToday();
    const inst = await createInstitution(t.ds);
    await caseDueToday(inst, true);
    expect(await dueToday()).toBe(before);
    await caseDueToday(inst, false);
    expect(await dueToday()).toBe(before + 1);
  });
});
