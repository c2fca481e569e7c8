import { createTestApp, TestApp } from '../support/app';
import { createInstitution } from '../support/factories';

/**
 * Entering a new year's holiday schedule: chinese-days stops at the last year the State Council has announced, so
 * each autumn an administrator publishes the next one from the notice, starting from the statutory draft.
 */
describe('calendar years over HTTP', () => {
  let t: TestApp;
  let admin: { token: string; user: { id: string } };
  let second: { token: string; user: { id: string } };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const YEAR = 2095; // far enough ahead that nothing else publishes it

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin', { officeCode: null });
    second = await t.loginAs('admin', { officeCode: null });
  });
  afterAll(() => t?.close());

  it('lets an administrator propose a year from its draft and a second one publish it, after which deadlines run through it', async () => {
    const before = await t.http().get('/api/calendar/working-days/add').query({ from: `${YEAR}-04-28`, days: 3 }).set(auth(admin.token)).expect(422);
    expect(before.body).toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', message: expect.stringContaining(`${YEAR}`) });

    const draft = await t.http().get(`/api/calendar/years/${YEAR}/draft`).set(auth(admin.token)).expect(200);
    expect(draft.body.holidays).toHaveLength(13);
    expect(draft.body.holidays).toContainEqual({ date: `${YEAR}-05-01`, name: '劳动节' });

    const basis = `国务院办公厅关于${YEAR}年部分节假日安排的通知`;
    // The notice adds 05-03…05-05 off and Saturday 04-30 worked in exchange.
    const holidays = [...draft.body.holidays, ...['05-03', '05-04', '05-05'].map((md) => ({ date: `${YEAR}-${md}`, name: '劳动节' }))];
    const proposal = await t.http().put(`/api/calendar/years/${YEAR}`).set(auth(admin.token))
      .send({ holidays, workdays: [{ date: `${YEAR}-04-30`, name: '劳动节' }], basis }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'calendar_year', subjectRef: `${YEAR}`, status: 'pending', reason: basis });
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(second.token)).send({}).expect(200);

    // 04-28 (Thu) + 3 working days: 04-29 (Fri), 04-30 (Sat, worked), 05-06 (Fri) — 05-01…05-05 are off.
    const after = await t.http().get('/api/calendar/working-days/add').query({ from: `${YEAR}-04-28`, days: 3 }).set(auth(admin.token)).expect(200);
    expect(after.body).toMatchObject({ date: `${YEAR}-05-06`, provisional: false });

    const years = await t.http().get('/api/calendar/years').set(auth(admin.token)).expect(200);
    expect(years.body.years).toContainEqual(expect.objectContaining({ year: YEAR, source: 'published', basis }));
    expect(years.body.years).toContainEqual(expect.objectContaining({ year: 2026, source: 'official' }));

    const [audit] = await t.ds.query(
      `SELECT actor_id FROM audit_log WHERE resource = 'calendar-year-proposal' AND resource_id = $1 ORDER BY id DESC LIMIT 1`, [`${YEAR}`]);
    expect(audit.actor_id).toBe(admin.user.id);
    const [published] = await t.ds.query(`SELECT published_by FROM calendar_years WHERE year = $1`, [YEAR]);
    expect(published.published_by).toBe(admin.user.id);
  });

  it('refuses a schedule with a weekday marked as a weekend worked when proposed, in Chinese, and keeps the year provisional', async () => {
    const year = YEAR + 1;
    const draft = await t.http().get(`/api/calendar/years/${year}/draft`).set(auth(admin.token)).expect(200);
    const res = await t.http().put(`/api/calendar/years/${year}`).set(auth(admin.token))
      .send({ holidays: draft.body.holidays, workdays: [{ date: `${year}-03-07`, name: '错误' }], basis: '通知' }).expect(400);
    expect(res.body).toMatchObject({ code: 'CALENDAR_WORKDAY_NOT_WEEKEND', message: expect.stringContaining('周六或周日') });
    // the year after a published one is computed provisionally (issue #21): statutory holidays, 调休 unknown
    const check = await t.http().get('/api/calendar/working-days/check').query({ date: `${year}-06-01` }).set(auth(admin.token)).expect(200);
    expect(check.body).toEqual({ date: `${year}-06-01`, workingDay: true, provisional: true });
    const [listed] = await t.ds.query(`SELECT count(*)::int AS n FROM calendar_years WHERE year = $1`, [year]);
    expect(listed.n).toBe(0);

    const noBasis = await t.http().put(`/api/calendar/years/${year}`).set(auth(admin.token))
      .send({ holidays: draft.body.holidays, workdays: [] }).expect(400);
    expect(noBasis.body.details.fields.map((f: { field: string }) => f.field)).toContain('basis');
    await t.http().get('/api/calendar/years/abc/draft').set(auth(admin.token)).expect(400);
  });

  it('lets staff see which years are covered but only an administrator publish one', async () => {
    const officer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const years = await t.http().get('/api/calendar/years').set(auth(officer.token)).expect(200);
    expect(years.body).toHaveProperty('warning');
    await t.http().put(`/api/calendar/years/${YEAR + 2}`).set(auth(officer.token)).send({ holidays: [], workdays: [], basis: 'x' }).expect(403);
    const institution = await t.loginAs('institution', { uscc: (await createInstitution(t.ds)).uscc });
    await t.http().get('/api/calendar/years').set(auth(institution.token)).expect(403);
  });
});
