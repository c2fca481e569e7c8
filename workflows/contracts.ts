/**
 * The case workflow's public contract: input, stages, updates, queries and search attributes.
 * Imported by workflow code and by the API, so it must stay free of Node, Nest and TypeORM.
 */
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export type Severity = 'minor' | 'general' | 'serious';
export const SEVERITIES: Severity[] = ['minor', 'general', 'serious'];
export const SEVERITY_RANK: Record<Severity, number> = { minor: 1, general: 2, serious: 3 };

export const CASE_STAGES = [
  'REGISTERED', 'INVESTIGATION', 'APPROVAL', 'OBJECTION_WINDOW', 'OBJECTION_REVIEW', 'JOINT_SANCTION',
  'RECTIFICATION', 'RECTIFICATION_REVIEW', 'REMINDER_INTERVIEW', 'WARNING_INTERVIEW', 'PUBLICITY', 'REPAIR_REVIEW',
  'CLOSED', 'WITHDRAWN',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export type StaffRole = 'officer' | 'approver';

export interface Actor {
  id: string;
  role: string;
  officeCode: string | null;
  /** Set for institution accounts: the only institution they may act for. */
  uscc?: string | null;
}

export interface CaseInput {
  caseNo: string;
  institutionId: string;
  uscc: string;
  behaviourCode: string;
  catalogueVersion: number;
  policyVersion: number;
  severity: Severity;
  /** Calendar days the institution gets to rectify (from the catalogue item). */
  rectificationCalendarDays: number;
  facts: string;
  source: string;
  officeCode: string | null;
  registeredBy: Actor;
}

export const TASK_KINDS = [
  'investigate', 'approve-determination', 'review-objection', 'decide-objection', 'verify-rectification',
  'schedule-interview', 'record-interview', 'confirm-sanction', 'accept-repair', 'decide-repair',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface OpenTask {
  taskId: string;
  kind: TaskKind;
  candidateRole: StaffRole;
  candidateOffice: string | null;
  assigneeId: string | null;
  dueDate: string;
}

/** An industry ban as the workflow carries it: the ID number arrives sealed by the API, never in clear. */
export interface BanOrder {
  name: string;
  idNumberSealed: string;
  idNumberIndex: string;
  idNumberMasked: string;
  years: number;
}

/** What a person answers when completing a task; which fields are required depends on the task kind. */
export interface TaskOutcome {
  summary: string;
  severity?: Severity;
  measures?: string[];
  decision?: string;
  scheduledAt?: string;
  place?: string;
  attendees?: string[];
  minutes?: string;
  bans?: BanOrder[];
  departments?: string[];
}

export type InstitutionDeadlineKind = 'objection' | 'rectification';

export interface Deadline {
  dueDate: string;
  dueAtMs: number;
  remindDate: string;
  remindAtMs: number;
}

export interface CaseSnapshot {
  caseNo: string;
  stage: CaseStage;
  severity: Severity;
  openTasks: OpenTask[];
  /** A Chinese description of what the case is waiting for right now. */
  waitingFor: string;
  deadlines: Record<string, string>;
  institutionDeadline: { kind: InstitutionDeadlineKind; dueDate: string; round: number } | null;
  decisionDate: string | null;
  repairableFrom: string | null;
  publicityUntil: string | null;
  outcome: string | null;
}

export interface TaskActionInput {
  taskId: string;
  actor: Actor;
}
export interface CompleteTaskInput extends TaskActionInput {
  outcome: TaskOutcome;
}
export interface ReassignInput extends TaskActionInput {
  to: Actor;
}
export interface InstitutionSubmission {
  actor: Actor;
  text: string;
  fileIds: string[];
  /** Repair routes (信用修复途径) for a repair application. */
  routes?: string[];
}
export interface CaseCorrection {
  actor: Actor;
  reason: string;
  severity?: Severity;
}

export const caseStateQuery = defineQuery<CaseSnapshot>('caseState');
/** Completes once the case row and its first task exist in PostgreSQL, so the API can answer the POST consistently. */
export const awaitRegistrationUpdate = defineUpdate<CaseSnapshot>('awaitRegistration');
export const claimTaskUpdate = defineUpdate<CaseSnapshot, [TaskActionInput]>('claimTask');
export const unclaimTaskUpdate = defineUpdate<CaseSnapshot, [TaskActionInput]>('unclaimTask');
export const reassignTaskUpdate = defineUpdate<CaseSnapshot, [ReassignInput]>('reassignTask');
export const completeTaskUpdate = defineUpdate<CaseSnapshot, [CompleteTaskInput]>('completeTask');
export const submitObjectionUpdate = defineUpdate<CaseSnapshot, [InstitutionSubmission]>('submitObjection');
export const submitRectificationUpdate = defineUpdate<CaseSnapshot, [InstitutionSubmission]>('submitRectificationReport');
export const applyRepairUpdate = defineUpdate<CaseSnapshot, [InstitutionSubmission]>('applyRepair');
export const withdrawCaseUpdate = defineUpdate<CaseSnapshot, [CaseCorrection]>('withdrawCase');
export const correctCaseUpdate = defineUpdate<CaseSnapshot, [CaseCorrection]>('correctCase');

/** Search attributes: `temporal workflow list --query "CaseStage='RECTIFICATION' AND NextDueAt < '2026-12-01T00:00:00Z'"`. */
export const SA = {
  caseNo: defineSearchAttributeKey('CaseNo', 'KEYWORD'),
  uscc: defineSearchAttributeKey('CaseUscc', 'KEYWORD'),
  stage: defineSearchAttributeKey('CaseStage', 'KEYWORD'),
  severity: defineSearchAttributeKey('CaseSeverity', 'KEYWORD'),
  office: defineSearchAttributeKey('CaseOffice', 'KEYWORD'),
  nextDueAt: defineSearchAttributeKey('NextDueAt', 'DATETIME'),
} as const;

/** Machine codes of update rejections; the API maps them to HTTP statuses. */
export const RejectCode = {
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  TASK_NOT_CANDIDATE: 'TASK_NOT_CANDIDATE',
  TASK_CLAIMED_BY_OTHER: 'TASK_CLAIMED_BY_OTHER',
  TASK_NOT_CLAIMED: 'TASK_NOT_CLAIMED',
  OUTCOME_INVALID: 'OUTCOME_INVALID',
  WRONG_STAGE: 'WRONG_STAGE',
  DEADLINE_PASSED: 'DEADLINE_PASSED',
  WRONG_PARTY: 'WRONG_PARTY',
  REPAIR_TOO_EARLY: 'REPAIR_TOO_EARLY',
  CASE_CLOSED: 'CASE_CLOSED',
  FORBIDDEN: 'FORBIDDEN',
} as const;
