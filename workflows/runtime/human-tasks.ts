import { condition } from '@temporalio/workflow';
import type { CaseRuntime } from '../case-runtime';
import * as C from '../contracts';
import { acts, background, now } from './proxies';
import { watch } from './timers';

/**
 * An officer's or approver's step: opens a worklist task due N working days from now (the activity reads the
 * calendar), reminds before and escalates at the due instant, rests, and returns the outcome the person completed
 * it with (the completion itself arrives through the completeTask update, runtime/handlers.ts, or for a
 * "送达文书" task through the documentServed signal, runtime/documents.ts).
 */
export async function humanTask(
  c: CaseRuntime, kind: C.TaskKind, role: C.StaffRole, workingDays: number, onOpened?: (taskId: string) => void,
): Promise<C.TaskOutcome> {
  const { caseNo } = c.input;
  // the legal reviewer and the head act for the whole bureau: their tasks belong to no office
  const officeCode = role === 'legal' || role === 'head' ? null : c.input.officeCode;
  const key = `${kind}-${++c.taskSeq}`;
  const span: C.DeadlineSpan = { fromMs: now(), workingDays, remindBeforeWorkingDays: c.policy.reminderBeforeDueDays };
  const task = { caseNo, key, kind, stage: c.stage, candidateRole: role, candidateOffice: officeCode, priority: C.SEVERITY_RANK[c.severity] * 25 };
  const { taskId, ...d } = await c.carrying((writes) => acts.openTaskDueIn({ ...task, span, writes }));
  const early = c.earlyHolders.get(taskId); // claimed before the case heard the task was open
  c.earlyHolders.delete(taskId);
  c.tasks.set(taskId, { taskId, kind, candidateRole: role, candidateOffice: officeCode, assigneeId: early?.assigneeId ?? null, dueDate: d.dueDate, version: early?.version });
  onOpened?.(taskId);
  const completed = c.earlyCompletions.get(taskId); // completed in the worklist before the case heard it was open
  c.earlyCompletions.delete(taskId);
  if (completed) completeTask(c, completed);
  c.deadlines[key] = d.dueDate;
  c.attributes.track(key, d.dueAtMs);
  const due = { caseNo, taskId, kind, dueDate: d.dueDate };
  const timers = watch(d, () => background.remindTask(due), () => c.step(() => acts.escalateTask(due)));
  c.rest();
  await condition(() => c.outcomes.has(taskId));
  timers.cancel();
  c.attributes.track(key, null);
  delete c.deadlines[key];
  return c.outcomes.get(taskId)!;
}

/**
 * Notes who holds a task once the claim's local activity is done. A completion accepted meanwhile has removed the
 * task: nothing to note then (a missing task here used to fail the workflow task and stall the case).
 */
export function assign(c: CaseRuntime, taskId: string, assigneeId: string | null): void {
  const task = c.tasks.get(taskId);
  if (task) task.assigneeId = assigneeId;
}

/**
 * Records a completion: removed from the open tasks first, so a second completion racing this one fails the
 * update's validator (or, told by the worklist, finds it done) instead of running twice.
 */
export function completeTask(c: CaseRuntime, { taskId, actor, outcome }: C.TaskCompleted): void {
  const kind = c.tasks.get(taskId)?.kind;
  if (kind) {
    c.completedBy.set(kind, actor);
    c.decidedAs.set(kind, outcome.decision);
  }
  c.tasks.delete(taskId);
  c.writes.push({ write: 'task-completed', key: `${c.input.caseNo}:completed:${taskId}`, taskId, actor, outcome });
  c.outcomes.set(taskId, outcome);
}
