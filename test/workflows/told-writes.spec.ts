import { institutionAnsweredSignal, taskCompletedSignal } from '../../workflows/contracts';
import { CaseDeadlineRepository } from '../../src/cases/case-deadline.repository';
import type { CaseDriver } from '../support/case-driver';
import { useCaseRun, withCaseFrom } from '../support/case-run';

/**
 * Issue #20: the worklist accepts a completion and the portal an answer, each under its row's lock with the case's
 * rules, and tells the case by a signal. The case takes what it is told, once — a resend, even with other content,
 * changes nothing — and goes on exactly as after its own update.
 */
describe('completions and answers told to the case', () => {
  const r = useCaseRun();

  /** Polls the case until `found` holds (a told write is taken in the case's next workflow task, not at once). */
  async function until<T>(c: CaseDriver, found: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = await found();
      if (value !== undefined) return value;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`${c.caseNo}: still waiting, stage ${(await c.state()).stage}`);
  }
  const openTask = (c: CaseDriver, kind: string) => until(c, async () => (await c.state()).openTasks.find((t) => t.kind === kind));

  it('moves on from a told completion and a told objection, and takes each only once', async () => {
    await withCaseFrom(r, '2026-03-02T10:00:00+08:00', {}, async (c) => {
      const { taskId } = await c.task('investigate');
      const tell = (severity: 'general' | 'serious') =>
        c.handle.signal(taskCompletedSignal, { taskId, actor: r.officer, outcome: { summary: '经查属实', severity } });
      await tell('general');
      await tell('serious'); // resent with another outcome: the first stands
      await openTask(c, 'approve-determination');
      expect((await c.state()).severity).toBe('general');
      const [row] = await r.ds.query(`SELECT status, completed_by, outcome->>'severity' AS severity FROM tasks WHERE id = $1`, [taskId]);
      expect(row).toEqual({ status: 'completed', completed_by: r.officer.id, severity: 'general' });

      await c.complete('approve-determination', r.approver, { summary: '同意', decision: 'approve' });
      const [deadline] = await r.ds.query(
        `SELECT id FROM institution_deadlines WHERE case_no = $1 AND kind = 'objection' AND status = 'open'`, [c.caseNo]);
      // received on 03-04 10:00 Beijing: the time the portal accepted it, not when the case heard it
      const answer = { actor: c.who.institution, fileIds: [], deadlineId: deadline.id as string, atMs: Date.parse('2026-03-04T10:00:00+08:00') };
      await c.handle.signal(institutionAnsweredSignal, { ...answer, text: '我机构已取得许可证，认定事实有误' });
      await c.handle.signal(institutionAnsweredSignal, { ...answer, text: '再次提出' });
      await openTask(c, 'review-objection');
      const submissions = await r.ds.query(`SELECT kind, round, text FROM case_submissions WHERE case_no = $1`, [c.caseNo]);
      expect(submissions).toEqual([{ kind: 'objection', round: 0, text: '我机构已取得许可证，认定事实有误' }]);
      const [closed] = await r.ds.query(`SELECT status FROM institution_deadlines WHERE id = $1`, [deadline.id]);
      expect(closed.status).toBe('answered');
    });
  });

  it('takes an objection the portal accepted in time whose telling comes only after the deadline\'s end', async () => {
    await withCaseFrom(r, '2026-03-02T10:00:00+08:00', {}, async (c) => {
      await c.complete('investigate', r.officer, { summary: '经查属实', severity: 'general' });
      await c.complete('approve-determination', r.approver, { summary: '同意', decision: 'approve' });
      const [deadline] = await r.ds.query(
        `SELECT id, due_date::text AS "dueDate" FROM institution_deadlines WHERE case_no = $1 AND kind = 'objection' AND status = 'open'`, [c.caseNo]);
      // the notice served in the portal on Mon 03-02; 5 working days from the next day: 03-03, 04, 05, 06, 09
      expect(deadline.dueDate).toBe('2026-03-09');
      // what the portal commits on 03-04 when Temporal is down (or its API stops) before it can tell the case
      const answer = { kind: 'objection' as const, round: 0, deadlineId: deadline.id as string, actor: c.who.institution, text: '我机构已取得许可证，认定事实有误', fileIds: [] };
      await r.ds.transaction((m) => r.ctx.get(CaseDeadlineRepository).answered(m, { ...answer, caseNo: c.caseNo, key: `${c.caseNo}:answer:${deadline.id}` }));
      await c.passDay('2026-03-09');
      // at the deadline's end the case asks the row: the objection stands, from the institution, not a missed deadline
      await openTask(c, 'review-objection');
      expect((await c.state()).stage).toBe('OBJECTION_REVIEW');
      const [received] = await r.ds.query(`SELECT actor_id FROM case_events WHERE case_no = $1 AND type = 'OBJECTION_RECEIVED'`, [c.caseNo]);
      expect(received.actor_id).toBe(c.who.institution.id);
      expect(await c.events()).not.toContain('DEADLINE_MISSED');
      // the telling, when it comes, changes nothing
      await c.handle.signal(institutionAnsweredSignal, { ...answer, atMs: Date.parse('2026-03-04T10:00:00+08:00') });
      await c.complete('review-objection', r.officer, { summary: '不予采纳', decision: 'reject' });
      await openTask(c, 'decide-objection');
      const [row] = await r.ds.query(`SELECT status FROM institution_deadlines WHERE id = $1`, [deadline.id]);
      expect(row.status).toBe('answered');
      expect(await r.ds.query(`SELECT count(*)::int AS n FROM case_submissions WHERE case_no = $1`, [c.caseNo])).toEqual([{ n: 1 }]);
    });
  });

  it('records a deadline that ended with nothing on file as missed, and refuses an answer after it', async () => {
    await withCaseFrom(r, '2026-03-02T10:00:00+08:00', {}, async (c) => {
      await c.complete('investigate', r.officer, { summary: '经查属实', severity: 'general' });
      await c.complete('approve-determination', r.approver, { summary: '同意', decision: 'approve' });
      const [deadline] = await r.ds.query(`SELECT id FROM institution_deadlines WHERE case_no = $1 AND kind = 'objection' AND status = 'open'`, [c.caseNo]);
      await c.passDay('2026-03-09');
      await c.settled('the determination', (s) => s.stage !== 'OBJECTION_WINDOW');
      expect(await c.events()).toContain('DEADLINE_MISSED');
      // the row is closed as missed: the portal, which answers only an open row, has nothing to accept
      expect((await r.ds.transaction((m) => r.ctx.get(CaseDeadlineRepository).locked(m, deadline.id))).status).toBe('missed');
      const [missed] = await r.ds.query(`SELECT reason FROM case_events WHERE case_no = $1 AND type = 'DEADLINE_MISSED'`, [c.caseNo]);
      expect(missed.reason).toBe('机构逾期未提出异议（期限至 2026-03-09 24 时届满）');
      await expect(c.object()).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
    });
  });
});
