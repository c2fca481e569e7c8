import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DocumentsService } from '../../src/documents/documents.service';
import { DocumentSettingsService } from '../../src/documents/settings/document-settings.service';
import type { Actor } from '../../workflows/contracts';
import { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import type { CaseDriver } from '../support/case-driver';
import { useCaseRun, withCaseFrom } from '../support/case-run';

/**
 * The documents (文书) of a case issued at their steps and the deadlines they set, counted from service (brief §7).
 * Cases start on Mon 2026-09-28 10:00 (Beijing), so periods cross the 2026 National Day on the official calendar:
 * 10-01…10-07 off, Sat 10-10 worked (Mid-autumn 09-25…09-27 off, Sun 09-20 worked, before the start).
 *   5 working days after 09-28 → 10-10 (09-29, 09-30, 10-08, 10-09, Sat 10-10)
 *   5 working days after 09-30 → 10-13 (10-08, 10-09, 10-10, 10-12, 10-13)
 *   7 working days after 09-28 → 10-13 (09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 10-13)
 *   7 working days after 10-14 → 10-23;  30 calendar days after 09-28 → 10-28 (a Wednesday)
 *   30 calendar days after 10-26 → 11-25 (a Wednesday)
 */
describe(`${dishonestyCaseWorkflow.name}: documents and service`, () => {
  const run = useCaseRun();
  let ds: DataSource;
  let ctx: INestApplicationContext;
  let officer: Actor;
  let approver: Actor;
  let legal: Actor;
  let head: Actor;
  beforeAll(() => ({ ds, officer, approver, legal, head, ctx } = run));

  const START = '2026-09-28T10:00:00+08:00';
  /** The lead as CaseDriver registers it. */
  const LEAD = '未取得办学许可证擅自开展学科类培训';

  async function proposeAndApprove(c: CaseDriver, severity: 'general' | 'serious' = 'general') {
    await c.complete('investigate', officer, { summary: '经查属实', severity, measures: ['记入信用档案并依法公示', '列为重点监管对象'] });
    return c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
  }

  it('issues every document at its step, numbered per kind without gaps, served in the portal when issued', () =>
    withCaseFrom(run, START, { severity: 'serious' }, async (c) => {
      // an officer's draft voided by mistake keeps its number: the workflow's orders take the next ones
      const docs = ctx.get(DocumentsService);
      // before any finding the draft states its own facts: no document falls back on the lead as registered
      const draft = await docs.draft({ kind: 'rectification-order', caseNo: c.caseNo, data: { requirements: '草稿', facts: '草稿事实' }, idempotencyKey: `${c.caseNo}:draft` });
      await docs.voidDraft(draft.id, '整改要求写错', officer.id);

      let s = await proposeAndApprove(c, 'serious');
      // served electronically on 09-28: the objection period runs from 09-29, across the National Day
      expect(s.institutionDeadline).toEqual({ kind: 'objection', dueDate: '2026-10-10', round: 0, provisional: false });
      await c.object();
      await c.complete('review-objection', officer, { summary: '不予采纳', decision: 'reject' });
      s = await c.complete('decide-objection', approver, { summary: '异议不成立', decision: 'rejected' });
      expect(s).toMatchObject({ stage: 'SERIOUS_LIST', decisionDate: '2026-09-28', repairableFrom: '2027-09-29' });
      // the findings wait, as a draft in the investigating officer's name, for an approver to sign off their public text
      const [text] = await ds.query(`SELECT status, drafted_by, fields->>'facts' AS facts FROM public_texts WHERE record_ref = $1`, [`${c.caseNo}:determination`]);
      expect(text).toEqual({ status: 'draft', drafted_by: officer.id, facts: '经查属实' });
      // the notice, the decision and the record the platform receives say the findings, never the lead as registered
      const said = await ds.query(
        `SELECT kind, content::text LIKE '%经查属实%' AS findings, content::text LIKE '%' || $2 || '%' AS lead FROM documents
          WHERE case_no = $1 AND kind IN ('notice-of-determination', 'determination-decision') ORDER BY kind`, [c.caseNo, LEAD]);
      expect(said).toEqual([
        { kind: 'determination-decision', findings: true, lead: false }, { kind: 'notice-of-determination', findings: true, lead: false },
      ]);
      const [record] = await ds.query(`SELECT payload->>'facts' AS facts FROM credit_records WHERE case_no = $1 AND kind = 'determination'`, [c.caseNo]);
      expect(record.facts).toBe('经查属实');
      // the listing notice is served on 09-28 as well: the statement period ends with the objection's, on 10-10
      await c.complete('propose-listing', officer, { summary: '提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' });
      expect((await c.state()).institutionDeadline).toEqual({ kind: 'statement', dueDate: '2026-10-10', round: 0, provisional: false });
      await c.stateCase();
      await c.complete('review-listing', legal, { summary: '同意', decision: 'agree' });
      s = await c.complete('decide-listing', head, { summary: '列入', decision: 'list' });
      expect(s.stage).toBe('JOINT_SANCTION');
      s = await c.complete('confirm-sanction', approver, { summary: '实施联合惩戒', measures: ['M-ZFCG', 'M-CZZJ'] });
      expect(s.institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-10-28', round: 0, provisional: false });
      await c.passDay('2026-10-28');
      await c.chooseInterview('reminder');
      await c.complete('schedule-interview', officer, { summary: '安排约谈', scheduledAt: '2026-11-02T09:30:00+08:00', place: '区教育局 305 会议室', attendees: ['陈明'] });
      await c.complete('record-interview', officer, { summary: '承诺十日内整改', minutes: '告知整改不到位的后果', attendees: ['陈明'] });
      await c.reportRectification();
      s = await c.complete('verify-rectification', officer, { summary: '整改到位', decision: 'pass' });
      expect(s.stage).toBe('PUBLICITY');
      await c.passDay('2027-09-28');
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '受理', decision: 'accept' });
      s = await c.complete('decide-repair', approver, { summary: '准予修复', decision: 'approve' });
      expect(s).toMatchObject({ stage: 'CLOSED', outcome: 'REPAIRED' });

      const issued = (await c.documents()).filter((d) => d.status === 'issued');
      expect(issued.map((d) => d.kind)).toEqual([
        'notice-of-determination', 'objection-result', 'determination-decision', 'repair-notice',
        'listing-notice', 'listing-decision', 'repair-notice', 'sanction-letter', 'sanction-letter',
        'rectification-order', 'interview-notice', 'interview-record', 'rectification-order', 'repair-decision',
        'sanction-lifting-letter', 'sanction-lifting-letter',
      ]);
      // served in the portal on arrival; letters to member departments are not served on the institution
      for (const d of issued) expect(d.method).toBe(d.kind.startsWith('sanction') ? null : 'electronic');
      expect(issued.find((d) => d.kind === 'notice-of-determination')!.served_on).toBe(issued[0].served_on);

      const { issuerCode } = await ctx.get(DocumentSettingsService).get(ds.manager);
      const numbers = await ds.query(
        `SELECT kind, array_agg(seq ORDER BY seq) AS seqs, array_agg(status ORDER BY seq) AS statuses FROM documents WHERE issuer_code = $1 GROUP BY kind`, [issuerCode]);
      for (const n of numbers as { kind: string; seqs: number[]; statuses: string[] }[]) {
        expect({ kind: n.kind, seqs: n.seqs }).toEqual({ kind: n.kind, seqs: n.seqs.map((_, i) => i + 1) });
      }
      const orders = (await c.documents()).filter((d) => d.kind === 'rectification-order');
      expect(orders.map((d) => d.status)).toEqual(['void', 'issued', 'issued']);
      // the decisions go to the municipal platform with their numbers
      const shared = await ds.query(
        `SELECT record_type AS type, payload->>'documentNo' AS "docNo" FROM platform_submissions WHERE record_ref LIKE $1 ORDER BY created_at`, [`${c.caseNo}:%-decision`]);
      const numberOf = (kind: string) => issued.find((d) => d.kind === kind)!.doc_no;
      expect(shared).toEqual([{ type: 'determination', docNo: numberOf('determination-decision') }, { type: 'repair', docNo: numberOf('repair-decision') }]);
    }));

  it('waits for paper service before any deadline runs, and counts it from the day after service', () =>
    withCaseFrom(run, START, { paperService: true }, async (c) => {
      let s = await proposeAndApprove(c);
      expect(s).toMatchObject({ stage: 'OBJECTION_WINDOW', institutionDeadline: null });
      expect(await c.task('serve-document')).toMatchObject({ candidateRole: 'officer', dueDate: '2026-10-13' });
      await c.passDay('2026-09-29');
      expect(await c.state()).toMatchObject({ stage: 'OBJECTION_WINDOW', institutionDeadline: null });
      await expect(c.object()).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
      // the worklist cannot close it: only the service record (with its date and proof) does
      const { taskId } = await c.task('serve-document');
      await c.handle.executeUpdate('claimTask', { args: [{ taskId, actor: officer }] });
      await expect(c.handle.executeUpdate('completeTask', { args: [{ taskId, actor: officer, outcome: { summary: '已送达' } }] }))
        .rejects.toMatchObject({ cause: { type: 'OUTCOME_INVALID' } });

      const [notice] = await c.documents();
      expect(notice).toMatchObject({ kind: 'notice-of-determination', status: 'issued', method: null });
      await c.serve(notice.id, '2026-09-30');
      await c.passDay('2026-09-30');
      s = await c.state();
      expect(s.institutionDeadline).toEqual({ kind: 'objection', dueDate: '2026-10-13', round: 0, provisional: false });
      expect(s.openTasks.map((t) => t.kind)).toEqual([]);

      // the decision of 10-14 is not served within 7 working days: the officer's tasks are overdue on 10-23
      await c.passDay('2026-10-13');
      s = await c.state();
      expect(s).toMatchObject({ decisionDate: '2026-10-14', institutionDeadline: null });
      expect(s.openTasks.map((t) => [t.kind, t.dueDate])).toEqual([['serve-document', '2026-10-23'], ['serve-document', '2026-10-23']]);
      await c.passDay('2026-10-23');
      const overdue = await ds.query(
        `SELECT count(*)::int AS n FROM case_events WHERE case_no = $1 AND type = 'TASK_OVERDUE' AND payload->>'kind' = 'serve-document' AND payload->>'dueDate' = '2026-10-23'`, [c.caseNo]);
      expect(overdue[0].n).toBe(2);
      expect((await c.state()).institutionDeadline).toBeNull();

      // served by post on Mon 10-26 (decision, repair notice, then the rectification order): 30 days run to 11-25
      const served = async (kind: string) => {
        for (const d of (await c.documents()).filter((x) => x.kind === kind)) await c.serve(d.id, '2026-10-26');
      };
      await served('determination-decision');
      await served('repair-notice');
      await c.passDay('2026-10-26');
      await served('rectification-order');
      await c.passDay('2026-10-27');
      expect((await c.state()).institutionDeadline).toEqual({ kind: 'rectification', dueDate: '2026-11-25', round: 0, provisional: false });
      const tasks = await ds.query(`SELECT status, overdue FROM tasks WHERE case_no = $1 AND kind = 'serve-document' ORDER BY created_at`, [c.caseNo]);
      expect(tasks).toEqual([
        { status: 'completed', overdue: false }, { status: 'completed', overdue: true }, { status: 'completed', overdue: true }, { status: 'completed', overdue: false },
      ]);
    }));
});
