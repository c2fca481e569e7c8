/**
 * The case workflow's public contract: input, stages, updates and queries.
 * Imported by workflow code and by the API, so it must stay free of Node, Nest and TypeORM.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export type Severity = 'minor' | 'general' | 'serious';
export const SEVERITIES: Severity[] = ['minor', 'general', 'serious'];

export type CaseStage =
  | 'REGISTERED'
  | 'INVESTIGATION'
  | 'APPROVAL'
  | 'OBJECTION_WINDOW'
  | 'DETERMINED'
  | 'WITHDRAWN';

export type StaffRole = 'officer' | 'approver';

export interface Actor {
  id: string;
  role: string;
  officeCode: string | null;
}

export interface CaseInput {
  caseNo: string;
  institutionId: string;
  uscc: string;
  behaviourCode: string;
  catalogueVersion: number;
  policyVersion: number;
  severity: Severity;
  facts: string;
  source: string;
  officeCode: string | null;
  registeredBy: Actor;
}

export type TaskKind = 'investigate' | 'approve-determination';

export interface OpenTask {
  taskId: string;
  kind: TaskKind;
  candidateRole: StaffRole;
  candidateOffice: string | null;
  assigneeId: string | null;
  dueDate: string;
}

/** What a human answers when completing a task; which fields are required depends on the task kind. */
export interface TaskOutcome {
  summary: string;
  severity?: Severity;
  measures?: string[];
  decision?: 'approve' | 'return';
}

export interface CaseSnapshot {
  caseNo: string;
  stage: CaseStage;
  severity: Severity;
  openTasks: OpenTask[];
  /** A human-readable description of what the case is waiting for right now. */
  waitingFor: string;
  deadlines: Record<string, string>;
}

export interface TaskActionInput {
  taskId: string;
  actor: Actor;
}

export interface CompleteTaskInput extends TaskActionInput {
  outcome: TaskOutcome;
}

export const caseStateQuery = defineQuery<CaseSnapshot>('caseState');
/** Completes once the case row and its first task exist in PostgreSQL, so the API can answer the POST consistently. */
export const awaitRegistrationUpdate = defineUpdate<CaseSnapshot>('awaitRegistration');
export const claimTaskUpdate = defineUpdate<CaseSnapshot, [TaskActionInput]>('claimTask');
export const unclaimTaskUpdate = defineUpdate<CaseSnapshot, [TaskActionInput]>('unclaimTask');
export const completeTaskUpdate = defineUpdate<CaseSnapshot, [CompleteTaskInput]>('completeTask');

/** Machine codes of update rejections; the API maps them to HTTP statuses. */
export const RejectCode = {
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  TASK_NOT_CANDIDATE: 'TASK_NOT_CANDIDATE',
  TASK_CLAIMED_BY_OTHER: 'TASK_CLAIMED_BY_OTHER',
  TASK_NOT_CLAIMED: 'TASK_NOT_CLAIMED',
  OUTCOME_INVALID: 'OUTCOME_INVALID',
} as const;
