import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { addMonths } from '../../../src/calendar/iso-date';
import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import type { RunningSimulator } from '../../../src/platform-simulator/server';
import { createTestApp, TestApp } from '../../support/app';
import { COURT, REVIEW_BODY, settingsBody } from '../../support/documents';
import { makeIdNumber, makeUscc } from '../../support/factories';
import { relayContext, startSimulator, usePlatformEnv, waitFor } from '../../support/platform';
import { auth, daysFromToday, penaltyBody, publishPenalty, registerInstitution } from '../credit/helpers';

const COMMITMENT = '本人承诺今后依法依规开展活动，主动接受社会监督';

/**
 * The legal review of issue #19 (repairs and counter intake). Penalties are decided four months before today (一般:
 * repairable from the day after three months), so every outcome holds on any day of the year. The counter
 * objections use fixed past dates across 国庆 2026 (10-01…10-07 off, 10-10 a Saturday worked), counted by hand:
 * served Fri 09-25 → 5 working days: 09-28, 09-29, 09-30, 10-08, 10-09 → the last day to object is 10-09.
 * Received 10-09: in time; accept in 2 working days (10-10, 10-12) → 10-12; answer in 10 (10-10, 12–16, 19–22) → 10-22.
 * Received 10-10: one working day late; accept (10-12, 10-13) → 10-13; answer (10-12…10-16, 10-19…10-23) → 10-23.
 */
describe('repairs and counter intake after the legal review', () => {
  let sim: RunningSimulator;
  let restoreEnv: () => void;
  let t: TestApp;
  let relay: INestApplicationContext;
  let officer: string;
  let approver: string;
  let admin: string;
  let bureauCode: string;
  const today = daysFromToday(0);
  const fourMonthsAgo = addMonths(today, -4);
  const decisionNo = () => `海教罚〔2026〕${randomBytes(4).toString('hex')}号`;

  beforeAll(async () => {
    sim = await startSimulator();
    restoreEnv = usePlatformEnv(sim);
    t = await createTestApp();
    relay = await relayContext();
    admin = (await t.loginAs('admin', { officeCode: null })).token;
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    const settings = settingsBody();
    bureauCode = settings.issuerCode;
    await t.http().put('/api/document-settings').set(auth(admin)).send(settings).expect(200);
    await t.ds.query(`DELETE FROM platform_feed_cursor`); // this suite's simulator numbers its feed from 1
  }, 60_000);

  afterAll(async () => {
    await relay?.close();
    await t?.close();
    await sim?.close();
    restoreEnv?.();
  });

  const own = { authorityName: '连云港市连云区教育局', sourceUnitName: '连云港市连云区教育局' };
  /** A natural person's penalty (警告 and 没收违法所得: no fine to pay), published by two people. */
  const personPenalty = (p: { idNumber: string; name: string; authorityCode: string; authorityName?: string }) => {
    const { uscc: _u, legalRepName: _l, ...body } = penaltyBody('', {
      ...own, authorityCode: p.authorityCode, sourceUnitCode: p.authorityCode, ...(p.authorityName ? { authorityName: p.authorityName } : {}),
      subjectName: p.name, subjectCategory: '自然人', idType: '身份证', idNumber: p.idNumber, decisionNo: decisionNo(), decisionDate: fourMonthsAgo,
      validUntil: daysFromToday(300), penaltyCategory: ['警告', '没收违法所得'], confiscatedAmount: 0.2, fineAmount: undefined, content: '警告，没收违法所得',
      facts: '在未取得办学许可的场所组织学科类培训', violationType: '无证开展校外培训',
    });
    return publishPenalty(t, { officer, approver }, body);
  };
  const documentOf = async (id: string) =>
    (await t.ds.query(`SELECT kind, status, title, uscc, subject_id, to_subject, content::text AS content FROM documents WHERE id = $1`, [id]))[0];
  const pushToCreditChina = (body: Record<string, unknown>) => fetch(`${sim.url}/admin/creditchina/repair-applications`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const pull = () => t.http().post('/api/platform/inbound/pull').set(auth(admin)).expect(200);

  it('serves a 不予受理 as a numbered decision with its reasons and remedies, fed back to the platform', async () => {
    const { uscc, name } = await registerInstitution(t, officer);
    const penalty = await publishPenalty(t, { officer, approver }, penaltyBody(uscc, { ...own, authorityCode: bureauCode, sourceUnitCode: bureauCode,
      decisionDate: fourMonthsAgo, validUntil: daysFromToday(300) }));
    const applied = await t.http().post('/api/record-repairs').set(auth(officer))
      .send({ recordId: penalty.recordId, receivedOn: today, correction: '已停止超范围培训' }).expect(201);
    const reason = '申请未附信用修复承诺书，亦未提供罚款缴纳凭证。';
    const refused = (await t.http().post(`/api/record-repairs/${applied.body.id}/acceptance`).set(auth(officer))
      .send({ outcome: 'reject', reason }).expect(200)).body;
    expect(refused).toMatchObject({ status: 'not_accepted', reason, documentId: expect.any(String), documentNo: expect.stringContaining('〔') });
    const doc = await documentOf(refused.documentId);
    expect(doc).toMatchObject({ kind: 'record-repair-not-accepted', status: 'issued', title: '信用修复申请不予受理决定书', uscc, to_subject: true });
    for (const words of [name, reason, REVIEW_BODY, COURT, '六十日内', '六个月内', '窗口受理']) expect(doc.content).toContain(words);
    // no electronic consent: it waits for paper service, which files its 送达回证
    expect(await t.ds.query(`SELECT 1 FROM document_services WHERE document_id = $1`, [refused.documentId])).toEqual([]);
    const served = await t.http().post(`/api/documents/${refused.documentId}/service`).set(auth(officer))
      .send({ method: 'direct', servedOn: today, recipient: '陈明远', servers: ['王经办', '赵执法'], place: '连云区教育局政务服务窗口' }).expect(200);
    expect(served.body).toMatchObject({ method: 'direct', servedOn: today, receiptDocumentId: expect.any(String) });
    const [fed] = await t.ds.query(`SELECT payload FROM platform_submissions WHERE record_type = 'repair_result' AND record_ref = $1`, [applied.body.id]);
    expect(fed.payload).toMatchObject({ status: 'not_accepted', documentNo: refused.documentNo, reason });
  });

  it('refuses a penalty without 处罚机关代码 at input, and never repairs a stored one as the bureau\'s own', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const { authorityCode: _c, ...noCode } = penaltyBody(uscc, { decisionDate: fourMonthsAgo, validUntil: daysFromToday(300) });
    const refused = await t.http().post('/api/publicity/penalties').set(auth(officer)).send(noCode).expect(400);
    expect(refused.body.code).toBe('USCC_INVALID');
    expect(JSON.stringify(refused.body.details)).toContain('处罚机关统一社会信用代码（authorityCode）');
    // one stored before the field was required (an import, an old release): its determiner is unknown, not the bureau
    const legacy = await t.app.get(CreditFileService).append({
      uscc, kind: 'penalty', title: `行政处罚决定（${decisionNo()}）`, decisionDate: fourMonthsAgo, severity: 'general',
      publicityFrom: fourMonthsAgo, publicityUntil: addMonths(fourMonthsAgo, 12), payload: { authorityName: '某处罚机关', penaltyCategory: ['警告'] },
      sourceRef: `legacy-penalty:${randomBytes(4).toString('hex')}`, officeCode: 'XWPX',
    });
    const applied = await t.http().post('/api/record-repairs').set(auth(officer))
      .send({ recordId: legacy.id, receivedOn: today, correction: '已停止违规培训并完成整改', commitment: COMMITMENT, commitmentSignedOn: today }).expect(422);
    expect(applied.body).toMatchObject({ code: 'RECORD_DETERMINER_UNKNOWN', message: expect.stringContaining('处罚机关代码') });
    expect(await t.ds.query(`SELECT 1 FROM record_repairs WHERE record_id = $1`, [legacy.id])).toEqual([]);
  });

  it('takes a natural person\'s 信用中国 application through the platform, decides it and feeds it back', async () => {
    const idNumber = makeIdNumber('19850505');
    const penalty = await personPenalty({ idNumber, name: '周一鸣', authorityCode: bureauCode });
    const [{ document_no: no, subject_id: subjectId }] = await t.ds.query(`SELECT document_no, subject_id FROM publicity_decisions WHERE id = $1`, [penalty.id]);
    const applicationId = `XYZG-${randomBytes(4).toString('hex')}`;
    const pushed = await pushToCreditChina({ applicationId, idType: '身份证', idNumber, name: '周一鸣', decisionNo: no, correction: '已停止培训并退还学费',
      commitment: COMMITMENT, commitmentSignedOn: today, receivedOn: today });
    expect(pushed.status).toBe(201);
    // a person nobody here recorded is another body's business: the feed moves on
    expect((await pushToCreditChina({ applicationId: `XYZG-${randomBytes(4).toString('hex')}`, idType: '身份证', idNumber: makeIdNumber('19700707'),
      name: '吴不在', decisionNo: no })).status).toBe(201);
    await pull();
    sim.admin.replayFeed(); // pushed twice, filed once
    await pull();
    const [filed] = await t.ds.query(`SELECT id, status, uscc, institution_id, record_id, row_to_json(r)::text AS row FROM record_repairs r WHERE external_ref = $1`, [applicationId]);
    expect(filed).toMatchObject({ status: 'submitted', uscc: null, institution_id: null, record_id: penalty.recordId });
    expect(filed.row).not.toContain(idNumber);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM record_repairs WHERE external_ref = $1`, [applicationId]))[0].n).toBe(1);

    await t.http().post(`/api/record-repairs/${filed.id}/acceptance`).set(auth(officer)).send({ outcome: 'accept' }).expect(200);
    const granted = (await t.http().post(`/api/record-repairs/${filed.id}/decision`).set(auth(approver))
      .send({ outcome: 'grant', reason: '已纠正失信行为，已签署信用承诺' }).expect(200)).body;
    expect(await documentOf(granted.documentId)).toMatchObject({ kind: 'record-repair-decision', title: '信用修复决定书', subject_id: subjectId, uscc: null });
    const forwarded = await waitFor('the result forwarded to 信用中国', async () => sim.admin.creditChinaResults().find((r) => r.applicationId === applicationId));
    expect(forwarded).toMatchObject({ status: 'granted' });
    const sent = await t.ds.query(`SELECT payload::text AS p FROM platform_submissions WHERE record_ref = $1`, [filed.id]);
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent)).not.toContain(idNumber);

    // a second application while nothing is left to repair is refused for acceptance with a decision served on the person
    const again = `XYZG-${randomBytes(4).toString('hex')}`;
    await pushToCreditChina({ applicationId: again, idType: '身份证', idNumber, name: '周一鸣', decisionNo: no, correction: '再次申请', receivedOn: today });
    await pull();
    const [refused] = await t.ds.query(`SELECT status, document_id FROM record_repairs WHERE external_ref = $1`, [again]);
    expect(refused).toMatchObject({ status: 'not_accepted', document_id: expect.any(String) });
    const doc = await documentOf(refused.document_id);
    expect(doc).toMatchObject({ kind: 'record-repair-not-accepted', subject_id: subjectId, uscc: null });
    expect(doc.content).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(doc.content).not.toContain(idNumber);
    await waitFor('the refusal forwarded to 信用中国', async () => sim.admin.creditChinaResults().find((r) => r.applicationId === again && r.status === 'not_accepted'));
  });

  it('refers a person\'s 信用中国 application for another department\'s record, the letter naming the person by masked ID', async () => {
    const idNumber = makeIdNumber('19910303');
    const market = '连云港市市场监督管理局';
    const penalty = await personPenalty({ idNumber, name: '郑好', authorityCode: makeUscc(), authorityName: market });
    const [{ document_no: no }] = await t.ds.query(`SELECT document_no FROM publicity_decisions WHERE id = $1`, [penalty.id]);
    const applicationId = `XYZG-${randomBytes(4).toString('hex')}`;
    await pushToCreditChina({ applicationId, idType: '身份证', idNumber, name: '郑好', decisionNo: no, correction: '已整改', receivedOn: today });
    await pull();
    const [referred] = await t.ds.query(`SELECT status, referred_to, document_id FROM record_repairs WHERE external_ref = $1`, [applicationId]);
    expect(referred).toMatchObject({ status: 'referred', referred_to: market });
    const letter = await documentOf(referred.document_id);
    expect(letter).toMatchObject({ kind: 'repair-referral-letter', to_subject: false });
    expect(letter.content).toContain(`郑好（身份证号码：${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}）`);
    expect(letter.content).not.toContain('统一社会信用代码：null');
    await waitFor('the referral forwarded to 信用中国', async () => sim.admin.creditChinaResults().find((r) => r.applicationId === applicationId && r.status === 'referred'));
  });

  it('counts a counter objection\'s period from service to receipt, records a late one with its rule, and opens its review', async () => {
    const idNumber = makeIdNumber('19930404');
    const penalty = await personPenalty({ idNumber, name: '冯时', authorityCode: bureauCode });
    const [{ subject_id: subjectId }] = await t.ds.query(`SELECT subject_id FROM publicity_decisions WHERE id = $1`, [penalty.id]);
    const enter = (body: Record<string, unknown>) => t.http().post(`/api/subjects/${subjectId}/intakes`).set(auth(officer))
      .send({ kind: 'objection', recordId: penalty.recordId, channel: 'post', content: '本人已于处罚前停止培训', ...body });
    expect(JSON.stringify((await enter({ receivedOn: '2026-10-09' }).expect(400)).body)).toContain('送达日期（servedOn）');
    expect((await enter({ servedOn: '2026-10-12', receivedOn: '2026-10-09' }).expect(400)).body.code).toBe('VALIDATION_FAILED');

    const inTime = (await enter({ servedOn: '2026-09-25', receivedOn: '2026-10-09' }).expect(201)).body;
    expect(inTime).toMatchObject({ servedOn: '2026-09-25', objectionDue: '2026-10-09', late: false, lateBasis: null,
      acceptDue: '2026-10-12', answerDue: '2026-10-22', status: 'received', overdue: true });
    const late = (await enter({ servedOn: '2026-09-25', receivedOn: '2026-10-10' }).expect(201)).body;
    expect(late).toMatchObject({ objectionDue: '2026-10-09', late: true, acceptDue: '2026-10-13', answerDue: '2026-10-23' });
    expect(late.lateBasis).toMatch(/异议期为送达之日起5个工作日（监管政策第\d+版“异议期”），自送达次日起算（《民法典》第二百零一条）/);
    expect(late.lateBasis).toContain('2026-09-25送达，2026-10-09届满，2026-10-10收到，超过1个工作日');

    // the officers' review queue lists both, soonest answer first, overdue flagged; a statement is no objection to review
    await enter({ kind: 'statement', recordId: undefined, receivedOn: '2026-10-09' }).expect(201);
    const queue = (await t.http().get('/api/subjects/intakes/open').query({ overdue: 'true' }).set(auth(officer)).expect(200)).body.items;
    const mine = queue.filter((i: { subjectId: string }) => i.subjectId === subjectId);
    expect(mine.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue])).toEqual([[inTime.id, true], [late.id, true]]);
    // each row names whom it is from, the ID number masked as on the person page, and the record it concerns
    const [{ title }] = await t.ds.query(`SELECT title FROM credit_records WHERE id = $1`, [penalty.recordId]);
    expect(mine[0]).toMatchObject({ subjectName: '冯时', idType: '身份证', idMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, recordTitle: title });
    expect(JSON.stringify(queue)).not.toContain(idNumber);
    // unanswered past the deadline, they count against the office in the 通报 as a portal objection does
    const manager = (await t.loginAs('manager', { officeCode: null })).token;
    const report = (await t.http().get('/api/accountability').query({ from: '2026-10-22', to: '2026-10-23' }).set(auth(manager)).expect(200)).body;
    expect(report.offices.find((o: { officeCode: string }) => o.officeCode === 'XWPX').lateObjections).toBeGreaterThanOrEqual(2);
    const decided = await t.http().post(`/api/subjects/intakes/${late.id}/decision`).set(auth(approver))
      .send({ outcome: 'rejected', reasons: '异议逾期提出，且处罚决定书已依法送达。' }).expect(200);
    expect(decided.body).toMatchObject({ status: 'rejected', overdue: false });
    const after = (await t.http().get('/api/subjects/intakes/open').set(auth(officer)).expect(200)).body.items;
    expect(after.map((i: { id: string }) => i.id)).not.toContain(late.id);
  });
});
