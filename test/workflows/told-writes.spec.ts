import { institutionAnsweredSignal, taskCompletedSignal } from '../../workflows/contracts';
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
});
