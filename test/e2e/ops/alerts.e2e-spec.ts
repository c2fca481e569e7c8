import { OpsClock } from '../../../src/ops/ops-clock';
import { createTestApp, TestApp } from '../../support/app';
import { determinedCase, KIND_DATA, settingsBody } from '../../support/documents';
import { createInstitution } from '../../support/factories';
import { auth } from '../../support/http-case';

/** Beijing date `days` after `iso`, by calendar arithmetic in UTC (no local-time surprises). */
const plusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The administrator's alerts (issue #21 item 3) against the real API and database. The clock seam (OpsClock) stands
 * the alerts on a chosen day, so the tests pass on any day of the year; the calendar years used (2098, 2099) are
 * far from any case's deadlines and removed afterwards.
 */
describe('operations alerts', () => {
  let t: TestApp;
  let admin: string;
  let clock: jest.SpyInstance<string, []>;
  const alerts = async () => (await t.http().get('/api/ops/alerts').set(auth(admin)).expect(200)).body as { code: string; count: number; items: string[]; action: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin', { officeCode: null })).token;
    clock = jest.spyOn(t.app.get(OpsClock), 'today');
  }, 60_000);
  afterAll(async () => {
    await t.ds.query(`DELETE FROM calendar_years WHERE year IN (2098, 2099)`);
    await t.close();
  });

  it('asks the administrator to publish next year\'s calendar from 1 November, and stops once it is published', async () => {
    await t.ds.query(`DELETE FROM calendar_years WHERE year IN (2098, 2099)`);
    await t.ds.query(`INSERT INTO calendar_years (year, basis) VALUES (2098, '测试：本年度已发布')`);
    clock.mockReturnValue('2098-10-31');
    expect((await alerts()).map((a) => a.code)).not.toContain('CALENDAR_NEXT_YEAR_MISSING');

    clock.mockReturnValue('2098-11-01');
    const calendar = (await alerts()).find((a) => a.code === 'CALENDAR_NEXT_YEAR_MISSING');
    expect(calendar?.items).toEqual(['2099']);
    expect(calendar?.action).toContain('发布');

    await t.ds.query(`INSERT INTO calendar_years (year, basis) VALUES (2099, '测试：国务院办公厅通知')`);
    expect((await alerts()).map((a) => a.code)).not.toContain('CALENDAR_NEXT_YEAR_MISSING');
    const [audited] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'ops_alerts.read'`);
    expect(audited.n).toBeGreaterThanOrEqual(3);
  });

  it('lists a decision not served within 7 working days of its issue, until its service is recorded', async () => {
    await t.http().put('/api/document-settings').set(auth(admin)).send(settingsBody()).expect(200);
    const officer = (await t.loginAs('officer')).token;
    const approver = (await t.loginAs('approver')).token;
    const caseNo = await determinedCase(t.ds, await createInstitution(t.ds));
    const draft = await t.http().post(`/api/cases/${caseNo}/documents`).set(auth(officer))
      .send({ kind: 'determination-decision', data: KIND_DATA['determination-decision'] }).expect(201);
    const decision = (await t.http().post(`/api/documents/${draft.body.id}/issue`).set(auth(approver)).expect(200)).body;
    const issuedOn: string = decision.issuedOn;
    // other suites on this database issue decisions too (some under the same number, for a bureau of their own
    // settings, and more than the alert lists by name): follow the alert's count, which this decision moves by one
    const unserved = async (): Promise<number> => (await alerts()).find((a) => a.code === 'DECISION_NOT_SERVED')?.count ?? 0;

    // 7 working days are at least 7 calendar days, and at most 17 (issued on 13 February 2026, before the nine days
    // of the Spring Festival, they end on 2 March): 3 days after issue is in time, 30 days after is late
    clock.mockReturnValue(plusDays(issuedOn, 3));
    const inTime = await unserved();
    clock.mockReturnValue(plusDays(issuedOn, 30));
    const late = await unserved();
    expect(late).toBeGreaterThan(inTime);

    await t.http().post(`/api/documents/${decision.id}/service`).set(auth(officer))
      .send({ method: 'direct', servedOn: issuedOn, recipient: '陈明', servers: ['王经办', '赵执法'], place: '机构办公室' }).expect(200);
    expect(await unserved()).toBe(late - 1);
  });
});
