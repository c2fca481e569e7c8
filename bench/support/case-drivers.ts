import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  Actor, awaitRegistrationUpdate, CaseSnapshot, claimTaskUpdate, completeTaskUpdate, submitObjectionUpdate,
  submitRectificationUpdate, TaskKind, TaskOutcome,
} from '../../workflows/contracts';
import type { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import type { baselineWorkflow } from '../baseline.workflow';
import { stepUpdate } from '../baseline.workflow';
import { caseInput, Seeded } from './case-bench-seed';

/** Client round trips of one happy-path case: start, then awaitRegistration + 5 × (claim, complete) + 2 submissions. */
export const CASE_UPDATES = 1 + 5 * 2 + 2;

async function complete(h: WorkflowHandle, s: CaseSnapshot, kind: TaskKind, actor: Actor, outcome: TaskOutcome): Promise<CaseSnapshot> {
  const task = s.openTasks.find((t) => t.kind === kind);
  if (!task) throw new Error(`${h.workflowId}: no open ${kind} task in stage ${s.stage}`);
  await h.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.taskId, actor }] });
  return h.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.taskId, actor, outcome }] });
}

/** One case along the happy path, as officers, approvers and the institution would drive it through the API. */
export async function driveCase(client: Client, taskQueue: string, s: Seeded, caseNo: string): Promise<CaseSnapshot> {
  const { party, ...input } = caseInput(s, caseNo, s.policyVersion);
  const who = party.account;
  const h = await client.workflow.start<typeof dishonestyCaseWorkflow>('dishonestyCaseWorkflow', { taskQueue, workflowId: caseNo, args: [input] });
  let st = await h.executeUpdate(awaitRegistrationUpdate);
  st = await complete(h, st, 'investigate', s.officer, { summary: '经查属实', severity: 'general' });
  st = await complete(h, st, 'approve-determination', s.approver, { summary: '同意', decision: 'approve' });
  st = await h.executeUpdate(submitObjectionUpdate, { args: [{ actor: who, text: '认定事实有误', fileIds: [] }] });
  st = await complete(h, st, 'review-objection', s.officer, { summary: '不予采纳', decision: 'reject' });
  st = await complete(h, st, 'decide-objection', s.approver, { summary: '异议不成立', decision: 'rejected' });
  st = await h.executeUpdate(submitRectificationUpdate, { args: [{ actor: who, text: '已停止违规培训并完成整改', fileIds: [] }] });
  st = await complete(h, st, 'verify-rectification', s.officer, { summary: '整改到位', decision: 'pass' });
  return st;
}

/** The baseline with as many client round trips as a case: start, then CASE_UPDATES updates. */
export async function driveBaseline(client: Client, taskQueue: string, id: string): Promise<void> {
  const h = await client.workflow.start<typeof baselineWorkflow>('baselineWorkflow', { taskQueue, workflowId: id, args: [CASE_UPDATES] });
  for (let i = 0; i < CASE_UPDATES; i++) await h.executeUpdate(stepUpdate);
}

/** What a run wrote into Temporal's history: the measure the case/baseline ratio mostly follows. */
export async function historyShape(client: Client, workflowId: string) {
  const h = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = h.events ?? [];
  return {
    events: events.length,
    activities: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
  };
}
