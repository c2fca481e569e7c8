import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import { createTestApp, TestApp } from '../../support/app';
import { registerBan } from '../../support/bans';
import { makeIdNumber } from '../../support/factories';
import { auth, daysFromToday, registerInstitution } from './helpers';

describe('credit review, measures and inspection plans', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t.close());

  const review = (query: Record<string, string>) => t.http().post('/api/credit-review').send(query).set(auth(officer)).expect(200);
  const matter = (body: object) => t.http().post('/api/review-matters').set(auth(officer)).send(body).expect(201);
  const decide = (id: string, decision = 'approve') =>
    t.http().post(`/api/review-matters/${id}/decision`).set(auth(approver)).send({ decision, reason: '经审查符合条件' });

  it('refuses a licence decision without a review on file, then decides it after one', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const m = await matter({ type: 'licence', uscc, title: '设立审批', persons: [{ name: '李举办', idNumber: makeIdNumber() }] });
    const refused = await decide(m.body.id).expect(409);
    expect(refused.body.code).toBe('REVIEW_REQUIRED');
    const r = await review({ uscc, purpose: 'licence', matterId: m.body.id });
    // no records: B (docs/credit-grading.md), which a licence review does not object to
    expect(r.body).toMatchObject({ outcome: 'pass', grade: 'B', reasons: [] });
    const decided = await decide(m.body.id).expect(200);
    expect(decided.body).toMatchObject({ status: 'approved', reviewId: r.body.id });
    expect(decided.body.persons[0].idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await decide(m.body.id).expect(200); // the same decision again is a retry
    const cov = await t.http().get('/api/credit-review/coverage').query({ from: daysFromToday(-1), to: daysFromToday(1) }).set(auth(officer)).expect(200);
    expect(cov.body.rows).toEqual(expect.arrayContaining([expect.objectContaining({ officeCode: 'XWPX', type: 'licence', coverage: 100 })]));
  });

  it('blocks a banned person, and refuses any approval that names them', async () => {
    const banned = makeIdNumber('19750505');
    const { uscc } = await registerInstitution(t, officer);
    await registerBan(t, officer, approver, { personName: '赵禁入', personIdNumber: banned, uscc, fromDate: daysFromToday(-10), untilDate: daysFromToday(1000) });
    const other = await registerInstitution(t, officer);
    const r = await review({ uscc: other.uscc, purpose: 'licence', idNumber: banned });
    expect(r.body.outcome).toBe('block');
    expect(r.body.reasons).toEqual([expect.objectContaining({ code: 'BANNED_PERSON', outcome: 'block', message: expect.stringContaining('赵**') })]);
    expect(JSON.stringify(r.body)).not.toContain(banned);

    const m = await matter({ type: 'award', uscc: other.uscc, title: '2026 年度诚信办学先进单位', persons: [{ name: '赵禁入', idNumber: banned }] });
    await review({ uscc: other.uscc, purpose: 'award', matterId: m.body.id });
    expect((await decide(m.body.id).expect(409)).body.code).toBe('REVIEW_BLOCKS');
    await decide(m.body.id, 'reject').expect(200);

    // the institution's measures list the ban (a penalty, not a joint-sanction record: issue #17)
    const measures = await t.http().get(`/api/institutions/${uscc}/measures`).set(auth(officer)).expect(200);
    expect(measures.body.industryBans[0].personName).toBe('赵**');
  });

  it('blocks a serious record in publication and passes again once it is repaired', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const file = t.app.get(CreditFileService);
    const det = await file.append({
      uscc, kind: 'determination', title: '提交虚假材料骗取办学许可', decisionDate: daysFromToday(-30), severity: 'serious',
      publicityFrom: daysFromToday(-30), publicityUntil: daysFromToday(1000), payload: { behaviourCode: 'EDU-015', catalogueVersion: 1 },
      sourceRef: `LY-REVIEW-${uscc}:determination`,
    });
    const blocked = await review({ uscc, purpose: 'licence' });
    expect(blocked.body.outcome).toBe('block');
    // EDU-015 deducts 150: 850 is C by the score, and the serious determination holds the grade at D, which the
    // licence rules answer with a warning of their own
    expect(blocked.body).toMatchObject({ grade: 'D', score: 850 });
    expect(blocked.body.reasons).toEqual([
      expect.objectContaining({ code: 'RECORD_IN_PUBLICITY', outcome: 'block', ref: det.id }),
      expect.objectContaining({ code: 'GRADE', outcome: 'warn' }),
    ]);
    await file.append({ uscc, kind: 'repair', title: '信用修复', decisionDate: daysFromToday(0), payload: {}, sourceRef: `LY-REVIEW-${uscc}:repair`, refersTo: det.id });
    expect((await review({ uscc, purpose: 'licence' })).body.outcome).toBe('pass');
  });

  it('keeps a ban in force on the person after the institution\'s credit is repaired', async () => {
    // A ban (限制从业) is a penalty on a person, not a record of the institution's credit file (issue #17): granting
    // the institution's credit repair ends the determination's publicity and must leave the ban, and the block it
    // puts on the person, as they were. A full case to repair needs the workflow and 36号令's waiting periods, so the
    // repair is written the way the case's decide-repair step writes it (CaseLifecycleService.endingRecord: a
    // `repair` record referring to the determination), which is all the credit review reads of it.
    const person = makeIdNumber('19780909');
    const { uscc } = await registerInstitution(t, officer);
    const banId = await registerBan(t, officer, approver, { personName: '钱禁入', personIdNumber: person, uscc, fromDate: daysFromToday(-20), untilDate: daysFromToday(1500) });
    const file = t.app.get(CreditFileService);
    const det = await file.append({
      uscc, kind: 'determination', title: '提交虚假材料骗取办学许可', decisionDate: daysFromToday(-30), severity: 'serious',
      publicityFrom: daysFromToday(-30), publicityUntil: daysFromToday(1000), payload: { behaviourCode: 'EDU-015', catalogueVersion: 1 },
      sourceRef: `LY-BAN-REPAIR-${uscc}:determination`,
    });
    const codes = async (body: Record<string, string>) => (await review(body)).body.reasons.map((r: { code: string }) => r.code);
    expect(await codes({ uscc, purpose: 'licence', idNumber: person })).toEqual(expect.arrayContaining(['RECORD_IN_PUBLICITY', 'BANNED_PERSON']));
    const [before] = await t.ds.query(`SELECT * FROM industry_bans WHERE id = $1`, [banId]);

    await file.append({
      uscc, kind: 'repair', title: '信用修复', decisionDate: daysFromToday(0), refersTo: det.id, payload: { reason: '已完成整改，准予信用修复' },
      sourceRef: `LY-BAN-REPAIR-${uscc}:repair`, officeCode: 'XWPX',
    });
    // the institution's own record no longer blocks (what is left is the grade, which the ban's INDUSTRY_BAN cap
    // still holds down: a warning); the person still blocks, here and at any other institution
    const institution = await review({ uscc, purpose: 'licence' });
    expect(institution.body.outcome).toBe('warn');
    expect(institution.body.reasons.map((r: { code: string }) => r.code)).toEqual(['GRADE']);
    const after = await review({ uscc, purpose: 'licence', idNumber: person });
    expect(after.body.outcome).toBe('block');
    expect(after.body.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'BANNED_PERSON', outcome: 'block', ref: banId })]));
    expect(await codes({ uscc, purpose: 'licence', idNumber: person })).not.toContain('RECORD_IN_PUBLICITY');
    const other = await registerInstitution(t, officer);
    expect(await codes({ uscc: other.uscc, purpose: 'licence', idNumber: person })).toEqual(['BANNED_PERSON']);
    const found = await t.http().post('/api/industry-bans/search').set(auth(officer)).send({ idNumber: person }).expect(200);
    expect(found.body.items).toEqual([expect.objectContaining({ active: true, untilDate: daysFromToday(1500) })]);
    expect((await t.ds.query(`SELECT * FROM industry_bans WHERE id = $1`, [banId]))[0]).toEqual(before);
  });

  it('draws an inspection plan by grade from a published seed, and verifies it by re-running the draw', async () => {
    for (let i = 0; i < 3; i++) await t.loginAs('officer', { officeCode: 'MBJY' });
    for (let i = 0; i < 6; i++) await registerInstitution(t, officer, { officeCode: 'MBJY' });
    const plan = await t.http().post('/api/inspection-plans').set(auth(officer))
      .send({ title: '民办教育机构双随机抽查（测试）', seed: 'published-seed-0001', officeCode: 'MBJY' }).expect(201);
    expect(plan.body).toMatchObject({ seed: 'published-seed-0001', digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // none has records, so all are grade B (20 %, rounded up: 6 × 0.2 = 1.2 → 2), each with two distinct inspectors
    expect(plan.body.targets).toHaveLength(2);
    expect(plan.body.targets.map((x: { grade: string }) => x.grade)).toEqual(['B', 'B']);
    expect(new Set(plan.body.targets[0].inspectorIds).size).toBe(2);
    const verified = await t.http().get(`/api/inspection-plans/${plan.body.id}/verify`).set(auth(officer)).expect(200);
    expect(verified.body).toMatchObject({ ok: true, digestOk: true, drawOk: true });

    // tampering with the stored draw is caught by the re-run
    await t.ds.query(`UPDATE inspection_targets SET inspector_ids = ARRAY[inspector_ids[2], inspector_ids[1]] WHERE plan_id = $1`, [plan.body.id]);
    expect((await t.http().get(`/api/inspection-plans/${plan.body.id}/verify`).set(auth(officer)).expect(200)).body.drawOk).toBe(false);

    const target = plan.body.targets[0].uscc;
    const res = await t.http().put(`/api/inspection-plans/${plan.body.id}/targets/${target}/result`).set(auth(officer))
      .send({ result: 'pass', findings: '证照齐全，未发现问题' }).expect(200);
    expect(res.body).toMatchObject({ result: 'pass' });
    expect((await t.http().put(`/api/inspection-plans/${plan.body.id}/targets/${target}/result`).set(auth(officer))
      .send({ result: 'fail', findings: '改判' }).expect(409)).body.code).toBe('RESULT_ALREADY_RECORDED');
  });
});
