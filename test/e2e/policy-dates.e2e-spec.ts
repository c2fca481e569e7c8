import { createTestApp, TestApp } from '../support/app';
import { auth, daysFromToday } from './credit/helpers';

/**
 * Rules that take effect on a date (issue #16 item 4): a version published ahead applies from its day, and a pending
 * case is judged by the rules in force when the behaviour occurred unless today's are lighter (行政处罚法 art. 37).
 */
describe('policy versions with an effective date', () => {
  let t: TestApp;
  let proposer: string;
  let decider: string;
  let officer: string;
  let original: number;

  beforeAll(async () => {
    t = await createTestApp();
    proposer = (await t.loginAs('admin', { officeCode: null })).token;
    decider = (await t.loginAs('admin', { officeCode: null })).token;
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    original = (await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body.version;
  });
  afterAll(async () => {
    // the suites after this one run under the policy they found
    await t.ds.query(`UPDATE policies SET scheduled = false WHERE scheduled`);
    await t.ds.query(`UPDATE policies SET active = false WHERE active AND version <> $1`, [original]);
    await t.ds.query(`UPDATE policies SET active = true WHERE version = $1`, [original]);
    await t?.close();
  });

  const active = async () => (await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body;
  async function publish(body: Record<string, unknown>) {
    const proposal = await t.http().post('/api/policies').set(auth(proposer)).send(body).expect(202);
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(decider)).send({ note: '同意' }).expect(200);
  }

  it('refuses an effective date in the past', async () => {
    const res = await t.http().post('/api/policies').set(auth(proposer))
      .send({ changes: { objectionDays: 8 }, note: '倒签施行日期', effectiveFrom: daysFromToday(-1) }).expect(400);
    expect(res.body.code).toBe('POLICY_INVALID');
  });

  it('publishes ahead: the version waits for its day, is listed with what it changes, then applies', async () => {
    const before = await active();
    const tomorrow = daysFromToday(1);
    await publish({ changes: { objectionDays: before.document.objectionDays + 3 }, note: '自明日起延长异议期', effectiveFrom: tomorrow });

    expect((await active()).version).toBe(before.version); // approved, but not in force today
    const upcoming = (await t.http().get('/api/policies/upcoming').set(auth(officer)).expect(200)).body;
    expect(upcoming).toEqual([expect.objectContaining({
      effectiveFrom: tomorrow, changes: [{ path: 'objectionDays', before: before.document.objectionDays, after: before.document.objectionDays + 3 }],
    })]);

    // its day comes (the stored date is today's): new cases and steps use it, with nobody publishing at midnight
    await t.ds.query(`UPDATE policies SET effective_from = $2 WHERE version = $1`, [upcoming[0].version, daysFromToday(0)]);
    const now = await active();
    expect(now).toMatchObject({ version: upcoming[0].version, document: expect.objectContaining({ objectionDays: before.document.objectionDays + 3 }) });
    expect((await t.http().get('/api/policies/upcoming').set(auth(officer)).expect(200)).body).toEqual([]);
  });

  it('judges a pending case by the rule of its behaviour’s day unless today’s is lighter (从旧兼从轻)', async () => {
    const yesterday = daysFromToday(-1);
    const judged = async (severity: string) => (await t.http().get(`/api/policies/for-behaviour?occurredOn=${yesterday}&severity=${severity}`)
      .set(auth(officer)).expect(200)).body;
    const thenVersion = (await judged('serious')).version;
    expect((await judged('serious')).document.publicity.serious.maxMonths).toBe(36);

    // from today serious records are published for 24 months instead of 36: lighter for the institution
    await publish({ changes: { publicity: { ...(await active()).document.publicity, serious: { minMonths: 12, maxMonths: 24 } } }, note: '缩短严重失信公示期' });
    const lighter = await judged('serious');
    expect(lighter.version).not.toBe(thenVersion);
    expect(lighter.document.publicity.serious.maxMonths).toBe(24);
    expect(lighter.reason).toContain('从轻');
    // for a general case nothing got lighter: the rule of the behaviour's day stays
    expect((await judged('general')).version).toBe(thenVersion);
  });
});
