import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { CaseClock, shiftedClock } from '../../activities/case-clock';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import { awaitRegistrationUpdate, caseStateQuery, claimTaskUpdate, completeTaskUpdate, unclaimTaskUpdate, type Actor, type Severity } from '../../workflows/contracts';
import { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import { CaseDriver } from '../support/case-driver';
import { createUser } from '../support/factories';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

/**
 * Every path of the lifecycle on the time-skipping server, with the real activities on PostgreSQL. Each case
 * starts on Tue 2026-02-10 10:00 (Beijing) on the official calendar, so due dates cross the Spring Festival
 * (02-15…02-23 off, Sat 02-14 and Sat 02-28 worked) and can be checked by hand:
 *   10 working days after 02-10 → 03-02 (02-11, 12, 13, 14, 24, 25, 26, 27, 28, 03-02)
 *    5 working days after 02-10 → 02-24;  3 after 02-25 → 02-28;  10 after 02-25 → 03-10
 */
describe(dishonestyCaseWorkflow.name, () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let bundle: { code: string };
  let officer: Actor;
  let approver: Actor;
  let legal: Actor;
  let head: Actor;
  let policyVersion: number;

  beforeAll(async () => {
    [env, ctx, bundle] = await Promise.all([
      createTimeSkippingEnv(),
      caseActivitiesContext(),
      bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger }),
    ]);
    ds = ctx.get(DataSource);
    officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
    approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
    legal = { id: (await createUser(ds, 'legal', { officeCode: null })).id, role: 'legal', officeCode: null };
    head = { id: (await createUser(ds, 'head', { officeCode: null })).id, role: 'head', officeCode: null };
    policyVersion = (await ctx.get(PoliciesService).active()).version;
  });

  afterAll(async () => {
    await env?.teardown();
    await ctx?.close();
  });

  /** Runs one case with a worker whose calendar starts on 2026-02-10 10:00 Beijing time. */
  async function withCase(body: (c: CaseDriver) => Promise<void>, severity: Severity = 'general') {
    const clock: CaseClock = shiftedClock((await env.currentTimeMs()) - Date.parse('2026-02-10T10:00:00+08:00'));
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: caseActivitiesFrom(ctx, clock) });
    await worker.runUntil(async () => {
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { severity, policyVersion, officer, approver });
      try {
        await body(c);
      } finally {
        // a case left running would hold the test server's clock for every later test (its worker is gone)
        await c.handle.terminate('test finished').catch(() => undefined);
      }
    });
  }

  /** Investigation and approval, checking both due dates across the Spring Festival. */
  async function determineProposal(c: CaseDriver, severity: Severity = 'general') {
    expect(await c.task('investigate')).toMatchObject({ dueDate: '2026-03-02', candidateRole: 'officer', candidateOffice: 'XWPX' });
    const proposed = await c.complete('investigate', officer, { summary: '经查属实', severity });
    expect(proposed.stage).toBe('APPROVAL');
    expect(await c.task('approve-determination')).toMatchObject({ dueDate: '2026-02-24' });
    const served = await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
    expect(served.stage).toBe('OBJECTION_WINDOW');
    expect(served.institutionDeadline).toEqual({ kind: 'objection', dueDate: '2026-02-24', round: 0, provisional: false });
    return served;
  }

  it('determines after an unanswered objection window, accepts rectification and repairs after the minimum period', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      let s = await c.state();
      // 3 months counted from 02-26 end on 05-25 (民法典 art. 201–202): repair opens the day after
      expect(s).toMatchObject({ stage: 'RECTIFICATION', decisionDate: '2026-02-25', repairableFrom: '2026-05-26', publicityUntil: '2027-02-25' });
      expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-03-27', round: 0, provisional: false }); // 02-25 + 30 calendar days

      s = await c.reportRectification();
      expect(s.stage).toBe('RECTIFICATION_REVIEW');
      expect(await c.task('verify-rectification')).toMatchObject({ dueDate: '2026-03-10' });
      s = await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' });
      expect(s.stage).toBe('PUBLICITY');

      await c.passDay('2026-05-24');
      await expect(c.applyRepair()).rejects.toMatchObject({ cause: { type: 'REPAIR_TOO_EARLY', message: expect.stringContaining('2026-05-26') } });
      await c.passDay('2026-05-25');
      s = await c.applyRepair();
      expect(s.stage).toBe('REPAIR_REVIEW');
      expect(await c.task('accept-repair')).toMatchObject({ dueDate: '2026-05-29' }); // 3 working days after Tue 05-26
      await c.complete('accept-repair', officer, { summary: '材料齐全，予以受理', decision: 'accept' });
      s = await c.complete('decide-repair', approver, { summary: '准予修复', decision: 'approve' });
      expect(s).toMatchObject({ stage: 'CLOSED', outcome: 'REPAIRED' });

      const records = await c.records();
      expect(records.map((r) => r.kind)).toEqual(['determination', 'repair']);
      expect(records[0]).toMatchObject({ decision_date: '2026-02-25', publicity_until: '2027-02-25' });
      expect(await c.events()).toContain('DEADLINE_MISSED'); // the unanswered objection window is a recorded fact
    }));

  it('closes the case without a determination when the objection is upheld', () =>
    withCase(async (c) => {
      await determineProposal(c);
      expect((await c.object()).stage).toBe('OBJECTION_REVIEW');
      expect(await c.task('review-objection')).toMatchObject({ dueDate: '2026-03-02' });
      await c.complete('review-objection', officer, { summary: '建议采纳', decision: 'uphold' });
      expect(await c.task('decide-objection')).toMatchObject({ dueDate: '2026-02-24' });
      const s = await c.complete('decide-objection', approver, { summary: '异议成立', decision: 'upheld' });
      expect(s).toMatchObject({ stage: 'CLOSED', outcome: 'NOT_DETERMINED' });
      expect(await c.records()).toEqual([]);
    }));

  it('determines at the lowered severity when the objection is upheld in part', () =>
    withCase(async (c) => {
      await determineProposal(c, 'serious');
      await c.object();
      await c.complete('review-objection', officer, { summary: '情节较轻', decision: 'uphold' });
      const s = await c.complete('decide-objection', approver, { summary: '降为一般', decision: 'upheld', severity: 'general' });
      expect(s).toMatchObject({ stage: 'RECTIFICATION', severity: 'general', decisionDate: '2026-02-10', publicityUntil: '2027-02-10' });
    }));

  it('determines on the day the objection is rejected and refuses a late second objection', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.object();
      await expect(c.object('再次提出')).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
      await c.complete('review-objection', officer, { summary: '不予采纳', decision: 'reject' });
      const s = await c.complete('decide-objection', approver, { summary: '异议不成立', decision: 'rejected' });
      expect(s).toMatchObject({ stage: 'RECTIFICATION', decisionDate: '2026-02-10', institutionDeadline: { dueDate: '2026-03-12' } });
    }));

  // Rectification from the decision served on 02-25: 30 calendar days from 02-26 → Fri 03-27, missed on Sat 03-28.
  // Each new deadline runs 10 working days from the day after its order is served on 03-28: 03-30, 31, 04-01, 02, 03,
  // (Qingming 04-04…04-06 off) 07, 08, 09, 10, 13 → 04-13.
  it('holds the reminder interview officer and approver chose after a missed deadline and closes the round when the report passes', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      let s = await c.state();
      expect(s.stage).toBe('RECTIFICATION');
      // 5 working days after Sat 03-28 for the proposal (interviewScheduleDays) and for the approver's agreement
      expect(await c.task('propose-interview')).toMatchObject({ candidateRole: 'officer', dueDate: '2026-04-03' });
      await c.complete('propose-interview', officer, { summary: '逾期未提交整改报告', interviewKind: 'reminder' });
      expect(await c.task('approve-interview')).toMatchObject({ candidateRole: 'approver', dueDate: '2026-04-03' });
      s = await c.complete('approve-interview', approver, { summary: '同意提示性约谈', decision: 'agree' });
      expect(s.stage).toBe('REMINDER_INTERVIEW');
      expect(await c.task('schedule-interview')).toMatchObject({ dueDate: '2026-04-03' });
      await c.complete('schedule-interview', officer, { summary: '安排约谈', scheduledAt: '2026-03-31T09:00:00+08:00', place: '区教育局 301 会议室', attendees: ['王经办', '机构法定代表人'] });
      s = await c.complete('record-interview', officer, { summary: '机构承诺十日内整改', minutes: '约谈记录……', attendees: ['王经办', '陈明'] });
      expect(s.stage).toBe('RECTIFICATION');
      expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-04-13', round: 1, provisional: false }); // Qingming 04-04…04-06 off
      await c.reportRectification();
      s = await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' });
      expect(s.stage).toBe('PUBLICITY');
      // an interview is guidance: in the credit file (and sent to the platform) but never published, so the written
      // grading rule (docs/credit-grading.md: interviews count "in publication") takes nothing off the grade
      const records = await c.records();
      expect(records.map((r) => r.kind)).toEqual(['determination', 'interview']);
      expect(records[1]).toMatchObject({ decision_date: '2026-03-28', publicity_until: null });
      const [published] = await ds.query(`SELECT publicity_from FROM credit_records WHERE case_no = $1 AND kind = 'interview'`, [c.caseNo]);
      expect(published.publicity_from).toBeNull();
      const [interview] = await ds.query(`SELECT kind, status, place FROM interviews WHERE case_no = $1`, [c.caseNo]);
      expect(interview).toEqual({ kind: 'reminder', status: 'held', place: '区教育局 301 会议室' });
    }));

  it('holds no interview when the officer proposes none with a reason and the approver agrees; the case goes on', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      // no interview without a reason (400 OUTCOME_INVALID at the API), and no choice outside the plan's two kinds
      await expect(c.complete('propose-interview', officer, { summary: '不约谈', interviewKind: 'none' }))
        .rejects.toMatchObject({ cause: { type: 'OUTCOME_INVALID', message: '不约谈须写明理由' } });
      await expect(c.complete('propose-interview', officer, { summary: '约谈' }))
        .rejects.toMatchObject({ cause: { type: 'OUTCOME_INVALID', message: '请选择提示性约谈、警示性约谈或不约谈' } });
      await c.complete('propose-interview', officer, { summary: '不约谈', interviewKind: 'none', reason: '机构已书面说明逾期系停电所致，正在整改' });
      // four eyes: who proposed may not agree, even holding the approver's role
      const sameOfficer: Actor = { ...officer, role: 'approver' };
      await expect(c.complete('approve-interview', sameOfficer, { summary: '同意', decision: 'agree' }))
        .rejects.toMatchObject({ cause: { type: 'SAME_PERSON' } });
      await c.handle.executeUpdate(unclaimTaskUpdate, { args: [{ taskId: (await c.task('approve-interview')).taskId, actor: sameOfficer }] });
      const s = await c.complete('approve-interview', approver, { summary: '同意不约谈', decision: 'agree' });
      expect(s.stage).toBe('RECTIFICATION');
      expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-04-13', round: 1, provisional: false });
      expect((await c.documents()).map((d) => d.kind)).not.toContain('interview-notice');
      const events = await c.events();
      expect(events).toEqual(expect.arrayContaining(['INTERVIEW_PROPOSED', 'INTERVIEW_AGREED', 'RECTIFICATION_EXTENDED']));
      expect(events).not.toContain('INTERVIEW_REQUIRED');
      const [proposed] = await ds.query(`SELECT reason, payload->>'interviewKind' AS kind FROM case_events WHERE case_no = $1 AND type = 'INTERVIEW_PROPOSED'`, [c.caseNo]);
      expect(proposed).toEqual({ reason: '机构已书面说明逾期系停电所致，正在整改', kind: 'none' });
      await c.reportRectification();
      expect((await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' })).stage).toBe('PUBLICITY');
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination']);
      expect(await ds.query(`SELECT 1 FROM interviews WHERE case_no = $1`, [c.caseNo])).toEqual([]);
    }));

  it('goes straight to a warning interview when so agreed, and a rectification failing after it opens a 拒不整改 case', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      await c.complete('propose-interview', officer, { summary: '逾期且情节较重', interviewKind: 'warning' });
      // the approver returns it once; the officer proposes again and the approver's agreement decides
      await c.complete('approve-interview', approver, { summary: '请补充逾期原因', decision: 'return' });
      await c.complete('propose-interview', officer, { summary: '机构拒不说明逾期原因', interviewKind: 'warning' });
      let s = await c.complete('approve-interview', approver, { summary: '同意警示性约谈', decision: 'agree' });
      expect(s.stage).toBe('WARNING_INTERVIEW');
      await c.complete('schedule-interview', officer, { summary: '安排', scheduledAt: '2026-04-01T09:00:00+08:00', place: '302', attendees: ['王经办'] });
      expect((await c.documents()).filter((d) => d.kind === 'interview-notice')).toHaveLength(1);
      s = await c.complete('record-interview', officer, { summary: '约谈', minutes: '记录', attendees: ['王经办'] });
      expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-04-13', round: 1, provisional: false });
      await c.reportRectification('部分整改');
      s = await c.complete('verify-rectification', officer, { summary: '整改不到位', decision: 'fail' });
      // the warning interview was the last: no further round, the refusal is a case of its own
      expect(s.stage).toBe('PUBLICITY');
      expect(await c.events()).toEqual(expect.arrayContaining(['INTERVIEW_PROPOSAL_RETURNED', 'RECTIFICATION_UNRESOLVED', 'REFUSAL_CASE_OPENED']));
      const [interview] = await ds.query(`SELECT kind, status FROM interviews WHERE case_no = $1`, [c.caseNo]);
      expect(interview).toEqual({ kind: 'warning', status: 'held' });
      const [opened] = await ds.query(`SELECT payload->>'caseNo' AS "caseNo" FROM case_events WHERE case_no = $1 AND type = 'REFUSAL_CASE_OPENED'`, [c.caseNo]);
      // the 拒不整改 case registers before it is stopped, as in the test below: a case stopped half-registered holds the clock
      const refusal = c.env.client.workflow.getHandle(opened.caseNo);
      try {
        await refusal.executeUpdate(awaitRegistrationUpdate);
      } finally {
        await refusal.terminate('test finished').catch(() => undefined);
      }
    }));

  it('opens a 拒不整改 case when a general case is still not rectified after the warning interview, and sanctions neither', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      let s = await c.state();
      for (const [kind, stage] of [['reminder', 'REMINDER_INTERVIEW'], ['warning', 'WARNING_INTERVIEW']] as const) {
        expect((await c.chooseInterview(kind)).stage).toBe(stage);
        await c.complete('schedule-interview', officer, { summary: '安排', scheduledAt: '2026-04-01T09:00:00+08:00', place: '301', attendees: ['王经办'] });
        await c.complete('record-interview', officer, { summary: '约谈', minutes: '记录', attendees: ['王经办'] });
        await c.reportRectification('部分整改');
        s = await c.complete('verify-rectification', officer, { summary: '整改不到位', decision: 'fail' });
      }
      // refusing to rectify is its own catalogue item (EDU-010) and opens its own case (brief §3 step 8): this one
      // goes on to publicity, with the outcome on record and the institution under heightened supervision
      expect(s.stage).toBe('PUBLICITY');
      const events = await c.events();
      expect(events).toEqual(expect.arrayContaining(['RECTIFICATION_UNRESOLVED', 'REFUSAL_CASE_OPENED']));
      expect(events).not.toContain('JOINT_SANCTION_PROPOSED');
      expect(events).not.toContain('LISTING_CONSIDERED');
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'interview', 'interview']);

      const [opened] = await ds.query(`SELECT payload->>'caseNo' AS "caseNo" FROM case_events WHERE case_no = $1 AND type = 'REFUSAL_CASE_OPENED'`, [c.caseNo]);
      const refusal = c.env.client.workflow.getHandle(opened.caseNo);
      try {
        await refusal.executeUpdate(awaitRegistrationUpdate);
        const [row] = await ds.query(`SELECT uscc, behaviour_code, severity, stage, facts FROM cases WHERE case_no = $1`, [opened.caseNo]);
        expect(row).toMatchObject({ uscc: c.who.institution.uscc, behaviour_code: 'EDU-010', severity: 'serious', stage: 'INVESTIGATION' });
        expect(row.facts).toContain(c.caseNo);
        // the new case is investigated on its own, by the officer who found the rectification failed
        expect((await refusal.query(caseStateQuery)).openTasks.map((t) => t.kind)).toEqual(['investigate']);
      } finally {
        await refusal.terminate('test finished').catch(() => undefined);
      }
    }));

  /** Determination of a serious case on 02-25 (the objection window unanswered), then the listing decision. */
  async function listSeriousCase(c: CaseDriver) {
    await determineProposal(c, 'serious');
    await c.passDay('2026-02-24');
    let s = await c.state();
    // 36 months from 02-25; repair after the 12-month minimum (民法典 art. 201–202: ends 2027-02-25, repair from 02-26)
    expect(s).toMatchObject({ stage: 'SERIOUS_LIST', repairableFrom: '2027-02-26', publicityUntil: '2029-02-25' });
    expect(await c.task('propose-listing')).toMatchObject({ candidateRole: 'officer', dueDate: '2026-03-03' });
    await c.complete('propose-listing', officer, { summary: '情节严重', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' });
    // the 告知书 served in the portal on 02-25: 5 working days for 陈述申辩 from 02-26 (26, 27, Sat 28, 03-02, 03-03)
    expect((await c.state()).institutionDeadline).toEqual({ kind: 'statement', dueDate: '2026-03-03', round: 0, provisional: false });
    s = await c.stateCase('已停止招生，请求不列入');
    expect(await c.task('review-listing')).toMatchObject({ candidateRole: 'legal', candidateOffice: null });
    await expect(c.complete('review-listing', officer, { summary: '同意', decision: 'agree' })).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CANDIDATE' } });
    await c.complete('review-listing', legal, { summary: '事实清楚，程序合法', decision: 'agree' });
    await expect(c.complete('decide-listing', approver, { summary: '列入', decision: 'list' })).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CANDIDATE' } });
    s = await c.complete('decide-listing', head, { summary: '列入严重失信主体名单', decision: 'list' });
    expect(s.stage).toBe('JOINT_SANCTION');
    return s;
  }

  const effectsOf = (caseNo: string) => ds.query(
    `SELECT kind, ends_on::text AS "endsOn", status, ended_by AS "endedBy", measure_id AS "measureId" FROM credit_effects
      WHERE case_no = $1 AND kind IN ('list-entry', 'joint-sanction-measure') ORDER BY kind, measure_id`, [caseNo]);

  it('lists a serious case by decision, sanctions two of three measures on the entry, and repair ends them with one letter per department', () =>
    withCase(async (c) => {
      await listSeriousCase(c);
      const events = await c.events();
      expect(events.indexOf('LISTING_PROPOSED')).toBeLessThan(events.indexOf('STATEMENT_RECEIVED'));
      expect(events.indexOf('STATEMENT_RECEIVED')).toBeLessThan(events.indexOf('LISTED'));
      const kinds = (await c.documents()).map((d) => d.kind);
      expect(kinds).toEqual(expect.arrayContaining(['listing-notice', 'listing-decision']));
      expect(kinds.filter((k) => k === 'repair-notice')).toHaveLength(2); // with the determination and with the listing (两书同达)

      // three catalogue measures fit EDU-001 (M-ZDJG, M-CZZJ, M-ZFCG…): the approver confirms two
      expect(await c.task('confirm-sanction')).toMatchObject({ candidateRole: 'approver', dueDate: '2026-03-03' });
      await expect(c.complete('confirm-sanction', approver, { summary: '实施', measures: ['限制参加评先评优'] }))
        .rejects.toMatchObject({ cause: { type: 'MEASURE_NOT_IN_CATALOGUE' } });
      const after = await c.complete('confirm-sanction', approver, { summary: '确认两项措施', measures: ['M-ZFCG', 'M-CZZJ'] });
      expect(after.stage).toBe('RECTIFICATION');
      const [sanction] = await ds.query(
        `SELECT decision_date::text AS "decided", publicity_until::text AS until, payload FROM credit_records WHERE case_no = $1 AND kind = 'joint_sanction'`, [c.caseNo]);
      // the sanction lasts as long as the list entry, not one day (issue #16 item 2)
      expect(sanction).toMatchObject({ decided: '2026-02-25', until: '2029-02-25', payload: { departments: ['财政部门', '教育行政部门'] } });
      expect(sanction.payload.measures.map((m: { id: string }) => m.id)).toEqual(['M-ZFCG', 'M-CZZJ']);
      const letters = (await c.documents()).filter((d) => d.kind === 'sanction-letter');
      expect(letters).toHaveLength(2);
      expect(await ds.query(`SELECT 1 FROM industry_bans WHERE case_no = $1`, [c.caseNo])).toEqual([]);
      expect(await effectsOf(c.caseNo)).toEqual([
        { kind: 'joint-sanction-measure', endsOn: '2029-02-25', status: 'active', endedBy: null, measureId: 'M-CZZJ' },
        { kind: 'joint-sanction-measure', endsOn: '2029-02-25', status: 'active', endedBy: null, measureId: 'M-ZFCG' },
        { kind: 'list-entry', endsOn: '2029-02-25', status: 'active', endedBy: null, measureId: null },
      ]);

      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' });
      await c.passDay('2027-02-25');
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '受理', decision: 'accept' });
      const s = await c.complete('decide-repair', approver, { summary: '准予修复', decision: 'approve' });
      expect(s).toMatchObject({ stage: 'CLOSED', outcome: 'REPAIRED' });
      // repair on 2027-02-26 ends the list entry and both measures together (36号令 art. 3)
      expect((await effectsOf(c.caseNo)).map((e: { status: string; endedBy: string }) => [e.status, e.endedBy])).toEqual([
        ['ended', 'repair'], ['ended', 'repair'], ['ended', 'repair'],
      ]);
      const lifting = await ds.query(`SELECT addressee_name AS "to" FROM documents WHERE case_no = $1 AND kind = 'sanction-lifting-letter'`, [c.caseNo]);
      expect(lifting.map((l: { to: string }) => l.to).sort()).toEqual(['教育行政部门', '财政部门'].sort());
      const lifts = await ds.query(
        `SELECT count(*)::int AS n FROM platform_submissions WHERE record_type = 'joint_sanction_notice' AND record_ref = $1 AND payload->>'action' = 'lift'`, [c.caseNo]);
      expect(lifts[0].n).toBe(2);
    }, 'serious'));

  it('withdrawing a case after its sanction ends the list entry and the measures, and tells the departments', () =>
    withCase(async (c) => {
      await listSeriousCase(c);
      await c.complete('confirm-sanction', approver, { summary: '确认一项措施', measures: ['M-ZFCG'] });
      const s = await c.handle.executeUpdate('withdrawCase', { args: [{ actor: approver, reason: '认定依据有误，予以撤销' }] });
      expect(s).toMatchObject({ stage: 'WITHDRAWN' });
      expect((await effectsOf(c.caseNo)).map((e: { status: string; endedBy: string }) => [e.status, e.endedBy])).toEqual([
        ['ended', 'withdrawal'], ['ended', 'withdrawal'],
      ]);
      const [letter] = await ds.query(`SELECT addressee_name AS "to", content FROM documents WHERE case_no = $1 AND kind = 'sanction-lifting-letter'`, [c.caseNo]);
      expect(letter.to).toBe('财政部门');
      expect(JSON.stringify(letter.content)).toContain('已依法撤销');
    }, 'serious'));

  it('confirms no measure at all when the approver so decides, with the reason on record', () =>
    withCase(async (c) => {
      await listSeriousCase(c);
      const s = await c.complete('confirm-sanction', approver, { summary: '已主动整改，暂不实施联合惩戒', measures: [] });
      expect(s.stage).toBe('RECTIFICATION');
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination']);
      const reasons = await ds.query(`SELECT reason, payload->'measures' AS measures FROM case_events WHERE case_no = $1 AND type = 'TASK_COMPLETED' AND reason LIKE '%联合惩戒%'`, [c.caseNo]);
      expect(reasons).toEqual([{ reason: '已主动整改，暂不实施联合惩戒', measures: [] }]);
      expect((await c.documents()).filter((d) => d.kind === 'sanction-letter')).toEqual([]);
    }, 'serious'));

  it('ends publication at the maximum period and refuses a repair the approver rejects', () =>
    withCase(async (c) => {
      await determineProposal(c, 'minor');
      await c.passDay('2026-02-24');
      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '通过', decision: 'pass' });
      // 轻微: recorded, not published (no publicity window); repairable the day after the 0-month minimum, i.e. 02-26
      expect(await c.state()).toMatchObject({ stage: 'PUBLICITY', repairableFrom: '2026-02-26', publicityUntil: null });
      expect(await c.records()).toMatchObject([{ kind: 'determination', publicity_until: null }]);
      await c.passDay('2026-02-25');
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '受理', decision: 'accept' });
      let s = await c.complete('decide-repair', approver, { summary: '修复材料不实', decision: 'refuse' });
      expect(s.stage).toBe('PUBLICITY');
      await c.passDay('2026-05-25');
      s = await c.state();
      expect(s).toMatchObject({ stage: 'CLOSED', outcome: 'PUBLICATION_ENDED' });
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'publication_end']);
      expect(await c.events()).toContain('REPAIR_REFUSED');
    }));

  it('flags an overdue task, tells the approvers, and records the fact on the case', () =>
    withCase(async (c) => {
      const { taskId } = await c.task('investigate');
      await c.passDay('2026-03-02');
      const [task] = await ds.query(`SELECT overdue FROM tasks WHERE id = $1`, [taskId]);
      expect(task.overdue).toBe(true);
      const [event] = await ds.query(`SELECT payload->>'dueDate' AS due FROM case_events WHERE case_no = $1 AND type = 'TASK_OVERDUE'`, [c.caseNo]);
      expect(event.due).toBe('2026-03-02');
      const reminders = await ds.query(`SELECT template FROM notifications WHERE idempotency_key LIKE $1 ORDER BY created_at`, [`${c.caseNo}:task:investigate-1%`]);
      expect(reminders.map((r: { template: string }) => r.template)).toEqual(expect.arrayContaining(['task_assigned']));
      const overdueNotes = await ds.query(`SELECT count(*)::int AS n FROM notifications WHERE idempotency_key LIKE $1`, [`${taskId}:overdue%`]);
      expect(overdueNotes[0].n).toBeGreaterThan(0);
    }));

  it('refuses submissions by the wrong party, in the wrong stage or after the deadline', () =>
    withCase(async (c) => {
      await expect(c.reportRectification()).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
      await determineProposal(c);
      const stranger = { ...c.who.institution, uscc: '91440300708461136T' };
      await expect(c.handle.executeUpdate('submitObjection', { args: [{ actor: stranger, text: '冒名', fileIds: [] }] }))
        .rejects.toMatchObject({ cause: { type: 'WRONG_PARTY' } });
      await c.passDay('2026-02-24');
      await expect(c.object()).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
    }));

  it('goes on when the officer completes a task while a second claim of it is still being written', () =>
    withCase(async (c) => {
      const { taskId } = await c.task('investigate');
      await c.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: officer }] });
      // a double click: the claim again, and the completion before the claim's write is done
      const [claim, done] = await Promise.allSettled([
        c.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: officer }] }),
        c.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor: officer, outcome: { summary: '经查属实', severity: 'general' } }] }),
      ]);
      expect(done).toMatchObject({ status: 'fulfilled', value: { stage: 'APPROVAL' } });
      // the two arrive in either order: a claim that comes after the completion finds the task done, and says so
      if (claim.status === 'rejected') expect(claim.reason).toMatchObject({ cause: { type: 'TASK_NOT_FOUND' } });
      const s = await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
      expect(s.stage).toBe('OBJECTION_WINDOW');
    }));

  it('withdraws a case mid-rectification with a correction record and no open work left', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await expect(c.handle.executeUpdate('withdrawCase', { args: [{ actor: officer, reason: '越权' }] }))
        .rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });
      const s = await c.handle.executeUpdate('withdrawCase', { args: [{ actor: approver, reason: '认定依据有误，予以撤销' }] });
      expect(s).toMatchObject({ stage: 'WITHDRAWN', outcome: 'WITHDRAWN' });
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'correction']);
      const open = await ds.query(`SELECT count(*)::int AS n FROM institution_deadlines WHERE case_no = $1 AND status = 'open'`, [c.caseNo]);
      expect(open[0].n).toBe(0);
      expect(await c.handle.result()).toMatchObject({ stage: 'WITHDRAWN' });
    }));
});

const quietLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: () => undefined, error: (m: string) => console.error(m),
};
