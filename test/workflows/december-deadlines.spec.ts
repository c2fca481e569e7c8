import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { shiftedClock } from '../../activities/case-clock';
import { publishDraftYears } from '../../scripts/draft-calendar';
import { CalendarService } from '../../src/calendar/calendar.service';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import type { Actor } from '../../workflows/contracts';
import { CaseDriver } from '../support/case-driver';
import { bundleCaseWorkflows } from '../support/case-run';
import { createUser } from '../support/factories';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

/**
 * A case decided on 6 December computes its rectification deadline in January, whatever day the tests run on: the
 * workflow's calendar starts on Sun 2026-12-06 10:00 Beijing, and 2026 and 2027 are in the calendar (2027 as a
 * draft of its statutory holidays when the State Council's notice is not entered yet, as in the benches).
 * Rectification is 30 calendar days (brief §3 step 6, the catalogue item's default); a calendar-day period ending on
 * a day off moves to the next working day (民法典 art. 203; brief §7):
 *   2026-12-06 + 30 days → Tue 2027-01-05, a working day (元旦 is Fri 01-01) → due 2027-01-05, reminded Mon 01-04
 *   the next round, 10 working days after Wed 01-06 (the day after the missed deadline): 07, 08, 11…15, 18, 19, 20 → 2027-01-20
 */
describe('deadlines that cross into next year', () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let officer: Actor;
  let approver: Actor;

  beforeAll(async () => {
    [env, ctx] = await Promise.all([createTimeSkippingEnv(), caseActivitiesContext()]);
    ds = ctx.get(DataSource);
    await publishDraftYears(ctx.get(CalendarService), [2026, 2027]);
    officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
    approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
  });

  afterAll(async () => {
    await env?.teardown();
    await ctx?.close();
  });

  it('gives a case decided on 2026-12-06 until 2027-01-05 to rectify, then a January interview round', async () => {
    const clock = shiftedClock((await env.currentTimeMs()) - Date.parse('2026-12-06T10:00:00+08:00'));
    const taskQueue = `december-${randomUUID()}`;
    const bundle = await bundleCaseWorkflows();
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: caseActivitiesFrom(ctx, clock) });
    const policyVersion = (await ctx.get(PoliciesService).active()).version;
    await worker.runUntil(async () => {
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { policyVersion, officer, approver });
      try {
        // decided the same day: the objection is rejected on 12-06, and the determination is dated that day
        await c.complete('investigate', officer, { summary: '经查属实', severity: 'general' });
        await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
        await c.object();
        await c.complete('review-objection', officer, { summary: '不予采纳', decision: 'reject' });
        let s = await c.complete('decide-objection', approver, { summary: '异议不成立', decision: 'rejected' });
        expect(s).toMatchObject({ stage: 'RECTIFICATION', decisionDate: '2026-12-06', blockedReason: null });
        expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2027-01-05', round: 0, provisional: false });
        const [deadline] = await ds.query(
          `SELECT due_date::text AS due FROM institution_deadlines WHERE case_no = $1 AND kind = 'rectification'`, [c.caseNo]);
        expect(deadline.due).toBe('2027-01-05');

        await c.passDay('2027-01-05');
        expect(await c.today()).toBe('2027-01-06');
        s = await c.chooseInterview('reminder');
        expect(s.stage).toBe('REMINDER_INTERVIEW');
        await c.complete('schedule-interview', officer, { summary: '安排', scheduledAt: '2027-01-08T09:00:00+08:00', place: '301', attendees: ['王经办'] });
        s = await c.complete('record-interview', officer, { summary: '约谈', minutes: '记录', attendees: ['王经办'] });
        expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2027-01-20', round: 1, provisional: false });
      } finally {
        await c.handle.terminate('test finished').catch(() => undefined);
      }
    });
  });
});
