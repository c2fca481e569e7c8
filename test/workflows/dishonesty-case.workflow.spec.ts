import type { DataSource } from 'typeorm';
import { awaitRegistrationUpdate, caseStateQuery, unclaimTaskUpdate, type Actor, type Severity } from '../../workflows/contracts';
import { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import type { CaseDriver } from '../support/case-driver';
import { useCaseRun } from '../support/case-run';
import { determineProposal as determine, withSpringFestivalCase } from '../support/spring-festival-case';

/**
 * The lifecycle up to rectification on the time-skipping server, with the real activities on PostgreSQL: determination,
 * objections, rectification and the interviews after a missed deadline. Each case starts on Tue 2026-02-10 10:00
 * (Beijing), dates by hand in test/support/spring-festival-case.ts.
 */
describe(dishonestyCaseWorkflow.name, () => {
  const run = useCaseRun();
  let ds: DataSource;
  let officer: Actor;
  let approver: Actor;
  beforeAll(() => ({ ds, officer, approver } = run));

  const withCase = (body: (c: CaseDriver) => Promise<void>, severity?: Severity) => withSpringFestivalCase(run, body, severity);
  const determineProposal = (c: CaseDriver, severity?: Severity) => determine(run, c, severity);

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
        // its lead names only what took place: the order and the warning interview, no reminder interview
        const [lead] = await ds.query(`SELECT facts FROM cases WHERE case_no = $1`, [opened.caseNo]);
        expect(lead.facts).toBe(`案件 ${c.caseNo} 经责令限期改正、警示性约谈后，机构仍拒不整改或整改不到位。`);
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
        expect(row.facts).toBe(`案件 ${c.caseNo} 经责令限期改正、提示性约谈和警示性约谈后，机构仍拒不整改或整改不到位。`);
        // the new case is investigated on its own, by the officer who found the rectification failed
        expect((await refusal.query(caseStateQuery)).openTasks.map((t) => t.kind)).toEqual(['investigate']);
      } finally {
        await refusal.terminate('test finished').catch(() => undefined);
      }
    }));
});
