import type { INestApplicationContext } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber, makeUscc } from '../support/factories';
import { auth, consentToElectronicService, decideCaseChange, doTask, followCase } from '../support/http-case';
import { daysFromToday } from './credit/helpers';
import { quietTemporalRuntime, workerContext } from '../support/temporal';

/**
 * The serious-dishonesty list over HTTP (issue #17): no route lists an institution or sanctions it without the
 * proposal, the statement period, the legal review and the head's decision; the one who proposes does not decide;
 * joint-sanction measures come from the catalogue only. The case ends by a four-eyes withdrawal, which ends the list
 * entry and the measure it carried.
 */
describe('serious-dishonesty list and joint sanction over HTTP', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let tokens: Record<'officer' | 'approver' | 'approver2' | 'legal' | 'head', string>;

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    tokens = {
      officer: (await t.loginAs('officer', { officeCode: 'XWPX' })).token,
      approver: (await t.loginAs('approver', { officeCode: 'XWPX' })).token,
      approver2: (await t.loginAs('approver', { officeCode: 'XWPX' })).token,
      legal: (await t.loginAs('legal', { officeCode: null })).token,
      head: (await t.loginAs('head', { officeCode: null })).token,
    };
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  /** A serious case determined at once: the institution objects and the objection is rejected. */
  async function determinedSeriousCase() {
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(tokens.officer))
      .send({ uscc, name: `名单测试培训学校${uscc.slice(-4)}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() } })
      .expect(201);
    const institution = (await t.loginAs('institution', { uscc, officeCode: null })).token;
    await consentToElectronicService(t, tokens.officer, uscc);
    const opened = await t.http().post('/api/cases').set(auth(tokens.officer))
      .send({ uscc, behaviourCode: 'EDU-001', facts: '未取得办学许可证开展学科类培训', source: 'inspection' }).expect(201);
    const caseNo: string = opened.body.caseNo;
    await doTask(t, tokens.officer, caseNo, 'investigate', { summary: '经查属实', severity: 'serious' });
    await doTask(t, tokens.approver, caseNo, 'approve-determination', { summary: '同意', decision: 'approve' });
    await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution)).send({ reason: '认定事实有误', fileIds: [] }).expect(200);
    await doTask(t, tokens.officer, caseNo, 'review-objection', { summary: '不予采纳', decision: 'reject' });
    const determined = await doTask(t, tokens.approver, caseNo, 'decide-objection', { summary: '异议不成立', decision: 'rejected' });
    expect(determined.case.stage).toBe('SERIOUS_LIST');
    return { caseNo, institution };
  }

  const taskOf = async (token: string, caseNo: string, kind: string) => {
    const list = await t.http().get('/api/tasks').query({ caseNo }).set(auth(token)).expect(200);
    return list.body.items.find((i: { kind: string }) => i.kind === kind) as { id: string } | undefined;
  };
  /** The task once it is open: an answer is taken when the case accepted it, the task it leads to follows. */
  const openedTask = async (token: string, caseNo: string, kind: string) => {
    for (let i = 0; i < 300; i++) {
      const task = await taskOf(token, caseNo, kind);
      if (task) return task;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${kind} task in ${caseNo} after 30 s`);
  };

  it('lists only by the head after notice, statement and legal review, and sanctions only with catalogue measures', async () => {
    const { caseNo, institution } = await determinedSeriousCase();
    // nothing lists or sanctions before the steps: no list entry, no sanction task, no joint_sanction record
    const effects = async () => (await t.http().get(`/api/cases/${caseNo}/effects`).set(auth(tokens.officer)).expect(200)).body as
      { kind: string; status: string; endedBy: string | null; endsOn: string }[];
    expect((await effects()).filter((e) => e.kind === 'list-entry')).toEqual([]);
    expect(await taskOf(tokens.approver, caseNo, 'confirm-sanction')).toBeUndefined();

    // a proposal without its basis is refused; with it, the 告知书 is served and the statement period opens
    const propose = (await taskOf(tokens.officer, caseNo, 'propose-listing'))!;
    await t.http().post(`/api/tasks/${propose.id}/claim`).set(auth(tokens.officer)).expect(200);
    const bare = await t.http().post(`/api/tasks/${propose.id}/complete`).set(auth(tokens.officer)).send({ summary: '提请列入', decision: 'propose' });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('OUTCOME_INVALID');
    await t.http().post(`/api/tasks/${propose.id}/complete`).set(auth(tokens.officer))
      .send({ summary: '提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' }).expect(200);
    await followCase(t, tokens.officer, caseNo, propose.id);
    const deadlines = await t.http().get('/api/portal/deadlines').set(auth(institution)).expect(200);
    expect(deadlines.body).toEqual([expect.objectContaining({ caseNo, kind: 'statement', documentTitle: '列入严重失信主体名单告知书' })]);
    await t.http().post(`/api/portal/cases/${caseNo}/statement`).set(auth(institution)).send({ reason: '已停止招生，请求不列入', fileIds: [] }).expect(200);

    // the officer who proposed cannot review or decide: those tasks are not in an officer's worklist at all, and
    // completing them as the officer is refused (403)
    const review = await openedTask(tokens.legal, caseNo, 'review-listing');
    expect(await taskOf(tokens.officer, caseNo, 'review-listing')).toBeUndefined();
    const claimedByOfficer = await t.http().post(`/api/tasks/${review.id}/claim`).set(auth(tokens.officer));
    expect(claimedByOfficer.status).toBe(403);
    await doTask(t, tokens.legal, caseNo, 'review-listing', { summary: '事实清楚，依据充分，程序合法', decision: 'agree' });
    const decide = (await taskOf(tokens.head, caseNo, 'decide-listing'))!;
    for (const token of [tokens.officer, tokens.legal, tokens.approver]) {
      expect((await t.http().post(`/api/tasks/${decide.id}/claim`).set(auth(token))).status).toBe(403);
    }
    const listed = await doTask(t, tokens.head, caseNo, 'decide-listing', { summary: '列入严重失信主体名单', decision: 'list' });
    expect(listed.case.stage).toBe('JOINT_SANCTION');
    const [entry] = (await effects()).filter((e) => e.kind === 'list-entry');
    expect(entry).toMatchObject({ status: 'active', endedBy: null });

    // measures outside the catalogue, or not a sanction, are refused with their code; the approver confirms one
    const confirm = (await taskOf(tokens.approver, caseNo, 'confirm-sanction'))!;
    await t.http().post(`/api/tasks/${confirm.id}/claim`).set(auth(tokens.approver)).expect(200);
    const typed = await t.http().post(`/api/tasks/${confirm.id}/complete`).set(auth(tokens.approver)).send({ summary: '实施', measures: ['限制参加评先评优'] });
    expect(typed.status).toBe(400);
    expect(typed.body).toMatchObject({ code: 'MEASURE_NOT_IN_CATALOGUE', message: expect.stringContaining('限制参加评先评优') });
    const penalty = await t.http().post(`/api/tasks/${confirm.id}/complete`).set(auth(tokens.approver)).send({ summary: '实施', measures: ['M-XZCY'] });
    expect(penalty.status).toBe(400);
    expect(penalty.body.code).toBe('MEASURE_NOT_APPLICABLE');
    const done = await t.http().post(`/api/tasks/${confirm.id}/complete`).set(auth(tokens.approver)).send({ summary: '确认一项措施', measures: ['M-ZFCG'] });
    expect(done.status).toBe(200);
    expect(done.body.accepted).toBe(true);
    expect((await followCase(t, tokens.approver, caseNo, confirm.id)).stage).toBe('RECTIFICATION');
    const measures = (await effects()).filter((e) => e.kind === 'joint-sanction-measure');
    // the measure lasts as long as the list entry, not one day
    expect(measures).toEqual([expect.objectContaining({ status: 'active', endsOn: entry.endsOn })]);

    // a four-eyes withdrawal ends the list entry and the measure and tells the department
    await decideCaseChange(t, { proposer: tokens.officer, decider: tokens.approver2, caseNo, action: 'withdraw', body: { reason: '认定依据有误' } });
    const ended = (await effects()).filter((e) => e.kind === 'list-entry' || e.kind === 'joint-sanction-measure');
    expect(ended.map((e) => [e.kind, e.status, e.endedBy]).sort()).toEqual([
      ['joint-sanction-measure', 'ended', 'withdrawal'], ['list-entry', 'ended', 'withdrawal'],
    ]);
    const docs = (await t.http().get(`/api/cases/${caseNo}/documents`).set(auth(tokens.officer)).expect(200)).body as { kind: string }[];
    expect(docs.map((d) => d.kind)).toEqual(expect.arrayContaining(['listing-notice', 'listing-decision', 'sanction-letter', 'sanction-lifting-letter']));
  });

  it('refuses the officer who proposed the listing as its reviewer after a move to the legal office (SAME_PERSON)', async () => {
    const { caseNo, institution } = await determinedSeriousCase();
    const proposer = await t.loginAs('officer', { officeCode: 'XWPX' });
    const propose = (await taskOf(tokens.officer, caseNo, 'propose-listing'))!;
    await t.http().post(`/api/tasks/${propose.id}/claim`).set(auth(proposer.token)).expect(200);
    await t.http().post(`/api/tasks/${propose.id}/complete`).set(auth(proposer.token))
      .send({ summary: '提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' }).expect(200);
    // the institution answers once the case has opened its 陈述申辩 window (the completion answers before that)
    await followCase(t, proposer.token, caseNo, propose.id);
    await t.http().post(`/api/portal/cases/${caseNo}/statement`).set(auth(institution)).send({ reason: '请求不列入', fileIds: [] }).expect(200);
    // the same person, now of the legal office, signed in afresh: the worklist reads who proposed from the case's
    // completed tasks and applies the case's four-eyes rule (workflows/task-rules.ts)
    await t.ds.query(`UPDATE users SET role = 'legal', office_code = NULL WHERE id = $1`, [proposer.user.id]);
    const asLegal = (await t.login(proposer.user, 1)).token; // the next code: the one of this half minute is used
    const review = await openedTask(tokens.legal, caseNo, 'review-listing');
    await t.http().post(`/api/tasks/${review.id}/claim`).set(auth(asLegal)).expect(200);
    const refused = await t.http().post(`/api/tasks/${review.id}/complete`).set(auth(asLegal)).send({ summary: '同意', decision: 'agree' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'SAME_PERSON', message: '提出列入意见的人员不能审核或决定同一事项' });
    const [row] = await t.ds.query(`SELECT status FROM tasks WHERE id = $1`, [review.id]);
    expect(row.status).toBe('claimed');
    // another legal reviewer takes it over and the head decides: the case leaves no task open for later suites
    await t.http().post(`/api/tasks/${review.id}/unclaim`).set(auth(asLegal)).expect(200);
    await doTask(t, tokens.legal, caseNo, 'review-listing', { summary: '证据不足，不同意列入', decision: 'disagree' });
    const decide = await openedTask(tokens.head, caseNo, 'decide-listing');
    await doTask(t, tokens.head, caseNo, 'decide-listing', { summary: '法制审核不同意，不列入', decision: 'not-list' });
    await followCase(t, tokens.head, caseNo, decide.id);
  });

  it('lets the head list only after the legal review agreed (行政处罚法 第五十八条); not listing stays open', async () => {
    const { caseNo, institution } = await determinedSeriousCase();
    await doTask(t, tokens.officer, caseNo, 'propose-listing', { summary: '提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' });
    await t.http().post(`/api/portal/cases/${caseNo}/statement`).set(auth(institution)).send({ reason: '请求不列入', fileIds: [] }).expect(200);
    await doTask(t, tokens.legal, caseNo, 'review-listing', { summary: '证据不足，不同意列入', decision: 'disagree' });
    const decide = await openedTask(tokens.head, caseNo, 'decide-listing');
    await t.http().post(`/api/tasks/${decide.id}/claim`).set(auth(tokens.head)).expect(200);
    const listed = await t.http().post(`/api/tasks/${decide.id}/complete`).set(auth(tokens.head)).send({ summary: '列入', decision: 'list' });
    expect(listed.status).toBe(400);
    expect(listed.body).toEqual(expect.objectContaining({ code: 'OUTCOME_INVALID', message: '法制审核未通过，不得作出列入决定' }));
    const notListed = await t.http().post(`/api/tasks/${decide.id}/complete`).set(auth(tokens.head)).send({ summary: '法制审核不同意，不列入', decision: 'not-list' });
    expect(notListed.status).toBe(200);
    await followCase(t, tokens.head, caseNo, decide.id);
    const effects = (await t.http().get(`/api/cases/${caseNo}/effects`).set(auth(tokens.officer)).expect(200)).body as { kind: string }[];
    expect(effects.filter((e) => e.kind === 'list-entry')).toEqual([]);
  });

  it('pins the rules of the behaviour\'s day (从旧兼从轻) and refuses a behaviour dated after today', async () => {
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(tokens.officer))
      .send({ uscc, name: `规则版本测试学校${uscc.slice(-4)}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() } })
      .expect(201);
    const base = { uscc, behaviourCode: 'EDU-002', facts: '超出办学许可范围开展学科类培训', source: 'inspection' };
    const future = await t.http().post('/api/cases').set(auth(tokens.officer)).send({ ...base, occurredOn: daysFromToday(1) });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('OCCURRED_IN_FUTURE');
    const occurredOn = daysFromToday(-30);
    const resolved = (await t.http().get(`/api/policies/for-behaviour?occurredOn=${occurredOn}&severity=general`).set(auth(tokens.officer)).expect(200)).body;
    const opened = await t.http().post('/api/cases').set(auth(tokens.officer)).send({ ...base, occurredOn }).expect(201);
    expect(opened.body.policyVersion).toBe(resolved.version);
  });
});
