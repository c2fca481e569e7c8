import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';
import { auth } from '../support/http-case';

type Body = { indicators: { key: string; unit: string; definition: string }[]; periods: { from: string; to: string; values: Record<string, number | null> }[] };

/**
 * Issue #22: the statistics page's supervision figures (credit reviews and coverage, 双随机 inspections and the share
 * with findings, integrity education per school, measures) agree with hand counts over rows seeded in 2002, a year no
 * other test writes in, and with independent SQL counts over every row in the database; the periodic report for the
 * district and city credit offices carries the same figures beside the same period a year earlier and the year to date.
 */
describe('statistics: supervision indicators and the periodic report', () => {
  let t: TestApp;
  let manager: string;
  let seeded: string[];

  beforeAll(async () => {
    t = await createTestApp();
    manager = (await t.loginAs('manager')).token;
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const [a, b, c] = [await createInstitution(t.ds), await createInstitution(t.ds), await createInstitution(t.ds)];
    seeded = [a.id, b.id, c.id];
    // in the directory from 1 January 2002 (a, b) and from 1 July 2002 (c): c cannot be "without activity" before Q3
    await t.ds.query(`UPDATE institutions SET created_at = '2002-01-01T02:00:00Z' WHERE id = ANY($1)`, [[a.id, b.id]]);
    await t.ds.query(`UPDATE institutions SET created_at = '2002-07-01T02:00:00Z' WHERE id = $1`, [c.id]);
    const activity = (inst: { id: string; uscc: string }, date: string) => t.ds.query(
      `INSERT INTO integrity_activities (institution_id, uscc, theme, activity_date, term, participants, recorded_by)
       VALUES ($1,$2,'诚信主题班会',$3,'2002-1',30,$4)`, [inst.id, inst.uscc, date, officer.user.id]);
    await activity(a, '2002-03-10');
    await activity(a, '2002-03-20');
    await activity(b, '2002-05-05');
    const [{ version: policy }] = await t.ds.query(`SELECT max(version) AS version FROM policies`);
    const [plan] = await t.ds.query(
      `INSERT INTO inspection_plans (title, seed, year, policy_version, ratios, inspectors_per_target, candidates, inspectors, digest)
       VALUES ('2002年双随机抽查', 'seed', 2002, $1, '{}', 1, '[]', '[]', repeat('0', 64)) RETURNING id`, [policy]);
    const target = (position: number, inst: { id: string; uscc: string }, result: string | null, at: string | null) => t.ds.query(
      `INSERT INTO inspection_targets (plan_id, position, institution_id, uscc, grade, inspector_ids, result, findings, recorded_at)
       VALUES ($1,$2,$3,$4,'B',$5,$6,$7,$8)`, [plan.id, position, inst.id, inst.uscc, [officer.user.id], result, result && '检查记录', at]);
    await target(1, a, 'pass', '2002-05-10T02:00:00Z');
    // 17:00 UTC on 30 June is 1 July in Beijing: a Q3 inspection
    await target(2, b, 'fail', '2002-06-30T17:00:00Z');
    await target(3, c, null, null);
    const review = (inst: { id: string; uscc: string }, outcome: string, at: string) => t.ds.query(
      `INSERT INTO credit_reviews (institution_id, uscc, purpose, outcome, reasons, policy_version, reviewed_at)
       VALUES ($1,$2,'licence',$3,'[]',$4,$5) RETURNING id`, [inst.id, inst.uscc, outcome, policy, at]).then(([r]: { id: string }[]) => r.id);
    const matter = (inst: { id: string; uscc: string }, status: string, reviewId: string | null, at: string | null) => t.ds.query(
      `INSERT INTO review_matters (matter_type, institution_id, uscc, title, status, review_id, decided_at) VALUES ('licence',$1,$2,'办学许可',$3,$4,$5)`,
      [inst.id, inst.uscc, status, reviewId, at]);
    await matter(a, 'approved', await review(a, 'pass', '2002-02-01T02:00:00Z'), '2002-02-03T02:00:00Z');
    await matter(b, 'rejected', await review(b, 'block', '2002-02-02T02:00:00Z'), '2002-02-04T02:00:00Z');
    await matter(c, 'pending', null, null);
  });

  afterAll(async () => {
    await t?.ds.query(`DELETE FROM integrity_activities WHERE institution_id = ANY($1)`, [seeded]);
    await t?.close();
  });

  const statistics = async (granularity: string, from: string, to: string) =>
    (await t.http().get('/api/statistics').query({ granularity, from, to }).set(auth(manager)).expect(200)).body as Body;
  const series = (body: Body, key: string) => body.periods.map((p) => p.values[key]);

  it('counts reviews, inspections and integrity education of 2002 as seeded, by quarter', async () => {
    const body = await statistics('quarter', '2002-01-01', '2002-12-31');
    const expected: Record<string, (number | null)[]> = {
      creditReviews: [2, 0, 0, 0], creditReviewsBlocked: [1, 0, 0, 0], reviewMattersDecided: [2, 0, 0, 0],
      // nothing decided after Q1: no denominator, so —, never 100 %
      reviewCoverage: [100, null, null, null],
      inspections: [0, 1, 1, 0], inspectionsWithFindings: [0, 0, 1, 0], inspectionsFindingShare: [null, 0, 100, null],
      integrityActivities: [2, 1, 0, 0], integritySchoolsActive: [1, 1, 0, 0],
      sanctionMeasures: [0, 0, 0, 0], measuresLifted: [0, 0, 0, 0],
    };
    for (const [key, values] of Object.entries(expected)) expect([key, series(body, key)]).toEqual([key, values]);
    expect(body.indicators.filter((i) => i.key in expected).every((i) => i.definition.length > 10)).toBe(true);
  });

  it('counts the schools without any integrity-education activity, those of the seed by hand and all of them as SQL does', async () => {
    const body = await statistics('quarter', '2002-01-01', '2002-12-31');
    const without = (p: { from: string; to: string }, only: boolean) => t.ds.query(
      `SELECT count(*)::int AS n FROM institutions i
        WHERE (i.created_at AT TIME ZONE 'Asia/Shanghai')::date <= $2::date AND (NOT $3 OR i.id = ANY($4))
          AND i.id NOT IN (SELECT institution_id FROM integrity_activities WHERE activity_date >= $1::date AND activity_date <= $2::date)`,
      [p.from, p.to, only, seeded]).then(([r]: { n: number }[]) => r.n);
    // Q1: b (c not yet listed); Q2: a; Q3 and Q4: a, b and c
    expect(await Promise.all(body.periods.map((p) => without(p, true)))).toEqual([1, 1, 3, 3]);
    expect(series(body, 'integritySchoolsNone')).toEqual(await Promise.all(body.periods.map((p) => without(p, false))));
  });

  it('agrees with independent SQL counts over every row in the database, year by year', async () => {
    const body = await statistics('year', '2000-01-01', '2027-12-31');
    const count = (sql: string) => Promise.all(body.periods.map((p) =>
      t.ds.query(`SELECT count(*)::int AS n FROM ${sql}`, [p.from, p.to]).then(([r]: { n: number }[]) => r.n)));
    const local = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date`;
    const sql: Record<string, string> = {
      creditReviews: `credit_reviews WHERE ${local('reviewed_at')}`,
      creditReviewsBlocked: `credit_reviews WHERE outcome = 'block' AND ${local('reviewed_at')}`,
      reviewMattersDecided: `review_matters WHERE ${local('decided_at')}`,
      inspections: `inspection_targets WHERE result IS NOT NULL AND ${local('recorded_at')}`,
      inspectionsWithFindings: `inspection_targets WHERE result = 'fail' AND ${local('recorded_at')}`,
      integrityActivities: `integrity_activities WHERE activity_date BETWEEN $1::date AND $2::date`,
      sanctionMeasures: `credit_effects WHERE kind = 'joint-sanction-measure' AND starts_on BETWEEN $1::date AND $2::date`,
      measuresLifted: `credit_effects WHERE type = 'credit-measure' AND ended_on BETWEEN $1::date AND $2::date`,
    };
    for (const [key, from] of Object.entries(sql)) expect([key, series(body, key)]).toEqual([key, await count(from)]);
  });

  it('reports a quarter to the credit offices beside the same quarter a year earlier and the year to date', async () => {
    const res = await t.http().get('/api/statistics/report').query({ period: 'quarter', year: 2002, number: 3 }).set(auth(manager)).expect(200);
    const report = res.body as { title: string; from: string; to: string; generatedAt: string; columns: (Body['periods'][number] & { label: string })[] };
    expect([report.title, report.from, report.to]).toEqual(['2002年第3季度', '2002-07-01', '2002-09-30']);
    expect(report.columns.map((c) => [c.label, c.from, c.to])).toEqual([
      ['本期', '2002-07-01', '2002-09-30'], ['上年同期', '2001-07-01', '2001-09-30'], ['本年累计', '2002-01-01', '2002-09-30'],
    ]);
    // year to date: both inspections, one with findings (50 %); both reviews; three activities
    expect(report.columns.map((c) => c.values.inspections)).toEqual([1, 0, 2]);
    expect(report.columns.map((c) => c.values.inspectionsFindingShare)).toEqual([100, null, 50]);
    expect(report.columns.map((c) => c.values.creditReviews)).toEqual([0, 0, 2]);
    expect(report.columns.map((c) => c.values.integrityActivities)).toEqual([0, 0, 3]);
    expect(Date.parse(report.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('reports a half year and a year, and refuses a fifth quarter in Chinese', async () => {
    const half = await t.http().get('/api/statistics/report').query({ period: 'half', year: 2002, number: 1 }).set(auth(manager)).expect(200);
    expect([half.body.title, half.body.to, half.body.columns[0].values.integrityActivities]).toEqual(['2002年上半年', '2002-06-30', 3]);
    const year = await t.http().get('/api/statistics/report').query({ period: 'year', year: 2002, number: 1 }).set(auth(manager)).expect(200);
    expect(year.body.columns.map((c: { label: string }) => c.label)).toEqual(['本期', '上年同期']);
    const bad = await t.http().get('/api/statistics/report').query({ period: 'quarter', year: 2002, number: 5 }).set(auth(manager)).expect(400);
    expect(bad.body.message).toBe('期次超出范围：季报为 1–4');
    const officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    await t.http().get('/api/statistics/report').query({ period: 'year', year: 2002, number: 1 }).set(auth(officer)).expect(403);
  });
});
