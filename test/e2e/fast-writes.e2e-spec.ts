import type { Client } from '@temporalio/client';
import { caseStateQuery, completeTaskUpdate } from '../../workflows/contracts';
import type { TestApp } from '../support/app';
import { useApiWithWorker } from '../support/api-with-worker';
import { auth, followCase } from '../support/http-case';
import { waitFor } from '../support/platform';
import { CaseTellings } from '../../src/cases/case-tellings';
import { CaseTaskRepository } from '../../src/cases/case-task.repository';
import { CaseGateway } from '../../src/cases/case-gateway';

/**
 * Issue #20, fast writes: claims, releases and reassignments are worklist writes in PostgreSQL (optimistic
 * concurrency on tasks.version) that the case learns of by a signal; a completion is accepted there too, under the
 * task's lock with the case's own rules, and told to the case by a signal it takes as told (an institution's answer
 * likewise: told-answers.e2e-spec.ts). What the rules refuse is refused, with nothing written and nothing told.
 */
describe('fast writes', () => {
  const r = useApiWithWorker();
  let t: TestApp;
  let temporal: Client;
  beforeAll(() => ({ t, temporal } = r));
  const { openCase, history } = r;
  const holder = async (caseNo: string, taskId: string) =>
    (await temporal.workflow.getHandle(caseNo).query(caseStateQuery)).openTasks.find((x) => x.taskId === taskId)?.assigneeId ?? null;
  const untold = async (taskId: string): Promise<{ failed_at: Date | null; attempts: number }[]> =>
    t.ds.query(`SELECT failed_at, attempts FROM case_tellings WHERE subject_id = $1`, [taskId]);
  const eventsOf = async (taskId: string): Promise<string[]> => (await t.ds.query(
    `SELECT type FROM case_events WHERE payload->>'taskId' = $1 ORDER BY id`, [taskId])).map((row: { type: string }) => row.type);

  it('lets one of two officers racing for a task have it, with a 409 and a Chinese message for the other', async () => {
    const a = await t.loginAs('officer', { officeCode: 'XWPX' });
    const b = await t.loginAs('officer', { officeCode: 'XWPX' });
    const { caseNo, taskId } = await openCase(a.token);
    const answers = await Promise.all([a, b].map((u) => t.http().post(`/api/tasks/${taskId}/claim`).set(auth(u.token))));
    const won = answers.findIndex((r) => r.status === 200);
    const lost = answers[1 - won];
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    // either the loser read the row after the winner wrote it, or both read it open and its write found a newer version
    expect(['TASK_CLAIMED_BY_OTHER', 'TASK_CHANGED']).toContain(lost.body.code);
    expect(lost.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const winner = [a, b][won];
    expect(answers[won].body).toMatchObject({ accepted: true, task: { status: 'claimed', assigneeId: winner.user.id, version: 1 } });
    const [events] = await t.ds.query(`SELECT count(*)::int AS n FROM case_events WHERE case_no = $1 AND type = 'TASK_CLAIMED'`, [caseNo]);
    expect(events.n).toBe(1);
    // the claim gave the case nothing to do (no signal, so no workflow task for the completion to wait behind)…
    expect((await history(caseNo)).signals).toBe(0);
    expect(await holder(caseNo, taskId)).toBeNull();
    // …the completion is accepted in the worklist and told to the case, which takes it as told
    await t.http().post(`/api/tasks/${taskId}/complete`).set(auth(winner.token)).send({ summary: '经查属实', severity: 'general' }).expect(200);
    // the answer did not wait for the signal: the case is told right after, and the completion's telling is then gone
    const h = await waitFor('the case told', async () => { const x = await history(caseNo); return x.told.length > 0 && x; });
    expect(await waitFor('the telling done', async () => (await untold(taskId)).length === 0)).toBe(true);
    expect(h.told).toEqual([{ taskId, actor: expect.objectContaining({ id: winner.user.id }), outcome: { summary: '经查属实', severity: 'general' } }]);
    expect(h.accepted).toEqual([]);
    expect(await eventsOf(taskId)).toEqual(['TASK_CLAIMED', 'TASK_COMPLETED']);
    expect((await followCase(t, winner.token, caseNo, taskId)).stage).toBe('APPROVAL');
  });

  it('takes the newer of the holder the case heard and the holder a completion carries', async () => {
    const a = await t.loginAs('officer', { officeCode: 'XWPX' });
    const b = await t.loginAs('officer', { officeCode: 'XWPX' });
    const { caseNo, taskId } = await openCase(a.token);
    await t.http().post(`/api/tasks/${taskId}/claim`).set(auth(a.token)).expect(200); // version 1
    await t.http().post(`/api/tasks/${taskId}/unclaim`).set(auth(a.token)).expect(200); // version 2, told to the case
    const complete = (who: { user: { id: string } }, holder: { assigneeId: string | null; version: number }) =>
      temporal.workflow.getHandle(caseNo).executeUpdate(completeTaskUpdate, {
        args: [{ taskId, outcome: { summary: '经查属实', severity: 'general' }, actor: { id: who.user.id, role: 'officer', officeCode: 'XWPX' }, holder: { taskId, ...holder } }],
      });
    // a holder read before the release the case heard of is older: refused
    await expect(complete(a, { assigneeId: a.user.id, version: 1 })).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CLAIMED' } });
    // a holder of another task changes nothing
    await expect(temporal.workflow.getHandle(caseNo).executeUpdate(completeTaskUpdate, {
      args: [{ taskId, outcome: { summary: '经查属实', severity: 'general' }, actor: { id: b.user.id, role: 'officer', officeCode: 'XWPX' },
        holder: { taskId: '00000000-0000-4000-8000-000000000000', assigneeId: b.user.id, version: 9 } }],
    })).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CLAIMED' } });
    // a newer one (b's claim, which the case was not told of) is taken
    await t.http().post(`/api/tasks/${taskId}/claim`).set(auth(b.token)).expect(200); // version 3
    await expect(complete(b, { assigneeId: b.user.id, version: 3 })).resolves.toMatchObject({ caseNo });
  });

  it('never lets a release or reassignment undo a completion the case accepted, however they interleave', async () => {
    const a = await t.loginAs('officer', { officeCode: 'XWPX' });
    const b = await t.loginAs('officer', { officeCode: 'XWPX' });
    const approver = await t.loginAs('approver', { officeCode: 'XWPX' });
    const outcomes: string[] = [];
    const OFFSETS_MS = [-20, -10, -5, 0, 5, 10, 20, 40, 80, 120];
    for (let i = 0; i < OFFSETS_MS.length; i++) {
      const { caseNo, taskId } = await openCase(a.token);
      await t.http().post(`/api/tasks/${taskId}/claim`).set(auth(a.token)).expect(200);
      const reassign = i % 2 === 1;
      // the release or reassignment sent from 20 ms before the completion to 120 ms after it: before the completion
      // reads the row, while the case accepts it, and after
      const lag = OFFSETS_MS[i];
      const later = (ms: number) => new Promise((r) => setTimeout(r, Math.max(ms, 0)));
      const [done, change] = await Promise.all([
        later(-lag).then(() => t.http().post(`/api/tasks/${taskId}/complete`).set(auth(a.token)).send({ summary: '经查属实', severity: 'general' })),
        later(lag).then(() => reassign
          ? t.http().post(`/api/tasks/${taskId}/reassign`).set(auth(approver.token)).send({ toUserId: b.user.id })
          : t.http().post(`/api/tasks/${taskId}/unclaim`).set(auth(a.token))),
      ]);
      const [row] = await t.ds.query(`SELECT status, assignee_id, completed_by FROM tasks WHERE id = $1`, [taskId]);
      const events = await eventsOf(taskId);
      const moved = reassign ? 'TASK_REASSIGNED' : 'TASK_UNCLAIMED';
      // exactly one of the two happened, and everything says which
      expect([done.status, change.status].sort()).toEqual([200, 409]);
      if (done.status === 200) {
        expect(['TASK_CHANGED', 'TASK_CLOSED']).toContain(change.body.code);
        expect(change.body.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(row).toEqual({ status: 'completed', assignee_id: a.user.id, completed_by: a.user.id });
        expect(events).toEqual(['TASK_CLAIMED', 'TASK_COMPLETED']);
        expect((await followCase(t, a.token, caseNo, taskId)).stage).toBe('APPROVAL');
        expect(await eventsOf(taskId)).toEqual(['TASK_CLAIMED', 'TASK_COMPLETED']); // the case's own write found it done
      } else {
        expect(done.body.code).toBe('TASK_NOT_CLAIMED');
        expect(row).toEqual({ status: reassign ? 'claimed' : 'open', assignee_id: reassign ? b.user.id : null, completed_by: null });
        expect(events).toEqual(['TASK_CLAIMED', moved]);
        expect(await holder(caseNo, taskId)).toBe(row.assignee_id);
      }
      outcomes.push(done.status === 200 ? 'completed' : moved);
    }
    // which way the races went, for whoever reads the run
    console.log(`release/reassign vs completion: ${outcomes.join(', ')}`);
  });

  it('tells the case of a release and a reassignment, so its validator refuses a completion by the former holder', async () => {
    const a = await t.loginAs('officer', { officeCode: 'XWPX' });
    const b = await t.loginAs('officer', { officeCode: 'XWPX' });
    const approver = await t.loginAs('approver', { officeCode: 'XWPX' });
    const { caseNo, taskId } = await openCase(a.token);
    await t.http().post(`/api/tasks/${taskId}/claim`).set(auth(a.token)).expect(200);
    await t.http().post(`/api/tasks/${taskId}/unclaim`).set(auth(a.token)).expect(200);
    expect(await holder(caseNo, taskId)).toBeNull();
    await t.http().post(`/api/tasks/${taskId}/claim`).set(auth(a.token)).expect(200);
    const moved = await t.http().post(`/api/tasks/${taskId}/reassign`).set(auth(approver.token)).send({ toUserId: b.user.id }).expect(200);
    expect(moved.body.task).toMatchObject({ assigneeId: b.user.id, version: 4 });
    expect(await holder(caseNo, taskId)).toBe(b.user.id);

    // the API refuses the former holder from the worklist row…
    const refused = await t.http().post(`/api/tasks/${taskId}/complete`).set(auth(a.token)).send({ summary: '经查属实', severity: 'general' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'TASK_NOT_CLAIMED', message: '请先领取该任务再办理' });
    // …and the case itself would refuse them too, had the request reached it
    const direct = temporal.workflow.getHandle(caseNo).executeUpdate(completeTaskUpdate, {
      args: [{ taskId, outcome: { summary: '经查属实', severity: 'general' }, actor: { id: a.user.id, role: 'officer', officeCode: 'XWPX' } }],
    });
    await expect(direct).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CLAIMED' } });

    const done = await t.http().post(`/api/tasks/${taskId}/complete`).set(auth(b.token)).send({ summary: '经查属实', severity: 'general' }).expect(200);
    expect(done.body).toMatchObject({ accepted: true, task: { status: 'completed', completedBy: b.user.id } });
    expect((await followCase(t, b.token, caseNo, taskId)).stage).toBe('APPROVAL');
    // the case's own write of the completion found it done: one event, not two
    const [events] = await t.ds.query(`SELECT count(*)::int AS n FROM case_events WHERE case_no = $1 AND type = 'TASK_COMPLETED'`, [caseNo]);
    expect(events.n).toBe(1);
  });

  it('refuses a completion the case\'s rules refuse, with their reason, and writes and tells nothing', async () => {
    const a = await t.loginAs('officer', { officeCode: 'XWPX' });
    const { caseNo, taskId } = await openCase(a.token);
    await t.http().post(`/api/tasks/${taskId}/claim`).set(auth(a.token)).expect(200);
    // no severity: the investigation's outcome rule (workflows/task-rules.ts), the case's own, applied by the worklist
    const refused = await t.http().post(`/api/tasks/${taskId}/complete`).set(auth(a.token)).send({ summary: '经查属实' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'OUTCOME_INVALID', message: expect.stringContaining('失信程度') });
    const [row] = await t.ds.query(`SELECT status FROM tasks WHERE id = $1`, [taskId]);
    expect(row.status).toBe('claimed');
    // nor in the case: it was told nothing (a claim does not tell the case; a completion would)
    expect(await holder(caseNo, taskId)).toBeNull();
    expect((await history(caseNo)).told).toEqual([]);
    expect(await untold(taskId)).toEqual([]);
  });

  it('tells the case a completion whose telling was lost (the API died after its commit), once its lease has run out', async () => {
    const a = await t.loginAs('officer', { officeCode: 'XWPX' });
    const { caseNo, taskId } = await openCase(a.token);
    await t.http().post(`/api/tasks/${taskId}/claim`).set(auth(a.token)).expect(200);
    // what a completion commits, without the telling after it: an API killed between its commit and its signal
    const told = t.app.get(CaseTellings);
    const done = { taskId, actor: { id: a.user.id, role: 'officer' as const, officeCode: 'XWPX' }, outcome: { summary: '经查属实', severity: 'general' as const } };
    await t.ds.transaction(async (m) => {
      await t.app.get(CaseTaskRepository).change(m, { taskId, type: 'TASK_COMPLETED', actor: done.actor, key: `${caseNo}:completed:${taskId}`, outcome: done.outcome });
      await told.hold(m, caseNo, { signal: 'taskCompleted', payload: done });
    });
    // within the lease the writer may still tell it: no sweep takes it
    await told.sweep();
    expect(await untold(taskId)).toEqual([{ failed_at: null, attempts: 0 }]);
    expect((await history(caseNo)).told).toEqual([]);
    await t.ds.query(`UPDATE case_tellings SET next_at = now() WHERE subject_id = $1`, [taskId]); // the lease has run out
    await waitFor('the sweep', async () => (await told.sweep(), (await untold(taskId)).length === 0));
    expect((await history(caseNo)).told).toEqual([done]);
    expect((await followCase(t, a.token, caseNo, taskId)).stage).toBe('APPROVAL');
    // told twice (a sweep and a late telling by the writer), the case takes it once: one approval, still open
    await t.app.get(CaseGateway).tell(caseNo, { signal: 'taskCompleted', payload: done }, 5_000);
    await waitFor('the second telling in the history', async () => (await history(caseNo)).told.length === 2);
    await waitFor('the case at rest', async () => !(await temporal.workflow.getHandle(caseNo).describe()).raw.pendingWorkflowTask);
    const approvals = await t.ds.query(`SELECT status FROM tasks WHERE case_no = $1 AND kind = 'approve-determination'`, [caseNo]);
    expect(approvals).toEqual([{ status: 'open' }]);
    expect(await eventsOf(taskId)).toEqual(['TASK_CLAIMED', 'TASK_COMPLETED']);
  });

  it('keeps, and does not tell again, a completion for a case that ended before it could be told', async () => {
    const a = await t.loginAs('officer', { officeCode: 'XWPX' });
    const { caseNo, taskId } = await openCase(a.token);
    const done = { taskId, actor: { id: a.user.id, role: 'officer' as const, officeCode: 'XWPX' }, outcome: { summary: '经查属实', severity: 'general' as const } };
    await temporal.workflow.getHandle(caseNo).terminate('ended before the completion was told (test)');
    const told = t.app.get(CaseTellings);
    await t.ds.transaction((m) => told.hold(m, caseNo, { signal: 'taskCompleted', payload: done }));
    await t.ds.query(`UPDATE case_tellings SET next_at = now() WHERE subject_id = $1`, [taskId]);
    const [kept] = await waitFor('the sweep', async () => {
      await told.sweep();
      const rows = await untold(taskId);
      return rows.some((r) => r.failed_at) && rows;
    });
    expect(kept).toEqual({ failed_at: expect.any(Date), attempts: 1 });
    await t.ds.query(`UPDATE case_tellings SET next_at = now() WHERE subject_id = $1`, [taskId]);
    await told.sweep();
    expect(await untold(taskId)).toEqual([kept]); // not taken again
    await t.ds.query(`DELETE FROM case_tellings WHERE subject_id = $1`, [taskId]);
  });
});
