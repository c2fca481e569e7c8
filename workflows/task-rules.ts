/** Who may act on a task and what a complete answer looks like. Pure functions: safe in workflow code. */
import { ApplicationFailure } from '@temporalio/workflow';
import { Actor, OpenTask, RejectCode, SEVERITIES, TaskOutcome } from './contracts';

const reject = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

export function findTask(tasks: Map<string, OpenTask>, taskId: string): OpenTask {
  return tasks.get(taskId) ?? reject(RejectCode.TASK_NOT_FOUND, '任务不存在或已办结');
}

export function assertCandidate(task: OpenTask, actor: Actor): void {
  const officeOk = task.candidateOffice === null || task.candidateOffice === actor.officeCode;
  if (actor.role !== task.candidateRole || !officeOk) {
    reject(RejectCode.TASK_NOT_CANDIDATE, '该任务不属于您的岗位或科室');
  }
}

export function assertClaimable(task: OpenTask, actor: Actor): void {
  assertCandidate(task, actor);
  if (task.assigneeId && task.assigneeId !== actor.id) reject(RejectCode.TASK_CLAIMED_BY_OTHER, '该任务已由他人领取');
}

export function assertAssignee(task: OpenTask, actor: Actor): void {
  assertCandidate(task, actor);
  if (task.assigneeId !== actor.id) reject(RejectCode.TASK_NOT_CLAIMED, '请先领取该任务再办理');
}

export function assertOutcome(task: OpenTask, outcome: TaskOutcome): void {
  if (!outcome.summary?.trim()) reject(RejectCode.OUTCOME_INVALID, '请填写办理意见');
  if (task.kind === 'investigate' && !SEVERITIES.includes(outcome.severity as never)) {
    reject(RejectCode.OUTCOME_INVALID, '调查任务须给出拟认定的失信程度（轻微、一般或严重）');
  }
  if (task.kind === 'approve-determination' && outcome.decision !== 'approve' && outcome.decision !== 'return') {
    reject(RejectCode.OUTCOME_INVALID, '审核任务须选择“同意”或“退回”');
  }
}
