import type { INestApplicationContext } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { createTestApp, TestApp } from '../support/app';
import { binary, settingsBody } from '../support/documents';
import { makeIdNumber, makeUscc } from '../support/factories';
import { auth, consentToElectronicService, doTask, TINY_PDF } from '../support/http-case';
import { waitFor } from '../support/platform';
import { quietTemporalRuntime, workerContext } from '../support/temporal';

// What only the bureau wrote: a lead naming its complainant, the officer's reasoning, the approver's opinion (the one
// returning the proposal is stored on the case's record). None of it is addressed to the institution.
const COMPLAINANT = '投诉人周晓岚';
const FACTS = `${COMPLAINANT}来电反映该机构未取得办学许可证开展学科类培训`;
const OFFICER_REASONING = '内部研判：负责人态度消极，建议从严认定（承办人意见QX7）';
const APPROVER_OPINION = '审批意见：证据链尚缺一份询问笔录，退回补充（审批人意见ZP9）';

/** Issue #18: the institution reads its own case at /api/portal/cases/:caseNo, never the bureau's internal record. */
describe('the institution\'s own view of its case', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let officer: { token: string; id: string };
  let approver: { token: string; id: string };
  let inst: { token: string; uscc: string; id: string };
  let other: { token: string; uscc: string; id: string };
  let caseNo: string;

  const register = async () => {
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(officer.token)).send({
      uscc, name: `门户视图测试培训学校${uscc.slice(-6).toLowerCase()}`, type: 'off_campus_training', officeCode: 'XWPX',
      legalRepresentative: { name: '陈明远', idNumber: makeIdNumber() },
    }).expect(201);
    const account = await t.loginAs('institution', { uscc, officeCode: null });
    return { uscc, token: account.token, id: account.user.id };
  };
  const portalView = (token: string, no = caseNo) => t.http().get(`/api/portal/cases/${no}`).set(auth(token));

  /** The notice is issued and the objection deadline opened by the workflow's activities, just after the update returns. */
  async function untilObjectionOpen() {
    for (let i = 0; i < 100; i++) {
      const body = (await portalView(inst.token).expect(200)).body;
      if (body.deadlines.length && body.documents.length) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the objection window did not open');
  }

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    const admin = (await t.loginAs('admin', { officeCode: null })).token;
    await t.http().put('/api/document-settings').set(auth(admin)).send(settingsBody()).expect(200);
    const o = await t.loginAs('officer', { officeCode: 'XWPX' });
    const a = await t.loginAs('approver', { officeCode: 'XWPX' });
    [officer, approver] = [{ token: o.token, id: o.user.id }, { token: a.token, id: a.user.id }];
    inst = await register();
    other = await register();
    await consentToElectronicService(t, officer.token, inst.uscc);
    caseNo = (await t.http().post('/api/cases').set(auth(officer.token))
      .send({ uscc: inst.uscc, behaviourCode: 'EDU-001', facts: FACTS, source: 'complaint' }).expect(201)).body.caseNo;
    await doTask(t, officer.token, caseNo, 'investigate', { summary: OFFICER_REASONING, severity: 'general', measures: ['责令限期整改'] });
    await doTask(t, approver.token, caseNo, 'approve-determination', { summary: APPROVER_OPINION, decision: 'return' });
    await doTask(t, officer.token, caseNo, 'investigate', { summary: `${OFFICER_REASONING}（补充后）`, severity: 'general', measures: ['责令限期整改'] });
    await doTask(t, approver.token, caseNo, 'approve-determination', { summary: '同意', decision: 'approve' });
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  it('shows the notice served on it, the deadline it set, its own objection with the receipt, and the behaviour by its title', async () => {
    const opened = await untilObjectionOpen();
    const [notice] = opened.documents;
    expect(notice).toMatchObject({ kind: 'notice-of-determination', kindLabel: '失信行为认定告知书', serviceMethodLabel: '电子送达', downloadUrl: `/api/documents/${notice.id}/pdf` });
    expect(opened.deadlines).toEqual([expect.objectContaining({ kind: 'objection', kindLabel: '提出异议', status: 'open', documentNo: notice.docNo, servedOn: notice.servedOn })]);
    expect(opened.waitingFor).toBe(`等待本机构提出异议（截止 ${opened.deadlines[0].dueDate}）`);
    const [{ title }] = await t.ds.query(`SELECT ci.title FROM cases c JOIN catalogue_items ci ON ci.version = c.catalogue_version AND ci.code = c.behaviour_code WHERE c.case_no = $1`, [caseNo]);
    expect(opened).toMatchObject({ caseNo, uscc: inst.uscc, behaviourCode: 'EDU-001', behaviourTitle: title, severity: 'general', severityLabel: '一般', stage: 'OBJECTION_WINDOW' });
    // the case starts for it on the day the first document was served, never at the bureau's registration
    expect(opened.firstServedOn).toBe(notice.servedOn);
    expect(opened).not.toHaveProperty('registeredAt');
    // the link it is given downloads the served PDF
    const pdf = await t.http().get(notice.downloadUrl).set(auth(inst.token)).buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const upload = (await t.http().post('/api/portal/uploads').set(auth(inst.token)).attach('file', TINY_PDF, '办学许可证.pdf').expect(201)).body;
    await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(inst.token))
      .send({ reason: '我机构已取得办学许可证，认定事实有误', fileIds: [upload.id] }).expect(200);
    // the answer returns once the case accepted it (issue #20): the view follows the case into its review
    const after = await waitFor('the objection under review', async () => {
      const body = (await portalView(inst.token).expect(200)).body;
      return body.stage === 'OBJECTION_REVIEW' && body;
    });
    expect(after.submissions).toEqual([expect.objectContaining({ receiptNo: `${caseNo}-YY1`, kind: 'objection', kindLabel: '异议', files: 1 })]);
    expect(after.deadlines[0]).toMatchObject({ status: 'answered', statusLabel: '已答复', workingDaysLeft: null });
    expect(after.waitingFor).toBe('教育局办理中（异议处理）');
    // the stages its notice and its own objection describe; never the bureau's investigation, approval or its return
    expect(after.milestones.map((m: { stage: string }) => m.stage)).toEqual(['OBJECTION_WINDOW', 'OBJECTION_REVIEW']);
  });

  it('carries no staff user id, no lead source, no complainant and no opinion an officer or approver wrote', async () => {
    const text = JSON.stringify((await portalView(inst.token).expect(200)).body);
    // the same record as staff read it does hold all of these: the portal view leaves them out, they exist
    const staffText = JSON.stringify((await t.http().get(`/api/cases/${caseNo}`).set(auth(officer.token)).expect(200)).body);
    const staffIds: string[] = (await t.ds.query(
      `SELECT actor_id::text AS id FROM case_events WHERE case_no = $1 AND actor_role <> 'institution' AND actor_id IS NOT NULL
       UNION SELECT assignee_id::text FROM tasks WHERE case_no = $1 AND assignee_id IS NOT NULL`, [caseNo])).map((r: { id: string }) => r.id);
    expect(staffIds).toEqual(expect.arrayContaining([officer.id, approver.id]));
    for (const secret of [...staffIds, 'complaint', COMPLAINANT, OFFICER_REASONING, APPROVER_OPINION]) {
      expect({ secret, inStaffView: staffText.includes(secret) }).toEqual({ secret, inStaffView: true });
      expect({ secret, inPortalView: text.includes(secret) }).toEqual({ secret, inPortalView: false });
    }
    expect(text).not.toMatch(/"(source|facts|assigneeId|actorId|reason|payload|minutes|attendees|registeredAt)"/);
    // nor the instant the bureau registered the lead (the notice may follow within the same second: compared whole)
    const [{ registeredAt }] = await t.ds.query(`SELECT registered_at AS "registeredAt" FROM cases WHERE case_no = $1`, [caseNo]);
    const listText = JSON.stringify((await t.http().get('/api/portal/cases').set(auth(inst.token)).expect(200)).body);
    expect(text).not.toContain(new Date(registeredAt).toISOString());
    expect(listText).not.toContain(new Date(registeredAt).toISOString());
  });

  it('answers another institution\'s case as if it did not exist, and audits both reads', async () => {
    expect((await portalView(other.token).expect(404)).body.code).toBe('CASE_NOT_FOUND');
    const audited = async (actor: string) => (await t.ds.query(
      `SELECT outcome FROM audit_log WHERE action = 'case.read' AND resource_id = $1 AND actor_id = $2 ORDER BY id DESC LIMIT 1`, [caseNo, actor]))[0]?.outcome;
    expect(await audited(inst.id)).toBe('ok');
    // a refused read is audited as the error answer leaves: the row may land just after the 404
    expect(await waitFor('the refused read audited', () => audited(other.id))).toBe('refused:CASE_NOT_FOUND');
  });

  it('knows nothing of a case until a document is served on it: under investigation, and after a paper notice is issued until its service is recorded', async () => {
    const paper = await register(); // no consent to electronic service: served on paper
    const no = (await t.http().post('/api/cases').set(auth(officer.token))
      .send({ uscc: paper.uscc, behaviourCode: 'EDU-001', facts: FACTS, source: 'complaint' }).expect(201)).body.caseNo as string;
    const invisible = async () => {
      expect((await portalView(paper.token, no).expect(404)).body.code).toBe('CASE_NOT_FOUND');
      expect((await t.http().get(`/api/portal/cases/${no}/documents`).set(auth(paper.token)).expect(404)).body.code).toBe('CASE_NOT_FOUND');
      expect((await t.http().get('/api/portal/cases').set(auth(paper.token)).expect(200)).body).toEqual([]);
      expect((await t.http().get('/api/portal/deadlines').set(auth(paper.token)).expect(200)).body).toEqual([]);
      const inbox = (await t.http().get('/api/inbox').set(auth(paper.token)).expect(200)).body;
      expect(JSON.stringify(inbox)).not.toContain(no);
    };
    await invisible(); // under investigation: the same answer as another institution's case
    await doTask(t, officer.token, no, 'investigate', { summary: OFFICER_REASONING, severity: 'general', measures: ['责令限期整改'] });
    await doTask(t, approver.token, no, 'approve-determination', { summary: '同意', decision: 'approve' });
    const notice = await waitFor('the notice issued', async () => {
      const docs = (await t.http().get(`/api/cases/${no}/documents`).set(auth(officer.token)).expect(200)).body as { id: string; kind: string; docNo: string }[];
      return docs.find((d) => d.kind === 'notice-of-determination');
    });
    await invisible(); // issued, not served: the notice is not yet addressed to it
    expect((await t.http().get(`/api/documents/${notice.id}/pdf`).set(auth(paper.token)).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');

    const [{ today }] = await t.ds.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    await t.http().post(`/api/documents/${notice.id}/service`).set(auth(officer.token)).send({ method: 'postal', servedOn: today, trackingNo: '1187654321099' }).expect(200);
    const seen = (await portalView(paper.token, no).expect(200)).body;
    expect(seen.documents.map((d: { id: string; servedOn: string }) => [d.id, d.servedOn])).toEqual([[notice.id, today]]);
    expect(seen).toMatchObject({ caseNo: no, severity: 'general', severityLabel: '一般', stage: 'OBJECTION_WINDOW', decisionDate: null, interviews: [] });
    expect(seen.milestones.map((m: { stage: string }) => m.stage)).toEqual(['OBJECTION_WINDOW']);
    expect((await t.http().get('/api/portal/cases').set(auth(paper.token)).expect(200)).body)
      .toEqual([expect.objectContaining({ caseNo: no, severity: 'general', stage: 'OBJECTION_WINDOW', decisionDate: null, firstServedOn: today })]);
    expect(seen.firstServedOn).toBe(today);
    const inbox = (await t.http().get('/api/inbox').set(auth(paper.token)).expect(200)).body;
    expect(inbox.items).toEqual(expect.arrayContaining([expect.objectContaining({ template: 'document_served', data: expect.objectContaining({ caseNo: no, docNo: notice.docNo }) })]));
    await t.http().get(`/api/documents/${notice.id}/pdf`).set(auth(paper.token)).buffer(true).parse(binary).expect(200);
  });

  it('shows an interview only once its 约谈通知书 is served, and never an event that left the stage where it was', async () => {
    // the objection rejected, the case is determined and the rectification ordered (served electronically)
    await doTask(t, officer.token, caseNo, 'review-objection', { summary: '许可证已过期，不予采纳', decision: 'reject' });
    await doTask(t, approver.token, caseNo, 'decide-objection', { summary: '异议不成立', decision: 'rejected' });
    await t.http().post(`/api/portal/cases/${caseNo}/rectification-report`).set(auth(inst.token))
      .send({ summary: '已停止招生并办理许可证续期', fileIds: [] }).expect(200);
    await doTask(t, officer.token, caseNo, 'verify-rectification', { summary: '仍在招生，整改不到位', decision: 'fail' });
    // the institution withdraws its consent: the interview notice goes on paper, served only when the officer records it
    const [{ today }] = await t.ds.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    await t.http().post(`/api/institutions/${inst.uscc}/service-consent/revoke`).set(auth(officer.token))
      .send({ revokedOn: today, reason: '机构书面撤回电子送达确认' }).expect(200);
    await doTask(t, officer.token, caseNo, 'propose-interview', { summary: '整改不到位，建议提示性约谈', interviewKind: 'reminder' });
    await doTask(t, approver.token, caseNo, 'approve-interview', { summary: '同意约谈', decision: 'agree' });
    await doTask(t, officer.token, caseNo, 'schedule-interview', {
      summary: '安排约谈', scheduledAt: '2030-03-05T01:30:00.000Z', place: '连云区教育局305会议室', attendees: ['王经办', '陈明'],
    });
    const notice = await waitFor('the interview notice issued', async () => {
      const docs = (await t.http().get(`/api/cases/${caseNo}/documents`).set(auth(officer.token)).expect(200)).body as { id: string; kind: string }[];
      return docs.find((d) => d.kind === 'interview-notice');
    });
    // scheduled and its notice issued, but not served: the interview is not yet addressed to the institution
    expect(await t.ds.query(`SELECT kind, status FROM interviews WHERE case_no = $1`, [caseNo])).toEqual([{ kind: 'reminder', status: 'scheduled' }]);
    const before = (await portalView(inst.token).expect(200)).body;
    expect(before.interviews).toEqual([]);
    expect(before.documents.map((d: { kind: string }) => d.kind)).not.toContain('interview-notice');

    await t.http().post(`/api/documents/${notice.id}/service`).set(auth(officer.token)).send({ method: 'postal', servedOn: today, trackingNo: '1187654321100' }).expect(200);
    const after = (await portalView(inst.token).expect(200)).body;
    expect(after.interviews).toEqual([expect.objectContaining({
      kind: 'reminder', kindLabel: '提示性约谈', round: 1, scheduledAt: '2030-03-05T01:30:00.000Z', place: '连云区教育局305会议室', status: 'scheduled',
    })]);

    // every milestone is a change of stage the institution was told of: the policy version applied, the objection
    // decided, the interview proposed and agreed are the bureau's own record, none of them served on it
    expect(after.milestones.map((m: { stage: string }) => m.stage))
      .toEqual(['OBJECTION_WINDOW', 'OBJECTION_REVIEW', 'RECTIFICATION', 'RECTIFICATION_REVIEW', 'REMINDER_INTERVIEW']);
    // each dated the day the institution knew of it: a step the bureau opened, the service of the document announcing
    // it (never the internal instant); its own act, the day (Beijing time) it acted
    const servedOn = (kind: string) => after.documents.find((d: { kind: string }) => d.kind === kind).servedOn;
    const ownDays: { stage: string; day: string }[] = await t.ds.query(
      `SELECT stage_to AS stage, (occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day FROM case_events
        WHERE case_no = $1 AND stage_to IN ('OBJECTION_REVIEW', 'RECTIFICATION_REVIEW') ORDER BY id`, [caseNo]);
    expect(after.milestones).toEqual([
      { stage: 'OBJECTION_WINDOW', stageLabel: expect.any(String), knownOn: servedOn('notice-of-determination') },
      { stage: 'OBJECTION_REVIEW', stageLabel: expect.any(String), knownOn: ownDays[0].day },
      { stage: 'RECTIFICATION', stageLabel: expect.any(String), knownOn: servedOn('rectification-order') },
      { stage: 'RECTIFICATION_REVIEW', stageLabel: expect.any(String), knownOn: ownDays.find((e) => e.stage === 'RECTIFICATION_REVIEW')!.day },
      { stage: 'REMINDER_INTERVIEW', stageLabel: expect.any(String), knownOn: today },
    ]);
  }, 120_000);

  it('refuses the staff case page and the staff case list to an institution', async () => {
    expect((await t.http().get(`/api/cases/${caseNo}`).set(auth(inst.token)).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http().get('/api/cases').set(auth(inst.token)).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http().get('/api/portal/cases').set(auth(inst.token)).expect(200)).body).toEqual([expect.objectContaining({ caseNo })]);
  });
});
