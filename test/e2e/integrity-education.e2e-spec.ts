import { createTestApp, TestApp } from '../support/app';
import { createInstitution, TestInstitution } from '../support/factories';

describe('integrity education (诚信教育) over HTTP', () => {
  let t: TestApp;
  let school: TestInstitution;
  let schoolToken: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    school = await createInstitution(t.ds);
    schoolToken = (await t.loginAs('institution', { officeCode: null, uscc: school.uscc })).token;
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t?.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('lets a school record an activity for itself and counts it in the term report', async () => {
    const res = await t.http().post('/api/integrity-education/activities').set(auth(schoolToken))
      .send({ theme: '诚信主题班会', date: '2026-03-12', participants: 45 }).expect(201);
    expect(res.body).toMatchObject({ uscc: school.uscc, term: '2026-1', participants: 45 });
    await t.http().post('/api/integrity-education/activities').set(auth(officer))
      .send({ uscc: school.uscc, theme: '诚信考场', date: '2026-06-20', participants: 120 }).expect(201);

    const report = await t.http().get('/api/integrity-education/report').query({ term: '2026-1' }).set(auth(schoolToken)).expect(200);
    expect(report.body.rows).toEqual([expect.objectContaining({ uscc: school.uscc, activities: 2, participants: 165, themes: ['诚信主题班会', '诚信考场'] })]);
    const list = await t.http().get('/api/integrity-education/activities').query({ term: '2026-1' }).set(auth(schoolToken)).expect(200);
    expect(list.body.items).toHaveLength(2);
  });

  it('refuses a school recording for another school, with the 404 of a missing institution', async () => {
    const other = await createInstitution(t.ds);
    const res = await t.http().post('/api/integrity-education/activities').set(auth(schoolToken))
      .send({ uscc: other.uscc, theme: '诚信主题班会', date: '2026-03-12', participants: 10 }).expect(404);
    expect(res.body.code).toBe('INSTITUTION_NOT_FOUND');
  });

  it('names each invalid field in Chinese', async () => {
    const res = await t.http().post('/api/integrity-education/activities').set(auth(schoolToken))
      .send({ theme: '', date: '2026/03/12', participants: 0 }).expect(400);
    const fields = res.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['theme', 'date', 'participants']));
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lists a school with no activity in the term, with 0 activities', async () => {
    const idle = await createInstitution(t.ds);
    const { token } = await t.loginAs('manager', { officeCode: null });
    const report = await t.http().get('/api/integrity-education/report').query({ term: '2026-1' }).set(auth(token)).expect(200);
    expect(report.body.rows).toContainEqual(expect.objectContaining({ uscc: idle.uscc, activities: 0, participants: 0, themes: [] }));
    const busy = report.body.rows.findIndex((r: { uscc: string }) => r.uscc === school.uscc);
    expect(busy).toBeLessThan(report.body.rows.findIndex((r: { uscc: string }) => r.uscc === idle.uscc));
  });

  it('keeps the report to staff and the school itself', async () => {
    const { token } = await t.loginAs('manager', { officeCode: null });
    await t.http().get('/api/integrity-education/report').query({ term: '2026-1' }).set(auth(token)).expect(200);
    await t.http().post('/api/integrity-education/activities').set(auth(token)).send({}).expect(403);
  });
});
