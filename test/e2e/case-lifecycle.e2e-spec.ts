import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { CalendarService } from '../../src/calendar/calendar.service';
import { nextDay } from '../../src/calendar/iso-date';
import { beijingDateOf } from '../../src/common/time/beijing';
import { PoliciesService } from '../../src/policies/policies.service';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.module';
import { caseStateQuery } from '../../workflows/contracts';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber, makeUscc } from '../support/factories';
import { auth, consentToElectronicService, decideCaseChange, doTask, TINY_PDF } from '../support/http-case';
import { activateTestPolicy } from '../support/policies';
import { quietTemporalRuntime, workerContext } from '../support/temporal';

/**
 * One complete case through HTTP on the real dev server, as officer, approver and institution, under a short
 * test policy (repair allowed from the day after the decision). Afterwards PostgreSQL, the worklist and the Temporal history must agree.
 */
describe('a whole case over HTTP', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let tokens: Record<'officer' | 'approver' | 'admin', string>;
  let restorePolicy: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    tokens = {
      officer: (await t.loginAs('officer', { officeCode: 'XWPX' })).token,
      approver: (await t.loginAs('approver', { officeCode: 'XWPX' })).token,
      admin: (await t.loginAs('admin', { officeCode: null })).token,
    };
    // repair at once is outside 36号令's bounds, which the API refuses: a test-only version written directly
    const shortPolicy = { publicity: { minor: { minMonths: 0, maxMonths: 3 }, general: { minMonths: 0, maxMonths: 12 }, serious: { minMonths: 12, maxMonths: 36 } } };
    restorePolicy = await activateTestPolicy(t.ds, shortPolicy, '端到端测试：一般失信可立即申请修复');
  });

  /** The case page (PostgreSQL only) says what the workflow itself says about a resting case. */
  async function pageAgreesWithWorkflow(caseNo: string) {
    const page = (await t.http().get(`/api/cases/${caseNo}`).set(auth(tokens.officer)).expect(200)).body;
    const live = await t.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(caseNo).query(caseStateQuery);
    const fields = ['stage', 'waitingFor', 'decisionDate', 'repairableFrom', 'publicityUntil'] as const;
    expect(Object.fromEntries(fields.map((f) => [f, page[f]]))).toEqual(Object.fromEntries(fields.map((f) => [f, live[f]])));
    return page as Record<(typeof fields)[number], string>;
  }

  afterAll(async () => {
    await restorePolicy?.();
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  it('runs from lead to repair and leaves the database, worklist and Temporal history in agreement', async () => {
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(tokens.officer))
      .send({ uscc, name: `端到端测试培训学校${uscc.slice(-4)}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() } })
      .expect(201);
    const institution = (await t.loginAs('institution', { uscc, officeCode: null })).token;
    await consentToElectronicService(t, tokens.officer, uscc);

    const opened = await t.http().post('/api/cases').set(auth(tokens.officer))
      .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' }).expect(201);
    const caseNo: string = opened.body.caseNo;
    await doTask(t, tokens.officer, caseNo, 'investigate', { summary: '经查属实', severity: 'general', measures: ['责令限期整改'] });
    const served = await doTask(t, tokens.approver, caseNo, 'approve-determination', { summary: '同意', decision: 'approve' });
    expect(served.case.stage).toBe('OBJECTION_WINDOW');
    expect((await pageAgreesWithWorkflow(caseNo)).waitingFor).toMatch(/^等待机构提出异议（截止 \d{4}-\d{2}-\d{2}）$/);

    // the notice (失信行为认定告知书) was served in the portal when issued: the objection period runs from the next day
    const docs = await t.http().get(`/api/cases/${caseNo}/documents`).set(auth(tokens.officer)).expect(200);
    const notice = docs.body.find((d: { kind: string }) => d.kind === 'notice-of-determination');
    expect(notice).toMatchObject({ serviceMethod: 'electronic', servedAt: expect.any(String), docNo: expect.stringMatching(/〔\d{4}〕\d+号$/) });
    const servedOn = beijingDateOf(Date.parse(notice.servedAt));
    const { document: policy } = await ctx.get(PoliciesService).active();
    const dueDate = await ctx.get(CalendarService).addWorkingDays(servedOn, policy.objectionDays);

    // the institution sees its deadline with the document that set it, uploads evidence and objects
    const deadlines = await t.http().get('/api/portal/deadlines').set(auth(institution)).expect(200);
    expect(deadlines.body).toEqual([expect.objectContaining({
      caseNo, kind: 'objection', dueDate, servedOn, documentNo: notice.docNo, documentTitle: '失信行为认定告知书', workingDaysLeft: expect.any(Number),
    })]);
    expect(deadlines.body[0].workingDaysLeft).toBeGreaterThanOrEqual(4);
    const [note] = await t.ds.query(`SELECT body FROM notifications WHERE idempotency_key LIKE $1`, [`${caseNo}:deadline:objection-0%`]);
    expect(note.body).toContain(notice.docNo);
    const upload = await t.http().post('/api/portal/uploads').set(auth(institution)).attach('file', TINY_PDF, '许可证.pdf').expect(201);
    expect(upload.body).toMatchObject({ name: '许可证.pdf', mime: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution))
      .send({ reason: '我机构已取得办学许可证，认定事实有误', fileIds: [upload.body.id] }).expect(200);

    await doTask(t, tokens.officer, caseNo, 'review-objection', { summary: '许可证已过期，不予采纳', decision: 'reject' });
    const determined = await doTask(t, tokens.approver, caseNo, 'decide-objection', { summary: '异议不成立', decision: 'rejected' });
    expect(determined.case.stage).toBe('RECTIFICATION');

    await t.http().post(`/api/portal/cases/${caseNo}/rectification-report`).set(auth(institution))
      .send({ summary: '已停止招生并办理许可证续期', fileIds: [] }).expect(200);
    await doTask(t, tokens.officer, caseNo, 'verify-rectification', { summary: '整改到位', decision: 'pass' });
    // resting in publicity: the page shows the window the determination fixed, read from PostgreSQL alone
    // a 0-month minimum ends on the decision day: repair opens the next day (民法典 art. 201; publicity-periods.ts)
    const publicity = await pageAgreesWithWorkflow(caseNo);
    expect(publicity).toMatchObject({ stage: 'PUBLICITY', repairableFrom: nextDay(publicity.decisionDate) });
    expect(publicity.waitingFor).toBe(`公示中，${publicity.repairableFrom} 起可申请信用修复，${publicity.publicityUntil} 公示期满`);
    const early = await t.http().post(`/api/portal/cases/${caseNo}/repair-application`).set(auth(institution))
      .send({ routes: ['commitment', 'training'], commitment: '本机构承诺今后依法依规办学', fileIds: [] });
    expect(early.body).toMatchObject({ code: 'REPAIR_TOO_EARLY', message: expect.stringContaining(publicity.repairableFrom) });
    const kinds = (await t.http().get(`/api/cases/${caseNo}/documents`).set(auth(tokens.officer)).expect(200)).body.map((d: { kind: string }) => d.kind);
    // the decision and its repair notice share one issuing instant (两书同达): compared as a set
    expect([...kinds].sort()).toEqual(['determination-decision', 'notice-of-determination', 'objection-result', 'rectification-order', 'repair-notice']);
    // the case cannot wait a real day here: the officer proposes a withdrawal and the approver approves it, which ends the run
    await decideCaseChange(t, { proposer: tokens.officer, decider: tokens.approver, caseNo, action: 'withdraw', body: { reason: '端到端测试结束' } });

    // PostgreSQL
    const [row] = await t.ds.query(`SELECT outcome, decision_date IS NOT NULL AS decided FROM cases WHERE case_no = $1`, [caseNo]);
    expect(row).toEqual({ outcome: 'WITHDRAWN', decided: true });
    const records = await t.ds.query(`SELECT kind FROM credit_records WHERE case_no = $1 ORDER BY seq`, [caseNo]);
    expect(records.map((r: { kind: string }) => r.kind)).toEqual(['determination', 'correction']);
    const tasks = await t.ds.query(`SELECT kind, status FROM tasks WHERE case_no = $1 ORDER BY created_at`, [caseNo]);
    expect(tasks.every((x: { status: string }) => x.status === 'completed')).toBe(true);
    // the worklists are empty for this case
    for (const token of [tokens.officer, tokens.approver]) {
      expect((await t.http().get('/api/tasks').query({ caseNo }).set(auth(token))).body.total).toBe(0);
    }
    // the Temporal history: one taskCompleted signal per completed task (the worklist accepted each), and the run completed
    const handle = t.app.get<{ workflow: { getHandle: (id: string) => { fetchHistory: () => Promise<{ events?: unknown[] }> } } }>(
      require('../../src/temporal/temporal.module').TEMPORAL_CLIENT).workflow.getHandle(caseNo);
    const history = await handle.fetchHistory();
    const told = (history.events ?? []).filter((e) => (e as { workflowExecutionSignaledEventAttributes?: { signalName?: string } })
      .workflowExecutionSignaledEventAttributes?.signalName === 'taskCompleted');
    expect(told).toHaveLength(tasks.length);
    expect((history.events ?? []).some((e) => (e as { workflowExecutionCompletedEventAttributes?: unknown }).workflowExecutionCompletedEventAttributes)).toBe(true);
    const view = await t.http().get(`/api/cases/${caseNo}`).set(auth(tokens.officer)).expect(200);
    expect(view.body).toMatchObject({ stage: 'WITHDRAWN', dueDates: [] });
    expect(view.body.history.filter((e: { type: string }) => e.type === 'TASK_COMPLETED')).toHaveLength(tasks.length);
  });

  it('waits for paper service without consent, and counts the objection period from the day recorded', async () => {
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(tokens.officer))
      .send({ uscc, name: `送达测试培训学校${uscc.slice(-4)}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() } })
      .expect(201);
    const institution = (await t.loginAs('institution', { uscc, officeCode: null })).token;
    const opened = await t.http().post('/api/cases').set(auth(tokens.officer))
      .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' }).expect(201);
    const caseNo: string = opened.body.caseNo;
    await doTask(t, tokens.officer, caseNo, 'investigate', { summary: '经查属实', severity: 'general' });
    await doTask(t, tokens.approver, caseNo, 'approve-determination', { summary: '同意', decision: 'approve' });

    // nothing runs against the institution until the notice is served: the officer has a 送达文书 task
    expect((await t.http().get('/api/portal/deadlines').set(auth(institution)).expect(200)).body).toEqual([]);
    const worklist = await t.http().get('/api/tasks').query({ caseNo }).set(auth(tokens.officer)).expect(200);
    expect(worklist.body.items).toEqual([expect.objectContaining({ kind: 'serve-document' })]);
    const [notice] = (await t.http().get(`/api/cases/${caseNo}/documents`).set(auth(tokens.officer)).expect(200)).body;
    expect(notice).toMatchObject({ kind: 'notice-of-determination', servedAt: null });

    const today = beijingDateOf(Date.now());
    await t.http().post(`/api/documents/${notice.id}/service`).set(auth(tokens.officer))
      .send({ method: 'postal', servedOn: today, trackingNo: 'EMS1234567890' }).expect(200);
    const { document: policy } = await ctx.get(PoliciesService).active();
    const dueDate = await ctx.get(CalendarService).addWorkingDays(today, policy.objectionDays);
    const deadlines = await waitFor(async () => (await t.http().get('/api/portal/deadlines').set(auth(institution)).expect(200)).body, (b) => b.length > 0);
    expect(deadlines).toEqual([expect.objectContaining({ caseNo, kind: 'objection', dueDate, servedOn: today, documentNo: notice.docNo })]);
    expect((await t.http().get('/api/tasks').query({ caseNo }).set(auth(tokens.officer)).expect(200)).body.items).toEqual([]);
    await decideCaseChange(t, { proposer: tokens.officer, decider: tokens.approver, caseNo, action: 'withdraw', body: { reason: '端到端测试结束' } });
  });
});

/** Polls until the answer satisfies `done` (the workflow takes the signal asynchronously), for at most 20 s. */
async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const v = await read();
    if (done(v) || i >= 100) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
