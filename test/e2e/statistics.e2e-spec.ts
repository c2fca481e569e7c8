import { CreditFileService } from '../../src/credit-file/credit-file.service';
import { createTestApp, TestApp } from '../support/app';
import { createInstitution, fieldCrypto, makeIdNumber } from '../support/factories';
import { auth } from '../support/http-case';

/**
 * Issue #22: the statistics page's figures agree with SQL counts over seeded data. Everything is seeded in 2001, a year
 * no other test writes in, so the per-quarter figures are hand-computed; only 期末失信主体 (which counts every case
 * still in publication) is checked against an independent SQL count over the whole table.
 */
describe('statistics', () => {
  let t: TestApp;
  let manager: string;
  let officerId: string;
  const tag = Date.now().toString(36).slice(-5);
  const no = (n: string) => `LY-2001-${tag}${n}`;

  beforeAll(async () => {
    t = await createTestApp();
    manager = (await t.loginAs('manager')).token;
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    officerId = officer.user.id;
    const [{ version: catalogue }] = await t.ds.query(`SELECT version FROM catalogue_versions WHERE active`);
    const [{ version: policy }] = await t.ds.query(`SELECT max(version) AS version FROM policies`);
    const a = await createInstitution(t.ds);
    const b = await createInstitution(t.ds);
    const kase = (n: string, inst: { id: string; uscc: string }, severity: string, decision: string | null, closedAt: string | null) =>
      t.ds.query(
        `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                            stage, office_code, registered_by, registered_at, decision_date, closed_at)
         VALUES ($1,$2,$3,'EDU-001',$4,$5,'事实','complaint',$6,$7,'XWPX',$8,'2001-01-02T02:00:00Z',$9,$10)`,
        [no(n), inst.id, inst.uscc, catalogue, policy, severity, closedAt ? 'CLOSED' : 'RECTIFICATION', officerId, decision, closedAt]);
    await kase('A1', a, 'general', '2001-02-10', null);
    await kase('A2', a, 'serious', '2001-05-05', '2001-08-01T02:00:00Z');
    // closed 17:00 UTC on 31 March = 1 April in Beijing: still standing on the last day of Q1
    await kase('B1', b, 'minor', '2001-03-31', '2001-03-31T17:00:00Z');
    await kase('C1', b, 'general', null, '2001-06-01T02:00:00Z');
    const ev = (n: string, type: string, at: string) => t.ds.query(
      `INSERT INTO case_events (case_no, type, occurred_at, idempotency_key) VALUES ($1,$2,$3,$4)`, [no(n), type, at, `${no(n)}:${type}:${at}`]);
    await ev('A1', 'OBJECTION_RECEIVED', '2001-01-20T02:00:00Z');
    await ev('A1', 'OBJECTION_UPHELD', '2001-01-25T02:00:00Z');
    await ev('A1', 'CASE_CORRECTED', '2001-01-26T02:00:00Z');
    await ev('A1', 'JOINT_SANCTION_PROPOSED', '2001-02-20T02:00:00Z');
    await ev('B1', 'OBJECTION_RECEIVED', '2001-03-01T02:00:00Z');
    await ev('C1', 'WITHDRAWN', '2001-06-01T02:00:00Z');
    await ev('A2', 'CLOSED_REPAIRED', '2001-08-01T02:00:00Z');
    // A2 listed: its 列入决定书 served on Fri 06-29 (Q2), the service recorded on Mon 07-02 (Q3); the entry took effect in
    // Q2. Its sanction proposed on 07-02 and two measures confirmed on 07-03 (Q3); A1's proposal of Q1 (above) was
    // never confirmed: a proposal is not a sanction
    await t.ds.query(`INSERT INTO case_events (case_no, type, occurred_at, payload, idempotency_key) VALUES ($1,'LISTED','2001-07-02T02:00:00Z',$2,$3)`,
      [no('A2'), { listedOn: '2001-06-29', listUntil: '2004-05-05' }, `${no('A2')}:LISTED`]);
    await ev('A2', 'JOINT_SANCTION_PROPOSED', '2001-07-02T02:00:00Z');
    await t.app.get(CreditFileService).append({
      uscc: a.uscc, kind: 'joint_sanction', title: '联合惩戒', decisionDate: '2001-07-03', severity: 'serious', publicityFrom: '2001-07-03',
      publicityUntil: '2004-05-05', payload: { measures: [{ id: 'M-ZFCG' }, { id: 'M-CZZJ' }], departments: ['财政部门'], reason: '确认两项措施' },
      sourceRef: `${no('A2')}:joint-sanction`, caseNo: no('A2'), officeCode: 'XWPX', submitToPlatform: false,
    });
    await ev('A1', 'REPAIR_REFUSED', '2001-10-11T02:00:00Z');
    const repair = (n: string, at: string, routes: string[]) => t.ds.query(
      `INSERT INTO case_submissions (case_no, kind, text, routes, submitted_by, submitted_at, idempotency_key) VALUES ($1,'repair','申请',$2,$3,$4,$5)`,
      [no(n), routes, officerId, at, `${no(n)}:repair:${at}`]);
    await repair('A2', '2001-07-01T02:00:00Z', ['commitment', 'training']); // granted 31 days later
    await repair('A1', '2001-10-01T02:00:00Z', ['credit-report']); // refused 10 days later
    const interview = (round: number, kind: string, held: string | null) => t.ds.query(
      `INSERT INTO interviews (case_no, kind, round, scheduled_at, place, planned_attendees, held_at, status) VALUES ($1,$2,$3,$4,'局里',$5,$4,$6)`,
      [no('A1'), kind, round, held ?? '2001-12-20T02:00:00Z', ['王经办'], held ? 'held' : 'scheduled']);
    await interview(1, 'reminder', '2001-02-15T02:00:00Z');
    await interview(2, 'warning', '2001-11-15T02:00:00Z');
    const id = makeIdNumber();
    await t.ds.query(
      `INSERT INTO industry_bans (person_name, person_id_enc, person_id_hmac, institution_id, uscc, from_date, until_date, reason)
       VALUES ('陈明', $1, $2, $3, $4, '2001-05-01', '2004-04-30', '严重失信')`, [fieldCrypto().encrypt(id), fieldCrypto().blindIndex(id), a.id, a.uscc]);
    // one licence decided in Q1 and never published within its 7 working days: Q1's timeliness is 0 %, not —
    await t.ds.query(
      `INSERT INTO publicity_decisions (kind, institution_id, uscc, office_code, document_no, decision_date, due_date, fields)
       VALUES ('licence', $1, $2, 'XWPX', $3, '2001-01-05', '2001-01-12', '{}'), ('penalty', $1, $2, 'XWPX', $4, '2001-04-03', '2001-04-12', '{}')`,
      [a.id, a.uscc, `许可${tag}`, `处罚${tag}`]);
  });

  afterAll(async () => {
    const like = [`LY-2001-${tag}%`];
    for (const table of ['case_events', 'case_submissions', 'interviews']) await t?.ds.query(`DELETE FROM ${table} WHERE case_no LIKE $1`, like);
    await t?.ds.query(`DELETE FROM cases WHERE case_no LIKE $1`, like);
    await t?.close();
  });

  const quarters = async () => {
    const res = await t.http().get('/api/statistics').query({ granularity: 'quarter', from: '2001-01-01', to: '2001-12-31' }).set(auth(manager)).expect(200);
    return res.body as { indicators: { key: string; definition: string }[]; periods: { label: string; from: string; to: string; values: Record<string, number | null> }[] };
  };
  const series = (body: Awaited<ReturnType<typeof quarters>>, key: string) => body.periods.map((p) => p.values[key]);

  it('gives every indicator a definition and four quarters of 2001', async () => {
    const body = await quarters();
    expect(body.periods.map((p) => [p.label, p.from, p.to])).toEqual([
      ['2001年第1季度', '2001-01-01', '2001-03-31'], ['2001年第2季度', '2001-04-01', '2001-06-30'],
      ['2001年第3季度', '2001-07-01', '2001-09-30'], ['2001年第4季度', '2001-10-01', '2001-12-31'],
    ]);
    expect(body.indicators.every((i) => i.definition.length > 10)).toBe(true);
  });

  it('counts subjects, determinations, objections, interviews, sanctions, bans, repairs and 双公示 as seeded', async () => {
    const body = await quarters();
    const expected: Record<string, (number | null)[]> = {
      subjectsNew: [2, 0, 0, 0], subjectsNew_serious: [0, 1, 0, 0], subjectsNew_minor: [1, 0, 0, 0],
      determinations: [2, 1, 0, 0], objectionsReceived: [2, 0, 0, 0], objectionsUpheld: [1, 0, 0, 0], objectionsCorrected: [1, 0, 0, 0],
      objectionsWithdrawn: [0, 1, 0, 0], interviewsReminder: [1, 0, 0, 0], interviewsWarning: [0, 0, 0, 1],
      listedSubjects: [0, 1, 0, 0], jointSanctions: [0, 0, 1, 0],
      bansNew: [0, 1, 0, 0], repairsApplied: [0, 0, 1, 1], repairsRoute_training: [0, 0, 1, 0],
      'repairsRoute_credit-report': [0, 0, 0, 1], repairsGranted: [0, 0, 1, 0], repairsRefused: [0, 0, 0, 1],
      repairsAverageDays: [null, null, 31, 10], publicityLicences: [1, 0, 0, 0], publicityPenalties: [0, 1, 0, 0],
      // nothing decided in Q3 and Q4: no denominator, so no rate (the page shows —), never 100 %
      publicityOnTime: [0, 0, null, null],
    };
    for (const [key, values] of Object.entries(expected)) {
      expect([key, series(body, key)]).toEqual([key, values]);
    }
  });

  it('counts standing subjects as SQL does, and the seeded institutions as worked out by hand', async () => {
    const body = await quarters();
    const standing = (to: string, only: boolean) => t.ds.query(
      `SELECT count(DISTINCT uscc)::int AS n FROM cases
        WHERE decision_date <= $1::date AND (closed_at IS NULL OR closed_at >= ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND (NOT $2 OR case_no LIKE $3)`, [to, only, `LY-2001-${tag}%`]).then(([r]: { n: number }[]) => r.n);
    const sql = await Promise.all(body.periods.map((p) => standing(p.to, false)));
    expect(series(body, 'subjectsStanding')).toEqual(sql);
    expect(await Promise.all(body.periods.map((p) => standing(p.to, true)))).toEqual([2, 1, 1, 1]);
  });

  it('is for leaders, approvers and auditors, and refuses a reversed period in Chinese', async () => {
    const officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    await t.http().get('/api/statistics').query({ granularity: 'year', from: '2001-01-01', to: '2001-12-31' }).set(auth(officer)).expect(403);
    const res = await t.http().get('/api/statistics').query({ granularity: 'month', from: '2001-12-01', to: '2001-01-01' }).set(auth(manager)).expect(400);
    expect(res.body.message).toBe('截止日期不能早于起始日期');
  });

  it('writes the read to the audit log', async () => {
    await quarters();
    const [row] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE resource = 'statistics'`);
    expect(row.n).toBeGreaterThan(0);
  });
});
