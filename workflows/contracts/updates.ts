/** What people send the case (updates), what they ask it (the query), and how operations find cases (search attributes). */
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, CaseSnapshot, Severity, TaskOutcome } from './case';
import type { DocumentServed } from './documents';

export interface TaskActionInput {
  taskId: string;
  actor: Actor;
}
export interface CompleteTaskInput extends TaskActionInput {
  outcome: TaskOutcome;
  /**
   * Who holds the task as the worklist read it under its lock (issue #20): the validator takes it if it is newer
   * than what the case has heard, so a completion right after a claim needs no signal (and no workflow task) first.
   */
  holder?: TaskHolderChange;
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
/** 陈述申辩 against a proposed listing on the serious-dishonesty list. */
export const submitStatementUpdate = defineUpdate<CaseSnapshot, [InstitutionSubmission]>('submitStatement');
export const applyRepairUpdate = defineUpdate<CaseSnapshot, [InstitutionSubmission]>('applyRepair');
export const withdrawCaseUpdate = defineUpdate<CaseSnapshot, [CaseCorrection]>('withdrawCase');
export const correctCaseUpdate = defineUpdate<CaseSnapshot, [CaseCorrection]>('correctCase');

/**
 * A task changed hands in the worklist (issue #20): the API claimed, released or reassigned it in PostgreSQL, the
 * one place a holder is decided, and tells the case afterwards, so the completion validator knows who holds it.
 * `version` is the task row's version after the change: a late signal never undoes a newer one.
 */
export interface TaskHolderChange {
  taskId: string;
  assigneeId: string | null;
  version: number;
}
export const taskHolderSignal = defineSignal<[TaskHolderChange]>('taskHolder');

/**
 * A task was completed in the worklist (issue #20): the API checked the case's own rules (workflows/task-rules.ts)
 * against the task's row and the case's earlier completions under the task's lock, wrote the completion, and tells
 * the case. The case takes it without a second say: it was accepted where the holder is decided, and a person who
 * was told "done" must never learn later that the case refused it. A signal is in the case's history once sent, so
 * the answer waits for no worker: the case's next steps follow within its next workflow task.
 */
export interface TaskCompleted {
  taskId: string;
  actor: Actor;
  outcome: TaskOutcome;
}
export const taskCompletedSignal = defineSignal<[TaskCompleted]>('taskCompleted');

/**
 * The institution answered a deadline in the portal, accepted in PostgreSQL (issue #20): the API closed the open
 * deadline row as answered and wrote the submission (src/portal/portal.service.ts), and tells the case, which takes
 * it as told. `atMs` is when it was received: the date the 异议 or report was received, on the documents that
 * answer it.
 */
export interface InstitutionAnswered extends InstitutionSubmission {
  deadlineId: string;
  atMs: number;
}
export const institutionAnsweredSignal = defineSignal<[InstitutionAnswered]>('institutionAnswered');

/** Someone fixed what blocked the case (published the calendar year, the policy…): retry the step that failed. */
export interface CaseResume {
  actor: Actor;
  note?: string;
}
export const resumeCaseSignal = defineSignal<[CaseResume]>('resumeCase');

/**
 * A calendar year was published: a provisional deadline (computed without that year's 调休, issue #21) is computed
 * again, and moved if the published schedule moves it. Sent by the API to every case with one open.
 */
export interface CalendarPublished {
  year: number;
}
export const calendarPublishedSignal = defineSignal<[CalendarPublished]>('calendarPublished');

/**
 * A 行政复议 or 行政诉讼 revoked a decision of the case (src/remedies, after the approver's decision committed): its
 * effects are already ended and its public information withdrawn there; the case stops its open work and closes.
 */
export interface DecisionRevoked {
  actor: Actor;
  remedyId: string;
  /** 复议机关 or court, its case number and the reason published with the withdrawal. */
  body: string;
  remedyCaseNo: string;
  reason: string;
}
export const decisionRevokedSignal = defineSignal<[DecisionRevoked]>('decisionRevoked');

/** A document of the case was served on paper (送达): the deadline it sets runs from the day after `servedOn`. */
export const documentServedSignal = defineSignal<[DocumentServed]>('documentServed');

/** Search attributes: `temporal workflow list --query "CaseStage='RECTIFICATION' AND NextDueAt < '2026-12-01T00:00:00Z'"`. */
export const SA = {
  caseNo: defineSearchAttributeKey('CaseNo', 'KEYWORD'),
  uscc: defineSearchAttributeKey('CaseUscc', 'KEYWORD'),
  stage: defineSearchAttributeKey('CaseStage', 'KEYWORD'),
  severity: defineSearchAttributeKey('CaseSeverity', 'KEYWORD'),
  office: defineSearchAttributeKey('CaseOffice', 'KEYWORD'),
  nextDueAt: defineSearchAttributeKey('NextDueAt', 'DATETIME'),
  /** Set while the case is blocked (the failure's type, e.g. CALENDAR_YEAR_UNKNOWN), empty otherwise. */
  blocked: defineSearchAttributeKey('CaseBlocked', 'KEYWORD'),
  /** The workflow version that started the case (WORKFLOW_VERSION): counts cases still on an old one. */
  version: defineSearchAttributeKey('CaseWorkflowVersion', 'KEYWORD'),
} as const;

/**
 * The version of the case workflow a new case starts on, kept in the `CaseWorkflowVersion` search attribute
 * (docs/workflow-versions.md). Bump it with each patched() change after release 1.0.0.
 */
export const WORKFLOW_VERSION = 'pre-1.0';

/** Machine codes of update rejections; the API maps them to HTTP statuses. */
export const RejectCode = {
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  TASK_NOT_CANDIDATE: 'TASK_NOT_CANDIDATE',
  TASK_CLAIMED_BY_OTHER: 'TASK_CLAIMED_BY_OTHER',
  TASK_NOT_CLAIMED: 'TASK_NOT_CLAIMED',
  OUTCOME_INVALID: 'OUTCOME_INVALID',
  WRONG_STAGE: 'WRONG_STAGE',
  DEADLINE_PASSED: 'DEADLINE_PASSED',
  /** An answer to a deadline already answered (a resend, a second click). */
  ALREADY_SUBMITTED: 'ALREADY_SUBMITTED',
  WRONG_PARTY: 'WRONG_PARTY',
  REPAIR_TOO_EARLY: 'REPAIR_TOO_EARLY',
  CASE_CLOSED: 'CASE_CLOSED',
  FORBIDDEN: 'FORBIDDEN',
  /** Four eyes: who proposed a decision may not review or take it. */
  SAME_PERSON: 'SAME_PERSON',
  /** A joint-sanction measure that is not a catalogue id (全国失信惩戒措施基础清单). */
  MEASURE_NOT_IN_CATALOGUE: 'MEASURE_NOT_IN_CATALOGUE',
} as const;
