import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';
import { auth } from '../support/http-case';

/**
 * Issue #22, "search that finds": one box for a name, a USCC or a case number, with registration dates (Beijing
 * days), severity and office; every listed case says what it waits for. Rows are written directly (the workflow that
 * writes them is covered in cases.e2e-spec); the list reads only PostgreSQL.
 */
describe('case list search', () => {
  let t: TestApp;
  let officer: { token: string; user: { id: string } };
  const tag = Date.now().toString(36).slice(-5);
  const caseNo = (n: number) => `LY-2099-${tag}${n}`;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const [{ version: catalogue }] = await t.ds.query(`SELECT version FROM catalogue_versions WHERE active`);
    const [{ version: policy }] = await t.ds.query(`SELECT max(version) AS version FROM policies`);
    const star = await createInstitution(t.ds, 'XWPX');
    const other = await createInstitution(t.ds, 'XWPX');
    await t.ds.query(`UPDATE institutions SET name = $2 WHERE id = $1`, [star.id, `启明星${tag}培训学校`]);
    const insert = (no: string, inst: { id: string; uscc: string }, severity: string, office: string, registeredAt: string) =>
      t.ds.query(
        `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                            stage, office_code, registered_by, registered_at)
         VALUES ($1,$2,$3,'EDU-001',$4,$5,'未取得办学许可证开展学科类培训','complaint',$6,'INVESTIGATION',$7,$8,$9)`,
        [no, inst.id, inst.uscc, catalogue, policy, severity, office, officer.user.id, registeredAt]);
    // 16:30 UTC on 1 March is 00:30 on 2 March in Beijing: the day the console shows
    await insert(caseNo(1), star, 'general', 'XWPX', '2099-03-01T16:30:00Z');
    await insert(caseNo(2), star, 'serious', 'XWPX', '2099-03-10T02:00:00Z');
    await insert(caseNo(3), other, 'general', 'XWPX', '2099-03-02T02:00:00Z');
    await t.ds.query(
      `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, due_date, priority, idempotency_key)
       VALUES ($1, 'investigate', 'INVESTIGATION', 'open', 'officer', 'XWPX', '2099-03-20', 0, $2)`, [caseNo(1), `${caseNo(1)}:investigate`]);
  });

  afterAll(async () => {
    await t?.ds.query(`DELETE FROM tasks WHERE case_no LIKE $1`, [`LY-2099-${tag}%`]);
    await t?.ds.query(`DELETE FROM cases WHERE case_no LIKE $1`, [`LY-2099-${tag}%`]);
    await t?.close();
  });

  const list = (query: Record<string, string>) => t.http().get('/api/cases').query(query).set(auth(officer.token));
  const numbers = (body: { items: { caseNo: string }[] }) => body.items.map((i) => i.caseNo).sort();

  it('finds cases by part of the institution name (启明星 used to answer a check-digit error)', async () => {
    const res = await list({ q: `启明星${tag}` }).expect(200);
    expect(numbers(res.body)).toEqual([caseNo(1), caseNo(2)]);
    expect(res.body.total).toBe(2);
  });

  it('finds a case by its number and by the start of it', async () => {
    expect(numbers((await list({ q: caseNo(3).toLowerCase() }).expect(200)).body)).toEqual([caseNo(3)]);
    expect((await list({ q: `LY-2099-${tag}` }).expect(200)).body.total).toBe(3);
  });

  it('narrows by registration day in Beijing time, severity and office', async () => {
    const day = await list({ q: `LY-2099-${tag}`, from: '2099-03-02', to: '2099-03-02' }).expect(200);
    expect(numbers(day.body)).toEqual([caseNo(1), caseNo(3)]);
    const serious = await list({ q: `LY-2099-${tag}`, severity: 'serious', officeCode: 'XWPX' }).expect(200);
    expect(numbers(serious.body)).toEqual([caseNo(2)]);
    expect((await list({ q: `LY-2099-${tag}`, officeCode: 'NOPE' }).expect(200)).body.total).toBe(0);
  });

  it('says what each case waits for', async () => {
    const res = await list({ q: caseNo(1) }).expect(200);
    expect(res.body.items[0].waitingFor).toBe('待办：调查并提出拟认定意见');
  });

  it('answers a malformed date with a Chinese message, not a 500', async () => {
    const res = await list({ from: '2099-3-1' }).expect(400);
    expect(res.body.message).toMatch(/日期/);
  });
});
