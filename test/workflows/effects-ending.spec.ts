import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../src/auth/role';
import { FourEyesService } from '../../src/common/four-eyes/four-eyes.service';
import { beijingToday } from '../../src/common/time/beijing';
import { CreditFileService } from '../../src/credit-file/credit-file.service';
import { inPublicationSql } from '../../src/credit-file/credit-status';
import { UNRECTIFIED_CASES_SQL } from '../../src/evaluation/grading-rules';
import { PoliciesService } from '../../src/policies/policies.service';
import { RemediesModule } from '../../src/remedies/remedies.module';
import { RemediesService } from '../../src/remedies/remedies.service';
import { CaseActivitiesModule } from '../../src/shared.modules';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.module';
import type { Actor } from '../../workflows/contracts';
import { CaseDriver } from '../support/case-driver';
import { bundleCaseWorkflows, withCaseFrom } from '../support/case-run';
import { useFreshSettings } from '../support/documents';
import { createUser } from '../support/factories';
import { SPRING_FESTIVAL_START } from '../support/spring-festival-case';
import { createTimeSkippingEnv } from '../support/temporal';

/**
 * Effects that end when the law says (issue #16, done means): the maximum period reached unrectified, a decision
 * revoked on 行政复议, repair and withdrawal ending every credit measure while a ban (a penalty) stays. The cases run
 * on the time-skipping server from Tue 2026-02-10 10:00 (Beijing) with the real activities; as in
 * test/support/spring-festival-case.ts the unanswered objection window (5 working days across the Spring Festival) ends on
 * 02-24 and the decision is dated Wed 2026-02-25. By hand (民法典 art. 201–202, the decision day not counted):
 *   general: published 12 months, to 2027-02-25 inclusive; the case ends on 2027-02-26 at 00:00
 *   serious: published 36 months, to 2029-02-25; repair after 12 months, from 2027-02-26
 *   rectification: 30 calendar days from 02-26 → Fri 2026-03-27
 */
describe('effects that end when the law says', () => {
  let env: TestWorkflowEnvironment;
  let ctx: TestingModule;
  let ds: DataSource;
  let bundle: { code: string };
  let officer: Actor;
  let approver: Actor;
  let legal: Actor;
  let head: Actor;
  let policyVersion: number;

  beforeAll(async () => {
    [env, bundle] = await Promise.all([
      createTimeSkippingEnv(),
      bundleCaseWorkflows(),
    ]);
    // the worker's activities and the API's remedies in one context; the API's Temporal client is the test server's
    @Global() @Module({ providers: [{ provide: TEMPORAL_CLIENT, useValue: env.client }], exports: [TEMPORAL_CLIENT] })
    class TestTemporalModule {}
    ctx = await Test.createTestingModule({ imports: [CaseActivitiesModule, TestTemporalModule, RemediesModule] }).compile();
    await ctx.init();
    await useFreshSettings(ctx);
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

  const withCase = (severity: 'general' | 'serious', body: (c: CaseDriver) => Promise<void>) =>
    withCaseFrom({ env, ctx, bundle, policyVersion, officer, approver }, SPRING_FESTIVAL_START, { severity }, body);

  /** Investigation, approval, the objection window left unanswered: decided on 2026-02-25. */
  async function decide(c: CaseDriver, severity: 'general' | 'serious') {
    await c.complete('investigate', officer, { summary: '经查属实', severity });
    await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
    await c.passDay('2026-02-24');
    expect(await c.state()).toMatchObject({ decisionDate: '2026-02-25' });
  }

  const effects = (caseNo: string) => ds.query(
    `SELECT e.type, e.kind, e.status, e.ended_by AS "endedBy", e.ends_on::text AS "endsOn", e.ended_on::text AS "endedOn", r.kind AS record
       FROM credit_effects e JOIN credit_records r ON r.id = e.record_id WHERE e.case_no = $1 ORDER BY r.seq, e.kind, e.measure_id`, [caseNo]);
  const inPublication = async (recordId: string, on: string) =>
    (await ds.query(`SELECT ${inPublicationSql('r', '$2::date')} AS live FROM credit_records r WHERE r.id = $1`, [recordId, on]))[0].live as boolean;
  const recordOf = async (caseNo: string, kind: string) =>
    (await ds.query(`SELECT id FROM credit_records WHERE case_no = $1 AND kind = $2`, [caseNo, kind]))[0].id as string;
  const user = (a: Actor): AuthUser => ({ id: a.id, username: a.id, role: a.role as AuthUser['role'], officeCode: a.officeCode, uscc: null });

  it('ends publication at the maximum period although rectification never passed, and closes the case as unrectified', () =>
    withCase('general', async (c) => {
      await decide(c, 'general');
      // three rounds missed, each further round after the officer and approver chose no interview, with a reason
      for (let round = 0; round < 3; round++) {
        const s = await c.state();
        expect(s.institutionDeadline).toMatchObject({ kind: 'rectification', round });
        if (round === 0) expect(s.institutionDeadline?.dueDate).toBe('2026-03-27');
        await c.passDay(s.institutionDeadline!.dueDate);
        if (round < 2) await c.chooseInterview('none', '机构负责人外出，先书面督促整改');
      }
      expect(await c.state()).toMatchObject({ stage: 'PUBLICITY', publicityUntil: '2027-02-25' });
      expect(await c.events()).toContain('RECTIFICATION_UNRESOLVED');

      await c.passDay('2027-02-24');
      expect((await c.state()).stage).toBe('PUBLICITY');
      await c.passDay('2027-02-25'); // the last day in publication runs out at 24:00
      expect(await c.state()).toMatchObject({ stage: 'CLOSED', outcome: 'PUBLICATION_ENDED_UNRECTIFIED' });
      const events = await c.events();
      expect(events).toContain('CLOSED_PUBLICATION_ENDED_UNRECTIFIED');
      expect(events).not.toContain('CLOSED_PUBLICATION_ENDED');
      expect(events).not.toContain('RECTIFICATION_PASSED');
      const determination = await recordOf(c.caseNo, 'determination');
      expect(await inPublication(determination, '2027-02-25')).toBe(true);
      expect(await inPublication(determination, '2027-02-26')).toBe(false);
      expect((await c.records()).map((r) => r.kind)).toEqual(['determination', 'publication_end']);
      // the written grading rule (UNRECTIFIED_AFTER_PUBLICATION: C at best, early warning) now finds the case
      const [row] = await ds.query(`SELECT u.case_no FROM (${UNRECTIFIED_CASES_SQL}) u WHERE u.case_no = $2`, [beijingToday(), c.caseNo]);
      expect(row).toEqual({ case_no: c.caseNo });
    }));

  it('a decision revoked on 行政复议: effects ended, publication withdrawn within 3 working days with the reason, the case closed', () =>
    withCase('serious', async (c) => {
      await decide(c, 'serious');
      await c.complete('propose-listing', officer, { summary: '暂不提请列入', decision: 'not-propose' });
      await c.passDay('2026-04-02'); // the rectification deadline (03-27) missed: an interview proposal is open
      expect((await c.state()).openTasks.map((t) => t.kind)).toEqual(['propose-interview']);
      const determination = await recordOf(c.caseNo, 'determination');
      expect(await inPublication(determination, '2026-04-02')).toBe(true);

      const [decision] = await ds.query(`SELECT id FROM documents WHERE case_no = $1 AND kind = 'determination-decision'`, [c.caseNo]);
      const remedies = ctx.get(RemediesService);
      const remedy = await remedies.record({
        documentId: decision.id, type: 'reconsideration', body: '连云港市海州区人民政府', filedOn: '2026-03-10', caseNumber: '海政复〔2026〕7号',
      }, user(officer));
      const reason = '认定事实不清，证据不足';
      const proposal = await remedies.proposeOutcome(remedy.id, { outcome: 'revoked', decidedOn: '2026-04-02', reason }, user(officer));
      await ctx.get(FourEyesService).decide(proposal.id, true, '同意', user(approver));

      // 行政处罚法 art. 48 and 85: three working days after Thu 04-02 — Fri 04-03, (Qingming 04-04…04-06 off) Tue 04-07, Wed 04-08
      expect(await remedies.get(remedy.id)).toMatchObject({ outcome: 'revoked', outcomeOn: '2026-04-02', withdrawDue: '2026-04-08', withdrawnAt: expect.any(Date) });
      for (const e of await effects(c.caseNo)) expect(e).toMatchObject({ status: 'ended', endedBy: 'revocation', endedOn: '2026-04-02' });
      expect(await inPublication(determination, beijingToday())).toBe(false);
      const [text] = await ds.query(`SELECT status, fields->>'title' AS title FROM public_texts WHERE record_ref LIKE $1`, [`remedy:${remedy.id}:%`]);
      expect(text).toMatchObject({ status: 'approved', title: expect.stringContaining(reason) });

      // the case stops: no interview, no rectification on a decision that no longer stands
      expect(await c.handle.result()).toMatchObject({ stage: 'CLOSED', outcome: 'REVOKED', openTasks: [], institutionDeadline: null });
      const [closed] = await ds.query(
        `SELECT reason, payload->>'remedyId' AS "remedyId", payload->>'remedyCaseNo' AS "remedyCaseNo" FROM case_events WHERE case_no = $1 AND type = 'CLOSED_REVOKED'`,
        [c.caseNo]);
      expect(closed).toEqual({ reason, remedyId: remedy.id, remedyCaseNo: '海政复〔2026〕7号' });
      const open = await ds.query(`SELECT kind FROM tasks WHERE case_no = $1 AND status IN ('open', 'claimed')`, [c.caseNo]);
      expect(open).toEqual([]);
      expect(await ds.query(`SELECT outcome FROM cases WHERE case_no = $1`, [c.caseNo])).toEqual([{ outcome: 'REVOKED' }]);
    }));

  /** A serious case listed by the head, two catalogue measures confirmed, and a 限制从业 penalty on its representative. */
  async function sanctionedWithBan(c: CaseDriver) {
    await decide(c, 'serious');
    await c.list({ officer, legal, head });
    await c.complete('confirm-sanction', approver, { summary: '确认两项措施', measures: ['M-ZFCG', 'M-CZZJ'] });
    // the 行政处罚决定书 of the ban (its own procedure), published beside the case: a penalty to 2031-03-09
    const penalty = await ctx.get(CreditFileService).append({
      uscc: c.who.institution.uscc!, kind: 'penalty', title: '行政处罚：限制从业', decisionDate: '2026-03-10', severity: 'serious',
      publicityFrom: '2026-03-10', publicityUntil: '2029-03-10', caseNo: c.caseNo, officeCode: 'XWPX', sourceRef: `${c.caseNo}:penalty`,
      payload: { penaltyCategory: ['限制从业'], validUntil: '2031-03-09' }, submitToPlatform: false,
    });
    await ds.query(
      `INSERT INTO industry_bans (person_name, person_id_enc, person_id_hmac, institution_id, uscc, from_date, until_date, reason, case_no, record_id)
       SELECT '陈明远', 'sealed', 'hmac-' || $1::text, id, uscc, '2026-03-10', '2031-03-09', '限制从业', $2, $3 FROM institutions WHERE uscc = $1`,
      [c.who.institution.uscc, c.caseNo, penalty.id]);
  }

  /** The credit measures of the determination and its sanction, and the ban, after `endedBy`. */
  async function expectEndedKeepingBan(c: CaseDriver, endedBy: string, on: string) {
    const all = await effects(c.caseNo);
    const measures = all.filter((e: { record: string }) => e.record === 'determination' || e.record === 'joint_sanction');
    expect(measures.map((e: { kind: string }) => e.kind).sort()).toEqual([
      'award-exclusion', 'grade-deduction', 'joint-sanction-measure', 'joint-sanction-measure', 'list-entry', 'publication', 'sharing',
    ]);
    for (const e of measures) expect(e).toMatchObject({ type: 'credit-measure', status: 'ended', endedBy, endedOn: on });
    expect(all.filter((e: { kind: string }) => e.kind === 'ban')).toEqual([
      expect.objectContaining({ type: 'penalty', status: 'active', endedBy: null, endsOn: '2031-03-09' })]);
    const [ban] = await ds.query(`SELECT ended_on FROM industry_bans WHERE case_no = $1`, [c.caseNo]);
    expect(ban).toEqual({ ended_on: null });
    const letters = await ds.query(`SELECT addressee_name AS "to" FROM documents WHERE case_no = $1 AND kind = 'sanction-lifting-letter'`, [c.caseNo]);
    expect(letters.map((l: { to: string }) => l.to).sort()).toEqual(['教育行政部门', '财政部门'].sort());
  }

  it('repair ends every credit measure and sends the lifting letters while the ban stays in force', () =>
    withCase('serious', async (c) => {
      await sanctionedWithBan(c);
      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' });
      await c.passDay('2027-02-24');
      await expect(c.applyRepair()).rejects.toMatchObject({ cause: { type: 'REPAIR_TOO_EARLY' } });
      await c.passDay('2027-02-25');
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '受理', decision: 'accept' });
      expect(await c.complete('decide-repair', approver, { summary: '准予修复', decision: 'approve' })).toMatchObject({ outcome: 'REPAIRED' });
      await expectEndedKeepingBan(c, 'repair', '2027-02-26');
    }));

  it('withdrawal after a sanction ends every credit measure with its letters and leaves the ban to its own decision', () =>
    withCase('serious', async (c) => {
      await sanctionedWithBan(c);
      await c.passDay('2026-03-16');
      const s = await c.handle.executeUpdate('withdrawCase', { args: [{ actor: approver, reason: '认定依据有误，予以撤销' }] });
      expect(s).toMatchObject({ stage: 'WITHDRAWN', outcome: 'WITHDRAWN' });
      await expectEndedKeepingBan(c, 'withdrawal', '2026-03-17');
    }));
});
