import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { CaseClock, shiftedClock } from '../../activities/case-clock';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import { claimTaskUpdate, completeTaskUpdate, type Actor, type Severity } from '../../workflows/contracts';
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

  it('holds a reminder interview after a missed rectification deadline and closes the round when the report passes', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      let s = await c.state();
      expect(s.stage).toBe('REMINDER_INTERVIEW');
      expect(await c.task('schedule-interview')).toMatchObject({ dueDate: '2026-04-03' }); // 5 working days after Sat 03-28
      await c.complete('schedule-interview', officer, { summary: '安排约谈', scheduledAt: '2026-03-31T09:00:00+08:00', place: '区教育局 301 会议室', attendees: ['王经办', '机构法定代表人'] });
      s = await c.complete('record-interview', officer, { summary: '机构承诺十日内整改', minutes: '约谈记录……', attendees: ['王经办', '陈明'] });
      expect(s.stage).toBe('RECTIFICATION');
      expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-04-13', round: 1, provisional: false }); // Qingming 04-04…04-06 off
      await c.reportRectification();
      s = await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' });
      expect(s.stage).toBe('PUBLICITY');
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'interview']);
      const [interview] = await ds.query(`SELECT kind, status, place FROM interviews WHERE case_no = $1`, [c.caseNo]);
      expect(interview).toEqual({ kind: 'reminder', status: 'held', place: '区教育局 301 会议室' });
    }));

  it('records a general case that is still not rectified after the warning interview without any joint sanction', () =>
    withCase(async (c) => {
      await determineProposal(c);
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      let s = await c.state();
      for (const stage of ['REMINDER_INTERVIEW', 'WARNING_INTERVIEW']) {
        expect(s.stage).toBe(stage);
        await c.complete('schedule-interview', officer, { summary: '安排', scheduledAt: '2026-04-01T09:00:00+08:00', place: '301', attendees: ['王经办'] });
        await c.complete('record-interview', officer, { summary: '约谈', minutes: '记录', attendees: ['王经办'] });
        await c.reportRectification('部分整改');
        s = await c.complete('verify-rectification', officer, { summary: '整改不到位', decision: 'fail' });
      }
      // refusing to rectify is its own catalogue item and opens its own case (brief §3 step 8): this one goes on to
      // publicity, with the outcome on record and the institution under heightened supervision
      expect(s.stage).toBe('PUBLICITY');
      const events = await c.events();
      expect(events).toContain('RECTIFICATION_UNRESOLVED');
      expect(events).not.toContain('JOINT_SANCTION_PROPOSED');
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'interview', 'interview']);
    }));

  it('puts a serious case to joint sanction straight after determination', () =>
    withCase(async (c) => {
      await determineProposal(c, 'serious');
      await c.passDay('2026-02-24');
      const s = await c.state();
      expect(s).toMatchObject({ stage: 'JOINT_SANCTION', repairableFrom: '2027-02-26', publicityUntil: '2029-02-25' });
      expect(await c.task('confirm-sanction')).toMatchObject({ candidateRole: 'approver', dueDate: '2026-03-03' }); // 5 working days after 02-25: 26, 27, Sat 28, 03-02, 03-03
      const after = await c.complete('confirm-sanction', approver, {
        summary: '实施联合惩戒', measures: ['限制从业', '取消评优资格'], departments: ['市市场监管局', '市人社局'],
      });
      expect(after.stage).toBe('RECTIFICATION');
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'joint_sanction']);
      // a ban is a penalty of its own (src/industry-bans/, its hearing and four eyes): confirming the sanction orders none
      const [sanction] = await ds.query(`SELECT payload FROM credit_records WHERE case_no = $1 AND kind = 'joint_sanction'`, [c.caseNo]);
      expect(sanction.payload).toEqual({ measures: ['限制从业', '取消评优资格'], departments: ['市市场监管局', '市人社局'], reason: 'serious' });
      expect(await ds.query(`SELECT 1 FROM industry_bans WHERE case_no = $1`, [c.caseNo])).toEqual([]);
      const notices = await ds.query(`SELECT payload->>'department' AS d FROM platform_submissions WHERE record_type = 'joint_sanction_notice' AND record_ref = $1 ORDER BY 1`, [c.caseNo]);
      expect(notices.map((n: { d: string }) => n.d)).toEqual(['市人社局', '市市场监管局']);
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
