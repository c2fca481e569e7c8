import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { CaseClock, shiftedClock } from '../../activities/case-clock';
import { penaltyActivitiesFrom } from '../../activities/penalty.activities';
import type { AuthUser, Role } from '../../src/auth/role';
import { FourEyesService } from '../../src/common/four-eyes/four-eyes.service';
import { CreditReviewModule } from '../../src/credit-review/credit-review.module';
import { CreditReviewService } from '../../src/credit-review/credit-review.service';
import { BanClock } from '../../src/industry-bans/ban-clock';
import { BAN_IN_FORCE_SQL } from '../../src/industry-bans/ban-penalties.service';
import { BanProcedureService } from '../../src/industry-bans/ban-procedure.service';
import { IndustryBansModule } from '../../src/industry-bans/industry-bans.module';
import { PoliciesService } from '../../src/policies/policies.service';
import { RemediesModule } from '../../src/remedies/remedies.module';
import { RemediesService } from '../../src/remedies/remedies.service';
import { CASE_WORK_MODULES, FOUNDATION_MODULES } from '../../src/shared.modules';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.module';
import { CaseDriver } from '../support/case-driver';
import { bundleCaseWorkflows } from '../support/case-run';
import { useFreshSettings } from '../support/documents';
import { createUser, makeIdNumber } from '../support/factories';
import { createTimeSkippingEnv } from '../support/temporal';

/**
 * 限制从业 by the penalty procedure end to end (行政处罚法 2021; docs/industry-bans.md; issue #17), on the
 * time-skipping server: the API's steps through BanProcedureService as the routes call it, the workflow timing the
 * statement period, the real calendar and PostgreSQL. The server's "now" is mapped onto Monday 2026-09-28 10:00
 * Beijing time, and the service's "today" follows it (BanClock), so every date below is fixed and checked by hand
 * against the 2026 calendar (brief §5: 国庆 10-01…10-07 off, Saturday 10-10 worked, Sunday 10-11 not):
 *   事先告知书 served Mon 09-28 → 5 working days from the next day (art. 64(1), 85): 09-29, 09-30, 10-08, 10-09, 10-10:
 *     a hearing asked on Sat 10-10 (the 5th) is accepted; on Mon 10-12 (the 6th) it is refused.
 *   hearing on Wed 10-21 → the 听证通知书 served 7 working days before (art. 64(2), 85) at the latest: 10-20, 19, 16,
 *     15, 14, 13, 12 → by Mon 10-12; a hearing on Tue 10-20 would need service by Sat 10-10.
 *   head's decision Fri 10-23 → to be served within 7 working days (art. 61, 85): 10-26, 27, 28, 29, 30, 11-02, 11-03
 *     → by 11-03; decided but not served, the ban blocks nobody (brief §7: an effect starts from a served document).
 *   决定书 served Tue 10-27 → ban 10-27 … 2031-10-26 (5 years from the day of service, the last day the day before 10-27).
 * The institution's own case (轻微, the same facts) runs beside it on the same calendar: noticed 09-28, objection
 * window to 10-10, determined 10-11, repairable from 10-12 (36号令: 轻微 repairable once obligations are fulfilled).
 * The 行政复议 decision of 2026-11-30 changes the term to 3 years, still from the service: ban 10-27 … 2029-10-26. The
 * court's judgment of 2026-12-04 on the person's suit revokes the decision; the credit review and the remedies read real
 * today, which is after all of it.
 */
describe('ban procedure (限制从业) on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let bundle: { code: string };
  let clock: CaseClock;
  let serverNow = 0;
  const users: Record<'a' | 'b' | 'chair' | 'approver' | 'approver2' | 'legal' | 'head', AuthUser> = {} as never;

  beforeAll(async () => {
    [env, bundle] = await Promise.all([
      createTimeSkippingEnv(),
      bundleCaseWorkflows(),
    ]);
    // the API's client is the time-skipping server's; the worker below runs on the API's task queue
    const temporal: DynamicModule = { module: class TimeSkippingTemporal {}, global: true, providers: [{ provide: TEMPORAL_CLIENT, useValue: env.client }], exports: [TEMPORAL_CLIENT] };
    const moduleRef = await Test.createTestingModule({
      imports: [...FOUNDATION_MODULES, ...CASE_WORK_MODULES, DiscoveryModule, temporal, IndustryBansModule, CreditReviewModule, RemediesModule],
    }).overrideProvider(BanClock).useValue({ today: () => clock.dateOf(serverNow) }).compile();
    ctx = await moduleRef.init();
    await useFreshSettings(ctx);
    ds = ctx.get(DataSource);
    for (const [name, role] of [['a', 'officer'], ['b', 'officer'], ['chair', 'approver'], ['approver', 'approver'], ['approver2', 'approver'],
      ['legal', 'legal'], ['head', 'head']] as const) {
      const officeCode = role === 'legal' || role === 'head' ? null : 'XWPX';
      const u = await createUser(ds, role as Role, { officeCode });
      users[name] = { id: u.id, username: u.username, role, officeCode, uscc: null };
    }
  }, 120_000);

  afterAll(async () => {
    await env?.teardown();
    await ctx?.close();
  });

  const running: { describe(): Promise<{ raw: { pendingActivities?: unknown[] | null } }> }[] = [];
  /** Until no workflow of the test has an activity in flight: one caught by a long skip of the clock would time out. */
  async function settle() {
    for (let i = 0; i < 150; i++) {
      const busy = await Promise.all(running.map(async (h) => (await h.describe()).raw.pendingActivities?.length ?? 0));
      if (busy.every((n) => n === 0)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('an activity is still in flight after 15 s');
  }
  /**
   * Lets the server's clock run to hh:mm Beijing time on a date, a day at a time so that what a timer starts at a
   * midnight on the way (a period's end) finishes before the clock moves on; the API's "today" is then that date.
   */
  async function at(date: string, hhmm = '10:00') {
    const to = async (ms: number) => {
      const now = await env.currentTimeMs();
      if (ms > now) await env.sleep(ms - now);
      await settle();
      serverNow = await env.currentTimeMs();
    };
    while (clock.dateOf(serverNow) < date) await to(clock.at(clock.dateOf(serverNow), '24:00') + 60_000);
    await to(clock.at(date, hhmm));
    expect(clock.dateOf(serverNow)).toBe(date);
  }
  const proposalRow = async (id: string) =>
    (await ds.query(`SELECT status, statement_due::text AS "statementDue", serve_by::text AS "serveBy" FROM ban_proposals WHERE id = $1`, [id]))[0];
  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 150; i++) {
      const v = await read();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting: ${JSON.stringify(await read())}`);
  }
  /**
   * The workflow's result, read once it has ended, by a plain client: the test environment's client lets the server
   * skip ahead to the next timer (the institution's case has some) while it waits for a result.
   */
  async function finished(id: string) {
    const handle = new Client({ connection: env.connection }).workflow.getHandle(`ban-${id}`);
    await until(async () => (await handle.describe()).status.name, (s) => s !== 'RUNNING');
    return handle.result();
  }

  it('hears and decides a ban, enforces it from the service of its decision, keeps it through the institution\'s repair, shortens it when 行政复议 changes the term and ends it when a court revokes the decision', async () => {
    clock = shiftedClock((await env.currentTimeMs()) - Date.parse('2026-09-28T10:00:00+08:00'));
    serverNow = await env.currentTimeMs();
    const bans = ctx.get(BanProcedureService);
    const review = ctx.get(CreditReviewService);
    const policyVersion = (await ctx.get(PoliciesService).active()).version;
    const actor = (u: AuthUser) => ({ id: u.id, role: u.role, officeCode: u.officeCode });
    const taskQueue = ctx.get(ConfigService).get<string>('TEMPORAL_TASK_QUEUE')!;
    const worker = await Worker.create({
      connection: env.nativeConnection, taskQueue, workflowBundle: bundle,
      activities: { ...caseActivitiesFrom(ctx, clock), ...penaltyActivitiesFrom(ctx, clock) },
    });
    await worker.runUntil(async () => {
      // the institution's own case for the same facts, 轻微, noticed electronically today (09-28)
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { severity: 'minor', policyVersion, officer: actor(users.a), approver: actor(users.approver) });
      running.push(c.handle);
      const uscc = c.who.institution.uscc!;
      const banned = async (idNumber: string) =>
        (await review.review({ uscc, purpose: 'licence', idNumber }, users.a)).reasons.some((r: { code: string }) => r.code === 'BANNED_PERSON');
      try {
        await c.complete('investigate', actor(users.a), { summary: '经查属实', severity: 'minor' });
        const noticed = await c.complete('approve-determination', actor(users.approver), { summary: '同意', decision: 'approve' });
        expect(noticed.institutionDeadline).toMatchObject({ kind: 'objection', dueDate: '2026-10-10' });

        // two proposals by two officers (art. 42): the first asks for a hearing on the 5th working day, the second on the 6th
        const propose = (name: string, idNumber: string) => bans.propose({
          measureId: 'M-XZCY', facts: '当事人在未取得办学许可的场所组织学科类培训，经责令停止后继续开展', personName: name,
          personIdNumber: idNumber, uscc, periodYears: 5, secondOfficerId: users.b.id,
        }, users.a);
        const person = makeIdNumber('19800315');
        const [first, second] = [await propose('孙某某', person), await propose('周某某', makeIdNumber('19820704'))];
        running.push(...[first, second].map((p) => env.client.workflow.getHandle(`ban-${p.id}`)));
        expect(first).toMatchObject({ status: 'proposed', banId: null });
        expect(await banned(person)).toBe(false); // a proposal blocks nobody
        for (const p of [first, second]) {
          await expect(bans.confirm(p.id, users.a)).rejects.toMatchObject({ code: 'SAME_PERSON' });
          await bans.confirm(p.id, users.b);
          await bans.serveNotice(p.id, '2026-09-28', users.a);
          expect(await until(() => proposalRow(p.id), (r) => r.statementDue !== null)).toMatchObject({ status: 'noticed', statementDue: '2026-10-10' });
        }
        await expect(bans.requestHearing(first.id, { requestedOn: '2026-09-29' }, users.a)).rejects.toMatchObject({ code: 'DATE_IN_FUTURE' });

        await at('2026-10-10'); // Saturday, a make-up working day: the 5th and last day of the period
        expect((await bans.requestHearing(first.id, { requestedOn: '2026-10-10' }, users.a)).status).toBe('hearing');
        expect((await proposalRow(second.id)).status).toBe('noticed');

        await at('2026-10-12'); // Monday, the 6th working day: the period closed at the end of 10-10, without a request
        expect((await until(() => proposalRow(second.id), (r) => r.status !== 'noticed')).status).toBe('legal_review');
        await expect(bans.requestHearing(second.id, { requestedOn: '2026-10-12' }, users.a))
          .rejects.toMatchObject({ code: 'HEARING_REQUEST_LATE', status: 400, details: { statementDue: '2026-10-10' } });
        await bans.legalReview(second.id, { passed: false, opinion: '证据不足，不予处罚' }, users.legal);
        expect(await finished(second.id)).toBe('not_imposed');
        // meanwhile the institution's objection window closed too: determined 10-11, rectified, repairable from 10-12
        expect(await c.state()).toMatchObject({ stage: 'RECTIFICATION', decisionDate: '2026-10-11' });
        await c.reportRectification();
        expect(await c.complete('verify-rectification', actor(users.a), { summary: '整改到位', decision: 'pass' }))
          .toMatchObject({ stage: 'PUBLICITY', repairableFrom: '2026-10-12' });

        // 听证通知书: 7 working days ahead (art. 64(2), 85), a chair who did not investigate (art. 64(4))
        const notice = { hearingAt: '2026-10-21T09:30:00+08:00', place: '连云区教育局三楼听证室', chairId: users.chair.id, servedOn: '2026-10-12' };
        await expect(bans.noticeHearing(first.id, { ...notice, hearingAt: '2026-10-20T09:30:00+08:00' }, users.a))
          .rejects.toMatchObject({ code: 'HEARING_NOTICE_TOO_LATE', details: { latestService: '2026-10-10' } });
        for (const investigator of [users.a, users.b]) {
          await expect(bans.noticeHearing(first.id, { ...notice, chairId: investigator.id }, users.a)).rejects.toMatchObject({ code: 'CHAIR_INVESTIGATED', status: 403 });
        }
        // the head decides the recusal and the penalty: not the chair (who records the hearing)
        await expect(bans.noticeHearing(first.id, { ...notice, chairId: users.head.id }, users.a)).rejects.toMatchObject({ code: 'CHAIR_INVALID' });
        await bans.noticeHearing(first.id, notice, users.a);

        await at('2026-10-21', '12:00'); // the hearing has been held: its chair records the signed 听证笔录
        const record = { heardOn: '2026-10-21', record: '当事人陈述已停止培训，请求从轻处罚；执法人员出示现场检查笔录。', signedBy: ['孙某某', '主持人'] };
        await expect(bans.recordHearing(first.id, record, users.b)).rejects.toMatchObject({ code: 'NOT_HEARING_CHAIR' });
        await expect(bans.recordHearing(first.id, { ...record, heardOn: '2026-10-20' }, users.chair))
          .rejects.toMatchObject({ code: 'HEARING_BEFORE_NOTICED_DAY', details: { hearingDay: '2026-10-21' } });
        await expect(bans.recordHearing(first.id, { ...record, heardOn: '2026-10-22' }, users.chair)).rejects.toMatchObject({ code: 'DATE_IN_FUTURE' });
        expect((await bans.recordHearing(first.id, record, users.chair)).status).toBe('legal_review');
        const decision = { impose: true, collectiveDiscussion: true, reason: '经局长办公会集体讨论决定' };
        await expect(bans.decide(first.id, decision, users.head)).rejects.toMatchObject({ code: 'BAN_STEP_OUT_OF_ORDER' }); // art. 58 first
        await bans.legalReview(first.id, { passed: true, opinion: '事实清楚，证据确凿，程序合法，适用依据正确' }, users.legal);
        expect(await banned(person)).toBe(false);

        await at('2026-10-23'); // Friday: the head decides, by collective discussion (art. 57)
        const decided = await bans.decide(first.id, decision, users.head);
        expect(decided).toMatchObject({ status: 'decided', decisionDate: '2026-10-23', banId: expect.any(String) });
        expect(await until(() => proposalRow(first.id), (r) => r.serveBy !== null)).toMatchObject({ serveBy: '2026-11-03' });
        const banRow = async () => (await ds.query(
          `SELECT from_date::text AS "from", until_date::text AS until, ended_on::text AS "endedOn", end_reason AS "endReason" FROM industry_bans WHERE id = $1`,
          [decided.banId]))[0];
        const inForceOn = async (day: string) =>
          (await ds.query(`SELECT (${BAN_IN_FORCE_SQL('b', '$2::date')}) AS f FROM industry_bans b WHERE b.id = $1`, [decided.banId, day]))[0].f === true;
        // decided, not served: a 5-year term without dates, in force on no day, so the person is not blocked
        expect(await banRow()).toEqual({ from: null, until: null, endedOn: null, endReason: null });
        expect(await banned(person)).toBe(false);

        await at('2026-10-27');
        expect(await banned(person)).toBe(false);
        const served = await bans.serveDecision(first.id, '2026-10-27', users.a);
        expect(served.steps.at(-1)).toMatchObject({ step: 'decision-served',
          detail: { servedOn: '2026-10-27', serveBy: '2026-11-03', late: false, fromDate: '2026-10-27', untilDate: '2031-10-26' } });
        expect(await finished(first.id)).toBe('imposed');
        expect(await banRow()).toEqual({ from: '2026-10-27', until: '2031-10-26', endedOn: null, endReason: null });
        expect([await inForceOn('2026-10-26'), await inForceOn('2026-10-27'), await inForceOn('2031-10-26'), await inForceOn('2031-10-27')])
          .toEqual([false, true, true, false]);
        expect(await banned(person)).toBe(true);

        // the institution's credit repair ends its case's credit measures, never the penalty on the person
        await c.applyRepair();
        await c.complete('accept-repair', actor(users.a), { summary: '材料齐全，予以受理', decision: 'accept' });
        expect(await c.complete('decide-repair', actor(users.approver), { summary: '准予修复', decision: 'approve' })).toMatchObject({ stage: 'CLOSED', outcome: 'REPAIRED' });
        expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'repair']);
        expect(await banned(person)).toBe(true);
        expect((await ds.query(`SELECT ended_on FROM industry_bans WHERE id = $1`, [decided.banId]))[0].ended_on).toBeNull();

        // 行政复议 against the 行政处罚决定书 (行政复议法 2023) changes the term to 3 years: proposed by one, decided by another
        const decisionDoc = decided.steps.find((s: { step: string }) => s.step === 'decision').detail.document;
        const remedies = ctx.get(RemediesService);
        const fourEyes = ctx.get(FourEyesService);
        const remedy = await remedies.record({
          documentId: decisionDoc.documentId, type: 'reconsideration', body: '连云区人民政府', filedOn: '2026-11-02', caseNumber: '连区政复〔2026〕12号',
        }, users.a);
        const change = { outcome: 'changed', decidedOn: '2026-11-30', reason: '处罚明显不当，变更为限制从业三年' } as const;
        await expect(remedies.proposeOutcome(remedy.id, change, users.a)).rejects.toMatchObject({ status: 400, details: { fields: [{ field: 'banPeriodYears' }] } });
        await expect(remedies.proposeOutcome(remedy.id, { ...change, banPeriodYears: 6 }, users.a))
          .rejects.toMatchObject({ code: 'BAN_TERM_INVALID', status: 400, details: { periodYears: 5 } }); // never to the applicant's detriment
        const changed = await remedies.proposeOutcome(remedy.id, { ...change, banPeriodYears: 3 }, users.a);
        await expect(fourEyes.decide(changed.id, true, undefined, users.a)).rejects.toMatchObject({ code: 'SAME_PERSON' });
        expect(await banRow()).toMatchObject({ until: '2031-10-26' });
        await fourEyes.decide(changed.id, true, undefined, users.approver2);
        expect(await banRow()).toEqual({ from: '2026-10-27', until: '2029-10-26', endedOn: null, endReason: null });
        expect([await inForceOn('2029-10-26'), await inForceOn('2029-10-27')]).toEqual([true, false]);
        expect(await banned(person)).toBe(true);
        expect((await bans.view(first.id)).steps.at(-1)).toMatchObject({
          step: `term-changed:${remedy.id}`, actorId: users.approver2.id,
          detail: { reason: 'changed', remedyId: remedy.id, decisionProposalId: changed.id, decidedOn: '2026-11-30',
            previousPeriodYears: 5, periodYears: 3, previousUntilDate: '2031-10-26', untilDate: '2029-10-26' } });

        // the person sues (行政诉讼法 art. 46) and the court revokes the decision: the ban ends, again under four eyes
        const suit = await remedies.record({
          documentId: decisionDoc.documentId, type: 'litigation', body: '连云港市连云区人民法院', filedOn: '2026-12-01', caseNumber: '（2026）苏0703行初15号',
        }, users.a);
        const outcome = await remedies.proposeOutcome(suit.id, { outcome: 'revoked', decidedOn: '2026-12-04', reason: '认定事实不清，撤销原处罚决定' }, users.a);
        await expect(fourEyes.decide(outcome.id, true, undefined, users.a)).rejects.toMatchObject({ code: 'SAME_PERSON' });
        expect(await banned(person)).toBe(true);
        await fourEyes.decide(outcome.id, true, undefined, users.approver2);
        expect(await banned(person)).toBe(false);
        expect(await banRow()).toMatchObject({ endedOn: '2026-12-04', endReason: 'revoked' });
        expect((await bans.view(first.id)).steps.at(-1)).toMatchObject({
          step: 'ended', actorId: users.approver2.id, detail: { reason: 'revoked', endedOn: '2026-12-04', remedyId: suit.id } });
      } finally {
        await c.handle.terminate('test finished').catch(() => undefined);
      }
    });
  }, 180_000);
});
