import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { shiftedClock } from '../../activities/case-clock';
import type { AuthUser } from '../../src/auth/role';
import { CalendarService } from '../../src/calendar/calendar.service';
import { statutoryHolidays } from '../../src/calendar/statutory-holidays';
import { BlockedCasesOps } from '../../src/cases/blocked-cases.service';
import { CaseGateway } from '../../src/cases/case-gateway';
import { CaseRepository } from '../../src/cases/case.repository';
import { CASE_VIEW_SQL } from '../../src/cases/case-view.sql';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import type { Actor } from '../../workflows/contracts';
import { CaseDriver } from '../support/case-driver';
import { bundleCaseWorkflows } from '../support/case-run';
import { createUser } from '../support/factories';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

/**
 * A step that no retry can fix blocks the case instead of retrying forever (issue #13). The case is registered on
 * Mon 2036-12-15 (Beijing), a year no calendar in the test database covers: the investigation task's due date
 * cannot be computed (CALENDAR_YEAR_UNKNOWN, non-retryable), so the case is blocked with the calendar's own message,
 * listed on the operations view, and goes on once the years are published and an approver resumes it.
 */
describe('a case blocked by a failure no retry fixes', () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let officer: Actor;
  let approver: Actor;

  beforeAll(async () => {
    [env, ctx] = await Promise.all([createTimeSkippingEnv(), caseActivitiesContext()]);
    ds = ctx.get(DataSource);
    officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
    approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
  });

  afterAll(async () => {
    await env?.teardown();
    await ctx?.close();
  });

  it('is listed with its reason and proceeds after the calendar year is published and the case resumed', async () => {
    const clock = shiftedClock((await env.currentTimeMs()) - Date.parse('2036-12-15T10:00:00+08:00'));
    const taskQueue = `blocked-${randomUUID()}`;
    const bundle = await bundleCaseWorkflows();
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: caseActivitiesFrom(ctx, clock) });
    const policyVersion = (await ctx.get(PoliciesService).active()).version;
    await worker.runUntil(async () => {
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { policyVersion, officer, approver });
      try {
        const blocked = await c.state();
        expect(blocked).toMatchObject({ stage: 'INVESTIGATION', openTasks: [], blockedReason: expect.stringContaining('2036 年') });

        const ops = new BlockedCasesOps(ctx.get(CaseRepository), new CaseGateway(env.client, ctx.get(ConfigService)));
        const listed = (await ops.list()).items.find((i) => i.caseNo === c.caseNo);
        expect(listed).toMatchObject({ stage: 'INVESTIGATION', stageLabel: '调查', code: 'CALENDAR_YEAR_UNKNOWN', reason: blocked.blockedReason });
        const [view] = await ds.query(CASE_VIEW_SQL, [c.caseNo]);
        expect(view.blockedReason).toBe(blocked.blockedReason);
        expect(await c.events()).toEqual(['REGISTERED', 'INVESTIGATION_STARTED', 'CASE_BLOCKED']);

        // resuming before the cause is fixed blocks it again, with the same reason
        const user = { id: approver.id, role: 'approver', officeCode: 'XWPX' } as AuthUser;
        await ops.resume(c.caseNo, user, '已处理');
        await until(async () => (await c.events()).filter((e) => e === 'CASE_BLOCKED').length === 2);
        expect((await ops.list()).items.map((i) => i.caseNo)).toContain(c.caseNo);

        const calendar = ctx.get(CalendarService);
        for (const year of [2036, 2037]) {
          await calendar.publishYear(year, { holidays: statutoryHolidays(year), workdays: [], basis: '测试：按法定假日推算' }, null);
        }
        await ops.resume(c.caseNo, user, '已发布 2036、2037 年度日历');
        await until(async () => (await c.state()).openTasks.length > 0);
        const s = await c.state();
        expect(s).toMatchObject({ stage: 'INVESTIGATION', blockedReason: null });
        // 10 working days after Mon 2036-12-15: 16…19, 22…26, 29 (no holiday before 01-01) → Mon 2036-12-29
        expect(await c.task('investigate')).toMatchObject({ dueDate: '2036-12-29' });
        expect((await ops.list()).items.map((i) => i.caseNo)).not.toContain(c.caseNo);
        expect(await c.events()).toEqual(['REGISTERED', 'INVESTIGATION_STARTED', 'CASE_BLOCKED', 'CASE_RESUMED', 'CASE_BLOCKED', 'CASE_RESUMED']);
        const after = await c.complete('investigate', officer, { summary: '经查属实', severity: 'general' });
        expect(after.stage).toBe('APPROVAL');
      } finally {
        await c.handle.terminate('test finished').catch(() => undefined);
      }
    });
  });
});

/** Waits for the workflow to act on a signal (the time-skipping server runs it as soon as the worker polls). */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the case did not move on');
}
