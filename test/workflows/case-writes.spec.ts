import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseProgressService } from '../../src/cases/case-progress.service';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import type { Actor, CaseInput, CaseWrite } from '../../workflows/contracts';
import { createInstitution, createUser } from '../support/factories';
import { caseActivitiesContext } from '../support/temporal';

/**
 * A case's stage changes, task completions and answers ride on the next activity (CaseRuntime.carrying). Temporal
 * retries an activity whose result it did not get (a worker killed after the commit), so each of these activities,
 * run twice with the same input, must leave the case as one run does — on the real database and calendar.
 */
describe('queued case writes carried by the next activity', () => {
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let acts: ReturnType<typeof caseActivitiesFrom>;
  let officer: Actor;
  // Tue 2026-02-10 10:00 Beijing: 10 working days across the Spring Festival end on 03-02, 5 on 02-24
  const from = Date.parse('2026-02-10T10:00:00+08:00');

  beforeAll(async () => {
    ctx = await caseActivitiesContext();
    ds = ctx.get(DataSource);
    acts = caseActivitiesFrom(ctx);
    officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
  });

  afterAll(() => ctx?.close());

  async function registered(): Promise<CaseInput & { institution: Actor }> {
    const inst = await createInstitution(ds);
    const account = await createUser(ds, 'institution', { uscc: inst.uscc, officeCode: null });
    const input: CaseInput = {
      caseNo: `LY-W-${randomUUID().slice(0, 8)}`, institutionId: inst.id, uscc: inst.uscc, behaviourCode: 'EDU-001', catalogueVersion: 1,
      policyVersion: (await ctx.get(PoliciesService).active()).version, severity: 'general', rectificationCalendarDays: 30,
      facts: '未取得办学许可证擅自开展学科类培训', source: 'complaint', officeCode: 'XWPX', registeredBy: officer,
    };
    const policy = await acts.registerCase(input);
    expect(policy.investigationDays).toBe(10); // registration answers with the policy the case pinned
    return { ...input, institution: { id: account.id, role: 'institution', officeCode: null, uscc: inst.uscc } };
  }

  const events = async (caseNo: string) =>
    (await ds.query(`SELECT type FROM case_events WHERE case_no = $1 ORDER BY id`, [caseNo])).map((r: { type: string }) => r.type);

  it('completes a task, records the stage change and opens the next task once, however often it is retried', async () => {
    const c = await registered();
    const span = { fromMs: from, workingDays: 10, remindBeforeWorkingDays: 1 };
    const task = { caseNo: c.caseNo, candidateRole: 'officer' as const, candidateOffice: 'XWPX', priority: 50 };
    const start: CaseWrite = { write: 'transition', key: `${c.caseNo}:stage:1`, from: 'REGISTERED', to: 'INVESTIGATION', type: 'INVESTIGATION_STARTED' };
    const investigate = { ...task, key: 'investigate-1', kind: 'investigate' as const, stage: 'INVESTIGATION' as const, span, writes: [start] };
    const opened = await acts.openTaskDueIn(investigate);
    expect(await acts.openTaskDueIn(investigate)).toEqual(opened);
    expect(opened).toMatchObject({ dueDate: '2026-03-02', remindDate: '2026-02-28' }); // Sat 02-28 is a make-up working day

    const done: CaseWrite[] = [
      { write: 'task-completed', key: `${c.caseNo}:completed:${opened.taskId}`, taskId: opened.taskId, actor: officer, outcome: { summary: '经查属实', severity: 'serious' } },
      { write: 'transition', key: `${c.caseNo}:stage:2`, from: 'INVESTIGATION', to: 'APPROVAL', type: 'DETERMINATION_PROPOSED', payload: { severity: 'serious' } },
    ];
    const approve = { ...task, candidateRole: 'approver' as const, key: 'approve-determination-2', kind: 'approve-determination' as const, stage: 'APPROVAL' as const, span: { ...span, workingDays: 5 }, writes: done };
    const next = await acts.openTaskDueIn(approve);
    expect(await acts.openTaskDueIn(approve)).toEqual(next);
    expect(next.dueDate).toBe('2026-02-24');

    expect(await events(c.caseNo)).toEqual(['REGISTERED', 'INVESTIGATION_STARTED', 'TASK_COMPLETED', 'DETERMINATION_PROPOSED']);
    const tasks = await ds.query(`SELECT kind, status, completed_by FROM tasks WHERE case_no = $1 ORDER BY created_at`, [c.caseNo]);
    expect(tasks).toEqual([
      { kind: 'investigate', status: 'completed', completed_by: officer.id },
      { kind: 'approve-determination', status: 'open', completed_by: null },
    ]);
    const [row] = await ds.query(`SELECT stage, severity FROM cases WHERE case_no = $1`, [c.caseNo]);
    expect(row).toEqual({ stage: 'APPROVAL', severity: 'serious' });
  });

  it('claims, reassigns and releases a task once each however often retried, and a late claim never reopens it', async () => {
    const c = await registered();
    const other: Actor = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
    const { taskId } = await acts.openTaskDueIn({
      caseNo: c.caseNo, key: 'investigate-1', kind: 'investigate', stage: 'INVESTIGATION', candidateRole: 'officer', candidateOffice: 'XWPX',
      priority: 50, span: { fromMs: from, workingDays: 10, remindBeforeWorkingDays: 1 }, writes: [],
    });
    const task = async () => (await ds.query(`SELECT status, assignee_id AS "assigneeId", outcome FROM tasks WHERE id = $1`, [taskId]))[0];
    const records = ctx.get(CaseProgressService);
    for (let attempt = 0; attempt < 2; attempt++) await records.claimTask(taskId, officer, `${c.caseNo}:claim:1`);
    expect(await task()).toMatchObject({ status: 'claimed', assigneeId: officer.id });
    for (let attempt = 0; attempt < 2; attempt++) await records.reassignTask(taskId, officer, other, `${c.caseNo}:reassign:1`);
    expect(await task()).toMatchObject({ status: 'claimed', assigneeId: other.id });
    for (let attempt = 0; attempt < 2; attempt++) await records.unclaimTask(taskId, other, `${c.caseNo}:unclaim:1`);
    expect(await task()).toMatchObject({ status: 'open', assigneeId: null });
    await records.completeTask(taskId, officer, { summary: '经查属实', severity: 'general' }, `${c.caseNo}:complete:1`);
    await records.claimTask(taskId, other, `${c.caseNo}:claim:late`); // a claim whose activity ran after the completion
    expect(await task()).toMatchObject({ status: 'completed', outcome: { summary: '经查属实', severity: 'general' } });

    const log = await ds.query(`SELECT type, actor_id AS "actorId", payload FROM case_events WHERE case_no = $1 AND type LIKE 'TASK_%' ORDER BY id`, [c.caseNo]);
    expect(log).toEqual([
      { type: 'TASK_CLAIMED', actorId: officer.id, payload: { taskId, kind: 'investigate' } },
      { type: 'TASK_REASSIGNED', actorId: officer.id, payload: { taskId, kind: 'investigate', toUserId: other.id } },
      { type: 'TASK_UNCLAIMED', actorId: other.id, payload: { taskId, kind: 'investigate' } },
      { type: 'TASK_COMPLETED', actorId: officer.id, payload: { taskId, kind: 'investigate', summary: '经查属实', severity: 'general' } },
    ]); // the late claim changed nothing, so nothing about it is on record
  });

  it('files an answer and closes its deadline once; at a deadline\'s end answers the answer on file, or records it missed once', async () => {
    const c = await registered();
    const deadline = { caseNo: c.caseNo, uscc: c.uscc, span: { fromMs: from, workingDays: 5, remindBeforeWorkingDays: 1 }, writes: [] };
    const objection = await acts.openInstitutionDeadlineDueIn({ ...deadline, key: 'objection-0', kind: 'objection', round: 0 });
    expect(objection.dueDate).toBe('2026-02-24');
    const answered: CaseWrite[] = [{
      write: 'answered', key: `${c.caseNo}:answer:${objection.deadlineId}`, kind: 'objection', round: 0, deadlineId: objection.deadlineId,
      actor: c.institution, text: '认定事实有误', fileIds: [],
    }];
    await acts.recordCaseWrites({ caseNo: c.caseNo, writes: answered });
    await acts.recordCaseWrites({ caseNo: c.caseNo, writes: answered });
    // the objection's end, with the answer on file (its telling not yet come): the answer, as given and by whom
    const lapse = { caseNo: c.caseNo, kind: 'objection' as const, deadlineId: objection.deadlineId, dueDate: objection.dueDate, writes: [] };
    const [{ at }] = await ds.query(`SELECT round(extract(epoch FROM submitted_at) * 1000)::float8 AS at FROM case_submissions WHERE deadline_id = $1`, [objection.deadlineId]);
    const onFile = { actor: c.institution, text: '认定事实有误', fileIds: [], atMs: at };
    expect(await acts.lapseInstitutionDeadline(lapse)).toEqual(onFile);
    expect(await acts.lapseInstitutionDeadline(lapse)).toEqual(onFile);

    // 30 calendar days from Tue 02-10 end on Thu 03-12, a working day
    const rectification = await acts.openInstitutionDeadlineDueIn({ ...deadline, span: { fromMs: from, calendarDays: 30, remindBeforeWorkingDays: 1 }, key: 'rectification-0', kind: 'rectification', round: 0 });
    expect(rectification.dueDate).toBe('2026-03-12');
    // its end with nothing on file: missed, recorded once however often the step runs
    const missed = { caseNo: c.caseNo, kind: 'rectification' as const, deadlineId: rectification.deadlineId, dueDate: rectification.dueDate, writes: [] };
    expect(await acts.lapseInstitutionDeadline(missed)).toBeNull();
    expect(await acts.lapseInstitutionDeadline(missed)).toBeNull();

    const submissions = await ds.query(`SELECT kind, text FROM case_submissions WHERE case_no = $1`, [c.caseNo]);
    expect(submissions).toEqual([{ kind: 'objection', text: '认定事实有误' }]);
    const deadlines = await ds.query(`SELECT kind, status FROM institution_deadlines WHERE case_no = $1 ORDER BY opened_at`, [c.caseNo]);
    expect(deadlines).toEqual([{ kind: 'objection', status: 'answered' }, { kind: 'rectification', status: 'missed' }]);
    expect(await events(c.caseNo)).toEqual(['REGISTERED', 'DEADLINE_MISSED']);
  });
});
