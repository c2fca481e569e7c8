import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { shiftedClock } from '../../activities/case-clock';
import { CalendarService } from '../../src/calendar/calendar.service';
import { statutoryHolidays } from '../../src/calendar/statutory-holidays';
import { CaseDeadlineRepository } from '../../src/cases/case-deadline.repository';
import { CaseGateway } from '../../src/cases/case-gateway';
import { ProvisionalDeadlines } from '../../src/cases/provisional-deadlines';
import { OpsClock } from '../../src/ops/ops-clock';
import { PoliciesService } from '../../src/policies/policies.service';
import { OVERDUE_RECTIFICATIONS_SQL } from '../../src/reports/reports.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import type { Actor } from '../../workflows/contracts';
import { createTestApp, TestApp } from '../support/app';
import { CaseDriver } from '../support/case-driver';
import { bundleCaseWorkflows } from '../support/case-run';
import { createUser } from '../support/factories';
import { auth } from '../support/http-case';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

/**
 * Issue #21: a deadline in a year the administrator has not published is computed provisionally and recomputed once
 * the year is published. The years are far from any other suite's (test.sh publishes next year's draft): 2040 is
 * published here with its statutory holidays, 2041 is not, and both are removed afterwards. The case lives on
 * Mon 2040-12-03 (Beijing), decided that day; rectification is 30 calendar days moved to the next working day
 * (brief §3 step 6; 民法典 art. 203):
 *   provisional (2041 unpublished, statutory holidays only: 元旦 Tue 01-01): 12-03 + 30 → Wed 2041-01-02, a working day
 *   published (a notice giving 01-01…01-03 off and Sat 01-05 worked, 调休): 01-02 and Thu 01-03 are off → Fri 2041-01-04
 * A provisional date never lapses before its year is published; once published the date is the latest of the
 * recomputed one, the one the institution was told, and one working day (the policy's reminder lead) after the
 * publication day (docs/case-lifecycle.md). Published late, on Wed 2041-01-09, when both 01-02 and 01-04 have passed:
 *   the later of 01-02 (told) and 01-04 (recomputed) is past → the next working day after 01-09: Thu 2041-01-10
 */
describe('a deadline in a year not yet published', () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let api: TestApp;
  let ds: DataSource;
  let officer: Actor;
  let approver: Actor;
  const forget = async () => {
    await ds.query(`DELETE FROM calendar_overrides WHERE extract(year FROM date) IN (2040, 2041)`);
    await ds.query(`DELETE FROM calendar_years WHERE year IN (2040, 2041)`);
  };

  beforeAll(async () => {
    [env, ctx, api] = await Promise.all([createTimeSkippingEnv(), caseActivitiesContext(), createTestApp()]);
    ds = ctx.get(DataSource);
    await forget();
    await ctx.get(CalendarService).publishYear(2040, { holidays: statutoryHolidays(2040), workdays: [], basis: '测试：按法定假日推算' }, null);
    officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
    approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
    // the API's listener, wired as the API wires it: the year's approval calls calendar.yearPublished after commit
    new ProvisionalDeadlines(ctx.get(CalendarService), ctx.get(CaseDeadlineRepository), new CaseGateway(env.client, ctx.get(ConfigService)), ds);
  }, 60_000);

  afterAll(async () => {
    if (ds) await forget();
    await env?.teardown();
    await ctx?.close();
    await api?.close();
  });

  const alertCodes = async (admin: string) => ((await api.http().get('/api/ops/alerts').set(auth(admin)).expect(200)).body as { code: string; items: string[] }[])
    .filter((a) => a.code === 'CALENDAR_NEXT_YEAR_MISSING').map((a) => a.items);
  /** 2041 as a State Council notice could publish it: 01-01…01-03 off, Sat 01-05 worked (调休). */
  const publish2041 = async (calendar: CalendarService) => {
    const holidays = [...statutoryHolidays(2041).filter((d) => d.date !== '2041-01-01'),
      ...['2041-01-01', '2041-01-02', '2041-01-03'].map((date) => ({ date, name: '元旦' }))];
    await calendar.publishYear(2041, { holidays, workdays: [{ date: '2041-01-05', name: '元旦' }], basis: '测试：国务院办公厅通知' }, null);
    await calendar.yearPublished(2041);
  };

  /**
   * A case on Mon 2040-12-03 (2041 unpublished) brought to its rectification deadline, then `body`.
   */
  async function inRectification(body: (c: CaseDriver, calendar: CalendarService) => Promise<void>): Promise<void> {
    await ds.query(`DELETE FROM calendar_overrides WHERE extract(year FROM date) = 2041`);
    await ds.query(`DELETE FROM calendar_years WHERE year = 2041`);
    const calendar = ctx.get(CalendarService);
    calendar.invalidate();
    const clock = shiftedClock((await env.currentTimeMs()) - Date.parse('2040-12-03T10:00:00+08:00'));
    const taskQueue = `provisional-${randomUUID()}`;
    const bundle = await bundleCaseWorkflows();
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: caseActivitiesFrom(ctx, clock) });
    const policyVersion = (await ctx.get(PoliciesService).active()).version;
    await worker.runUntil(async () => {
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { policyVersion, officer, approver });
      try {
        await c.complete('investigate', officer, { summary: '经查属实', severity: 'general' });
        await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
        await c.object();
        await c.complete('review-objection', officer, { summary: '不予采纳', decision: 'reject' });
        const s = await c.complete('decide-objection', approver, { summary: '异议不成立', decision: 'rejected' });
        expect(s).toMatchObject({ stage: 'RECTIFICATION', decisionDate: '2040-12-03', blockedReason: null });
        expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2041-01-02', round: 0, provisional: true });
        expect(await deadlineRow(c.caseNo)).toEqual({ due: '2041-01-02', provisional: true });
        await body(c, calendar);
      } finally {
        await c.handle.terminate('test finished').catch(() => undefined);
      }
    });
  }

  it('gives a provisional January date, alerts the administrator, and moves it when the published year moves it', async () => {
    const admin = (await api.loginAs('admin', { officeCode: null })).token;
    jest.spyOn(api.app.get(OpsClock), 'today').mockReturnValue('2040-12-03');
    await inRectification(async (c, calendar) => {
      expect(await alertCodes(admin)).toEqual([['2041']]);
      await publish2041(calendar);
      await until(async () => (await c.state()).institutionDeadline?.provisional === false);
      expect((await c.state()).institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2041-01-04', round: 0, provisional: false });
      expect(await deadlineRow(c.caseNo)).toEqual({ due: '2041-01-04', provisional: false });
      const [event] = await ds.query(`SELECT reason, payload FROM case_events WHERE case_no = $1 AND type = 'DEADLINE_RECOMPUTED'`, [c.caseNo]);
      expect(event.payload).toMatchObject({ before: '2041-01-02', dueDate: '2041-01-04', provisional: false });
      const told = await movedMessages(c.caseNo);
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('2041-01-02');
      expect(told[0].body).toContain('2041-01-04');
      expect(await alertCodes(admin)).toEqual([]);

      // publishing again changes nothing: no second event, no second message
      await calendar.yearPublished(2041);
      // the old date passes without a miss; the new one is the one that counts
      await c.passDay('2041-01-02');
      expect(await c.events()).not.toContain('DEADLINE_MISSED');
      await c.passDay('2041-01-04');
      expect(await c.events()).toContain('DEADLINE_MISSED');
      expect((await c.state()).openTasks.map((t) => t.kind)).toContain('propose-interview');
      expect((await c.events()).filter((e) => e === 'DEADLINE_RECOMPUTED')).toHaveLength(1);
    });
  });

  it('never lapses before its year is published; published after both dates passed, it runs to the next working day', async () => {
    await inRectification(async (c, calendar) => {
      // the provisional 01-02 passes, and so does the true 01-04: nothing lapses, nothing is overdue, an answer is in time
      await c.passDay('2041-01-08');
      expect(await c.events()).not.toContain('DEADLINE_MISSED');
      expect((await c.state()).institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2041-01-02', round: 0, provisional: true });
      // the manager's report, by its own statement (its working-day count would walk back through other suites' years)
      const overdue: { caseNo: string }[] = await ds.query(OVERDUE_RECTIFICATIONS_SQL, ['2041-01-08', null]);
      expect(overdue.map((i) => i.caseNo)).not.toContain(c.caseNo);

      // published on Wed 01-09: the later of 01-02 (told) and 01-04 (recomputed) is past → Thu 01-10
      await publish2041(calendar);
      await until(async () => (await c.state()).institutionDeadline?.provisional === false);
      expect(await c.today()).toBe('2041-01-09');
      expect((await c.state()).institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2041-01-10', round: 0, provisional: false });
      expect(await deadlineRow(c.caseNo)).toEqual({ due: '2041-01-10', provisional: false });
      expect((await movedMessages(c.caseNo)).map((m) => m.body)).toEqual([expect.stringContaining('2041-01-10')]);
      await c.passDay('2041-01-09');
      expect(await c.events()).not.toContain('DEADLINE_MISSED');
      await c.passDay('2041-01-10');
      expect(await c.events()).toContain('DEADLINE_MISSED');
      const [missed] = await ds.query(`SELECT payload FROM case_events WHERE case_no = $1 AND type = 'DEADLINE_MISSED'`, [c.caseNo]);
      expect(missed.payload).toMatchObject({ kind: 'rectification', dueDate: '2041-01-10' });
    });
  });

  const movedMessages = (caseNo: string): Promise<{ body: string }[]> => ds.query(
    `SELECT n.body FROM notifications n JOIN users u ON u.id = n.recipient_user_id
      WHERE n.template = 'deadline_moved' AND n.data->>'caseNo' = $1 AND u.role = 'institution'`, [caseNo]);
  const deadlineRow = async (caseNo: string) => (await ds.query(
    `SELECT due_date::text AS due, provisional FROM institution_deadlines WHERE case_no = $1 AND kind = 'rectification' AND round = 0`, [caseNo]))[0];
});

async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the case did not recompute its deadline');
}
