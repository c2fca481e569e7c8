import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';
import { auth } from '../support/http-case';

/** Issue #22: an institution sees what it has submitted, each with a receipt number and the time it was received. */
describe('portal submissions and receipts', () => {
  let t: TestApp;
  let own: string;
  let other: string;
  const tag = Date.now().toString(36).slice(-5);
  const no = (n: string) => `LY-2003-${tag}${n}`;

  beforeAll(async () => {
    t = await createTestApp();
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const [{ version: catalogue }] = await t.ds.query(`SELECT version FROM catalogue_versions WHERE active`);
    const [{ version: policy }] = await t.ds.query(`SELECT max(version) AS version FROM policies`);
    const a = await createInstitution(t.ds);
    const b = await createInstitution(t.ds);
    own = (await t.loginAs('institution', { officeCode: null, uscc: a.uscc })).token;
    other = (await t.loginAs('institution', { officeCode: null, uscc: b.uscc })).token;
    for (const [n, inst] of [['A', a], ['B', b]] as const) {
      await t.ds.query(
        `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity, stage, office_code, registered_by)
         VALUES ($1,$2,$3,'EDU-001',$4,$5,'事实','complaint','general','RECTIFICATION','XWPX',$6)`, [no(n), inst.id, inst.uscc, catalogue, policy, officer.user.id]);
    }
    const submit = (n: string, kind: string, round: number, at: string) => t.ds.query(
      `INSERT INTO case_submissions (case_no, kind, round, text, file_ids, submitted_by, submitted_at, idempotency_key)
       VALUES ($1,$2,$3,'材料',$4,$5,$6,$7)`, [no(n), kind, round, kind === 'objection' ? [] : ['00000000-0000-4000-8000-000000000001'], officer.user.id, at, `${no(n)}:${kind}:${round}`]);
    // rounds count from 0 (the first deadline); receipts from 1
    await submit('A', 'objection', 0, '2026-03-02T02:00:00Z');
    await submit('A', 'rectification', 1, '2026-04-01T03:30:00Z');
    await submit('B', 'objection', 0, '2026-03-03T02:00:00Z');
  });

  afterAll(async () => {
    await t?.ds.query(`DELETE FROM case_submissions WHERE case_no LIKE $1`, [`LY-2003-${tag}%`]);
    await t?.ds.query(`DELETE FROM cases WHERE case_no LIKE $1`, [`LY-2003-${tag}%`]);
    await t?.close();
  });

  it('lists its own submissions, newest first, with receipt numbers and times', async () => {
    const res = await t.http().get('/api/portal/submissions').set(auth(own)).expect(200);
    expect(res.body.items).toEqual([
      { receiptNo: `${no('A')}-ZG2`, caseNo: no('A'), kind: 'rectification', kindLabel: '整改报告', round: 1, submittedAt: '2026-04-01T03:30:00.000Z', files: 1 },
      { receiptNo: `${no('A')}-YY1`, caseNo: no('A'), kind: 'objection', kindLabel: '异议', round: 0, submittedAt: '2026-03-02T02:00:00.000Z', files: 0 },
    ]);
  });

  it('never shows another institution’s submissions, even when asked for its case', async () => {
    const res = await t.http().get('/api/portal/submissions').query({ caseNo: no('A') }).set(auth(other)).expect(200);
    expect(res.body.items).toEqual([]);
  });
});
