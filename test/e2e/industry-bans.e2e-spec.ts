import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { beijingToday } from '../../src/common/time/beijing';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.module';
import { createTestApp, TestApp } from '../support/app';
import { binary, pdfText, settingsBody } from '../support/documents';
import { createInstitution, makeIdNumber, TestInstitution } from '../support/factories';
import { auth } from '../support/http-case';
import { quietTemporalRuntime, workerContext } from '../support/temporal';

/**
 * 限制从业 by the penalty procedure (行政处罚法 2021; docs/industry-bans.md), through the HTTP routes and the real
 * workflow on the dev server. Dates are hand-computed from the 2026 calendar (the State Council's 2026 holiday
 * notice as brief §5 gives it: 国庆 10-01…10-07 off, 10-10 (Saturday) worked).
 */
describe('industry bans (限制从业) by the penalty procedure', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let inst: TestInstitution;
  const u: Record<string, { id: string; token: string }> = {};

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    for (const [name, role] of [['a', 'officer'], ['b', 'officer'], ['chair', 'approver'], ['approver', 'approver'], ['approver2', 'approver'],
      ['legal', 'legal'], ['head', 'head']] as const) {
      const { user, token } = await t.loginAs(role, { officeCode: role === 'legal' || role === 'head' ? null : 'XWPX' });
      u[name] = { id: user.id, token };
    }
    inst = await createInstitution(t.ds);
    const admin = (await t.loginAs('admin', { officeCode: null })).token;
    await t.http().put('/api/document-settings').set(auth(admin)).send(settingsBody()).expect(200);
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  const post = (who: string, path: string, body: object = {}) => t.http().post(`/api/industry-bans${path}`).set(auth(u[who].token)).send(body);
  const review = async (idNumber: string) =>
    (await t.http().post('/api/credit-review').set(auth(u.a.token)).send({ uscc: inst.uscc, purpose: 'licence', idNumber }).expect(200)).body;
  const banned = async (idNumber: string) => (await review(idNumber)).reasons.some((r: { code: string }) => r.code === 'BANNED_PERSON');
  const proposal = (idNumber: string, extra: object = {}) => ({
    measureId: 'M-XZCY', facts: '当事人在未取得办学许可的场所组织学科类培训，经责令停止后继续开展', personName: '孙某某',
    personIdNumber: idNumber, uscc: inst.uscc, periodYears: 5, secondOfficerId: u.b.id, ...extra,
  });
  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const v = await read();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('timed out waiting for the workflow');
  }
  const view = async (id: string) => (await t.http().get(`/api/industry-bans/${id}`).set(auth(u.a.token)).expect(200)).body;

  it('refuses a basis outside the measures catalogue, and lists the catalogue with its legal bases', async () => {
    const free = await post('a', '', proposal(makeIdNumber(), { measureId: '禁止从事培训工作五年' })).expect(400);
    expect(free.body).toMatchObject({ code: 'MEASURE_NOT_IN_CATALOGUE', message: expect.stringContaining('措施须从失信惩戒措施清单中选择') });
    const joint = await post('a', '', proposal(makeIdNumber(), { measureId: 'M-ZFCG' })).expect(400);
    expect(joint.body.code).toBe('MEASURE_NOT_APPLICABLE'); // a joint-sanction measure is not a penalty
    const catalogue = await t.http().get('/api/measures/catalogue').set(auth(u.a.token)).expect(200);
    expect(catalogue.body.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'M-XZCY', category: 'penalty', legalBasis: expect.stringContaining('教育部令第53号'), severities: ['serious'] })]));
  });

  it('carries a ban from proposal to decision, enforces it from the service of its decision, and ends it when revoked', async () => {
    const idNumber = makeIdNumber('19800315');
    const created = await post('a', '', proposal(idNumber)).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'proposed', personName: '孙**', banId: null });
    expect(JSON.stringify(created.body)).not.toContain(idNumber);
    // two officers with their certificates on the step (行政处罚法 art. 42)
    expect(created.body.steps[0].officers).toEqual([
      expect.objectContaining({ userId: u.a.id, certificateNo: expect.any(String) }), expect.objectContaining({ userId: u.b.id, certificateNo: expect.any(String) })]);
    // a proposal blocks nobody, and no step can be skipped
    expect(await banned(idNumber)).toBe(false);
    expect((await post('head', `/${id}/decision`, { impose: true, collectiveDiscussion: true, reason: '情节严重' }).expect(409)).body.code).toBe('BAN_STEP_OUT_OF_ORDER');
    expect((await post('a', `/${id}/confirmation`).expect(403)).body.code).toBe('SAME_PERSON');
    const confirmed = await post('b', `/${id}/confirmation`).expect(200);
    // the 行政处罚事先告知书 comes from the documents engine, numbered, addressed to the person at the institution
    const noticeDoc = confirmed.body.steps.find((s: { step: string }) => s.step === 'confirmed').detail.notice;
    expect(noticeDoc.docNo).toMatch(/^连区教罚告〔\d{4}〕\d+号$/);
    const noticePdf = await t.http().get(`/api/documents/${noticeDoc.documentId}/pdf`).set(auth(u.a.token)).buffer(true).parse(binary).expect(200);
    expect(pdfText(noticePdf.body as Buffer)).toContain('孙某某（从业机构：');

    // 事先告知书 served Monday 2026-09-28; 5 working days from the next day (art. 64, 85): 09-29, 09-30, (国庆 off)
    // 10-08, 10-09, 10-10 (make-up Saturday) → the last day to ask for a hearing is 2026-10-10; 10-12 is the 6th
    await post('a', `/${id}/notice-service`, { servedOn: '2026-09-28' }).expect(200);
    expect((await until(() => view(id), (v) => v.statementDue !== null)).statementDue).toBe('2026-10-10');
    const late = await post('a', `/${id}/hearing-request`, { requestedOn: '2026-10-12' }).expect(400);
    expect(late.body).toMatchObject({ code: 'HEARING_REQUEST_LATE', details: { statementDue: '2026-10-10' } });
    expect((await post('a', `/${id}/hearing-request`, { requestedOn: '2026-10-10' }).expect(200)).body.status).toBe('hearing');

    // hearing Wednesday 2026-10-21: 7 working days before it (art. 64(2), 85) is Monday 10-12 (10-20, 19, 16, 15, 14, 13, 12)
    const notice = { hearingAt: '2026-10-21T09:30:00+08:00', place: '连云区教育局三楼听证室', chairId: u.chair.id, servedOn: '2026-10-13' };
    expect((await post('a', `/${id}/hearing-notice`, notice).expect(400)).body).toMatchObject({ code: 'HEARING_NOTICE_TOO_LATE', details: { latestService: '2026-10-12' } });
    expect((await post('a', `/${id}/hearing-notice`, { ...notice, servedOn: '2026-10-12', chairId: u.b.id }).expect(403)).body.code).toBe('CHAIR_INVESTIGATED');
    await post('a', `/${id}/hearing-notice`, { ...notice, servedOn: '2026-10-12' }).expect(200);
    await post('head', `/${id}/recusal`, { request: '当事人以主持人曾参与检查为由申请回避，经核实不属实', granted: false }).expect(200);
    const record = { heardOn: '2026-10-21', record: '当事人陈述已停止培训，请求从轻处罚；执法人员出示现场检查笔录。', signedBy: ['孙某某', '主持人'] };
    expect((await post('b', `/${id}/hearing-record`, record).expect(403)).body.code).toBe('NOT_HEARING_CHAIR');
    expect((await post('chair', `/${id}/hearing-record`, record).expect(200)).body.status).toBe('legal_review');

    // legal review (art. 58), then the head, by collective discussion (art. 57)
    expect((await post('head', `/${id}/decision`, { impose: true, collectiveDiscussion: true, reason: '情节严重' }).expect(409)).body.code).toBe('BAN_STEP_OUT_OF_ORDER');
    await post('legal', `/${id}/legal-review`, { passed: true, opinion: '事实清楚，证据确凿，程序合法，适用依据正确' }).expect(200);
    expect(await banned(idNumber)).toBe(false);
    expect((await post('head', `/${id}/decision`, { impose: true, collectiveDiscussion: false, reason: '情节严重' }).expect(400)).body.code)
      .toBe('COLLECTIVE_DISCUSSION_REQUIRED');
    const decided = await post('head', `/${id}/decision`, { impose: true, collectiveDiscussion: true, reason: '经局长办公会集体讨论决定' }).expect(200);
    expect(decided.body).toMatchObject({ status: 'decided', decisionDate: beijingToday(), banId: expect.any(String) });
    const decision = decided.body.steps.find((s: { step: string }) => s.step === 'decision').detail.document;
    const decisionText = pdfText((await t.http().get(`/api/documents/${decision.documentId}/pdf`).set(auth(u.a.token)).buffer(true).parse(binary).expect(200)).body as Buffer);
    for (const says of [noticeDoc.docNo, '限制从业5年，自本决定书送达之日起计算', '举行了听证', '负责人集体讨论', '申请行政复议']) expect({ says, found: decisionText.includes(says) }).toEqual({ says, found: true });

    // decided, not yet served: the ban is recorded with its term and no dates, and blocks nobody (brief §7; art. 61)
    expect(await banned(idNumber)).toBe(false);
    const pending = await post('a', '/search', { idNumber }).expect(200);
    expect(pending.body.items).toEqual([expect.objectContaining({ source: 'procedure', proposalId: id, fromDate: null, untilDate: null,
      decisionServedOn: null, active: false, decisionNo: decision.docNo })]);
    const served = await until(() => view(id), (v) => v.serveBy !== null);
    expect(served.serveBy > beijingToday()).toBe(true);
    // served today: in force from today, the credit review blocks the person, the search finds the ban active
    await post('a', `/${id}/decision-service`, { servedOn: beijingToday() }).expect(200);
    expect(await banned(idNumber)).toBe(true);
    const found = await post('a', '/search', { idNumber }).expect(200);
    expect(found.body.items).toEqual([expect.objectContaining({ fromDate: beijingToday(), decisionServedOn: beijingToday(), active: true })]);
    const temporal = t.app.get<Client>(TEMPORAL_CLIENT);
    expect(await temporal.workflow.getHandle(`ban-${id}`).result()).toBe('imposed');

    // a 行政复议 outcome against the decision names the ban's new term when it changes it, and only then (400s);
    // the whole change is test/workflows/ban-procedure.spec.ts
    const remedy = await t.http().post('/api/remedies').set(auth(u.a.token)).send({
      documentId: decision.documentId, type: 'reconsideration', body: '连云区人民政府', filedOn: beijingToday(), caseNumber: `连区政复〔2026〕${id.slice(0, 6)}号`,
    }).expect(201);
    const change = { outcome: 'changed', decidedOn: beijingToday(), reason: '处罚明显不当，变更为限制从业三年' };
    const outcome = (body: object) => t.http().post(`/api/remedies/${remedy.body.id}/outcome`).set(auth(u.a.token)).send(body);
    for (const [body, field] of [[change, 'banPeriodYears'], [{ ...change, banPeriodYears: 0 }, 'banPeriodYears'],
      [{ ...change, banPeriodYears: '3' }, 'banPeriodYears'], [{ ...change, outcome: 'upheld', banPeriodYears: 3 }, 'banPeriodYears']] as const) {
      expect((await outcome(body).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String), details: { fields: expect.arrayContaining([expect.objectContaining({ field })]) } });
    }
    expect((await outcome({ ...change, banPeriodYears: 6 }).expect(400)).body).toMatchObject({ code: 'BAN_TERM_INVALID', message: expect.stringContaining('不得长于原决定的5年') });

    // revoked on 行政复议: proposed by one approver, decided by another (four eyes); then it blocks nobody
    const revocation = { reason: 'revoked', endedOn: beijingToday(), outcome: '连云区人民政府行政复议决定书（连区政复决〔2026〕12号）撤销原处罚决定' };
    const p = await post('approver', `/${id}/revocation`, revocation).expect(202);
    const self = await t.http().post(`/api/decision-proposals/${p.body.id}/approve`).set(auth(u.approver.token)).send({}).expect(403);
    expect(self.body.code).toBe('SAME_PERSON');
    expect(await banned(idNumber)).toBe(true);
    await t.http().post(`/api/decision-proposals/${p.body.id}/approve`).set(auth(u.approver2.token)).send({}).expect(200);
    expect(await banned(idNumber)).toBe(false);
    expect((await post('a', '/search', { idNumber }).expect(200)).body.items[0]).toMatchObject({ endReason: 'revoked', active: false });
  }, 60_000);

  it('has no route that puts a ban in force without the procedure or a second person', async () => {
    // the old direct route now only proposes: 201 with status proposed, and the person is not blocked
    const idNumber = makeIdNumber('19850101');
    const old = await post('a', '', proposal(idNumber)).expect(201);
    expect(old.body.status).toBe('proposed');
    expect((await t.http().post('/api/industry-bans').set(auth(u.approver.token)).send(proposal(idNumber)).expect(403)).body.code).toBe('FORBIDDEN');
    expect(await banned(idNumber)).toBe(false);

    // another authority's decision: registered by an officer, in force only once an approver of the office approves
    const external = {
      measureId: 'M-XZCY', personName: '李某', personIdNumber: idNumber, decisionNo: '连市教罚〔2026〕8号', issuer: '连云港市教育局',
      decidedOn: '2026-11-02', servedOn: '2026-11-05', fromDate: '2026-11-02', untilDate: '2029-11-01', reason: '市教育局作出的限制从业决定',
    };
    expect((await post('a', '/external', { ...external, untilDate: '2037-11-02' }).expect(400)).body.code).toBe('BAN_TERM_INVALID');
    const p = await post('a', '/external', external).expect(202);
    expect(p.body).toMatchObject({ kind: 'external_ban', status: 'pending' });
    expect(JSON.stringify(p.body)).not.toContain(idNumber);
    expect(await banned(idNumber)).toBe(false);
    await t.http().post(`/api/decision-proposals/${p.body.id}/approve`).set(auth(u.approver.token)).send({}).expect(200);
    expect(await banned(idNumber)).toBe(true);
  }, 30_000);
});
