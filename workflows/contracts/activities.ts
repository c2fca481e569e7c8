/**
 * What the workflow sends its activities and what they answer: the other half of `activities/case.activities.ts`,
 * kept here so the workflow, the activities and the services behind them agree on one set of types.
 */
import type { Actor, CaseStage, Deadline, InstitutionDeadlineKind, Severity, StaffRole, TaskKind } from './case';
import type { CaseEventType, CloseOutcome } from './events';
import type { CaseWrite, TransitionDetails } from './writes';

/** When something falls due: N working days, or N calendar days moved to the next working day, after `fromMs`. */
export interface DeadlineSpan {
  fromMs: number;
  /**
   * The day the period starts after, when it is not the day of `fromMs`: the service day of the document that set it
   * (every period owed by the institution runs from the day after service, brief §7; 民法典 art. 201).
   */
  fromDate?: string;
  workingDays?: number;
  calendarDays?: number;
  remindBeforeWorkingDays: number;
}

/**
 * The figures of the pinned policy version the workflow waits by (working days unless named otherwise); the full
 * `PolicyDocument` (src/policies/policy.types.ts) has these and more.
 */
export interface CasePolicy {
  investigationDays: number;
  approvalDays: number;
  objectionDays: number;
  objectionReviewDays: number;
  /** Officer's time to verify a rectification report. */
  rectificationReviewDays: number;
  /** Officer's time to schedule an interview, and to record it once held. */
  interviewScheduleDays: number;
  interviewRecordDays: number;
  reminderInterviewDays: number;
  warningInterviewDays: number;
  repairAcceptanceDays: number;
  repairDecisionDays: number;
  reminderBeforeDueDays: number;
}

/** Writes queued in the workflow, carried into the activity's own transaction. */
export interface Carried {
  writes: CaseWrite[];
}

export interface OpenTaskInput extends Carried {
  caseNo: string; key: string; kind: TaskKind; stage: CaseStage; candidateRole: StaffRole; candidateOffice: string | null;
  priority: number; span: DeadlineSpan;
}
export type OpenedTask = { taskId: string } & Deadline;

export interface OpenInstitutionDeadlineInput extends Carried {
  caseNo: string; uscc: string; key: string; kind: InstitutionDeadlineKind; round: number; span: DeadlineSpan;
  /** The document that set the deadline, named in the institution's notification with its service day. */
  setBy?: { docNo: string; title: string; servedOn: string };
}
export type OpenedInstitutionDeadline = { deadlineId: string } & Deadline;
/**
 * `notBefore`: the date the institution was told (it is never shortened); `atMs`: when the year was published (the
 * workflow's now), from which a date already past is extended (docs/case-lifecycle.md, provisional deadlines).
 */
export interface RecomputeInstitutionDeadlineInput {
  caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; span: DeadlineSpan; notBefore: string; atMs: number;
}

/** A deadline's end the case heard no answer to (runtime/institution-deadlines.ts `lapse`). */
export interface LapseInstitutionDeadlineInput extends Carried { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string }
/** The answer the portal committed to a deadline, with who gave it and when it was accepted. */
export interface RecordedAnswer { actor: Actor; text: string; fileIds: string[]; atMs: number }

export interface TaskChangeInput { caseNo: string; taskId: string; actor: Actor; to?: Actor }
export interface TaskDueInput { caseNo: string; taskId: string; kind: TaskKind; dueDate: string }
export interface TransitionInput extends TransitionDetails { caseNo: string; from: CaseStage; to: CaseStage; type: CaseEventType }
export interface InstitutionReminderInput { caseNo: string; uscc: string; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string }
export interface SubmissionInput {
  caseNo: string; kind: InstitutionDeadlineKind | 'repair'; round: number; deadlineId: string | null; actor: Actor; text: string;
  fileIds: string[]; routes?: string[];
}

/**
 * 行政处罚法 art. 37 (从旧兼从轻) at the determination: the pinned version, or a lighter one in force on the day of
 * `fromMs` (src/policies/policy-resolver.ts `forDetermination`). `reason` goes into the case's POLICY_APPLIED event.
 */
export interface DeterminationPolicyInput { caseNo: string; pinnedVersion: number; severity: Severity; fromMs: number }
export interface AppliedPolicy { version: number; pinnedVersion: number; lighter: boolean; reason: string }

export interface DetermineInput extends Carried { caseNo: string; uscc: string; severity: Severity; fromMs: number; policyVersion: number }
/** The decision date and the publicity window it opens, as dates and as the instants the workflow waits for. */
export interface Determination {
  /** publicityUntil: null for a record that is not published (轻微); effectiveUntil: the class's maximum, when the case ends. */
  decisionDate: string; repairableFrom: string; publicityUntil: string | null; effectiveUntil: string;
  decisionAtMs: number; repairableAtMs: number; publicityEndsAtMs: number;
}

export type InterviewKind = 'reminder' | 'warning';
export interface ScheduleInterviewInput { caseNo: string; uscc: string; kind: InterviewKind; round: number; scheduledAt: string; place: string; attendees: string[] }
export interface RecordInterviewInput { caseNo: string; interviewId: string; kind: InterviewKind; minutes: string; attendees: string[]; outcome: string; fromMs: number }
export type SanctionReason = 'serious';
/**
 * Joint sanction on a list entry: `measures` are ids of the measures catalogue (全国失信惩戒措施基础清单) the approver
 * confirmed — some or none; the activity refuses any other. `listUntil` is the list entry's last day: the measures'
 * term (and the record's publicity window).
 */
export interface ConfirmSanctionInput {
  caseNo: string; uscc: string; fromMs: number; measures: string[]; reason: string; listUntil: string;
}
/** The departments that apply the confirmed measures, each with the measures (and their basis) it is asked to apply. */
export interface ConfirmedSanction { letters: Array<{ department: string; measures: string[] }> }
/**
 * The head's decision to list (国办发〔2020〕49号), once served: the entry is a credit measure of the determination from
 * `listedOn` (the day the 列入决定书 was served) to `listUntil` (the term the decision names: ListTerm).
 */
export interface EnterListInput { caseNo: string; listedOn: string; listUntil: string; basis: string; decidedBy: string }
/** The term a listing decision names, computed before it is issued (nothing written). */
export interface ListTerm { listUntil: string }
export interface ListEntry { listedOn: string; listUntil: string }
/** 拒不整改: the case a failed rectification opens (catalogue item EDU-010), started as a case of its own. */
export interface RefusalCaseInput { caseNo: string; registeredBy: Actor }
export interface RepairInput { caseNo: string; uscc: string; routes: string[]; reason: string; fromMs: number; actorId?: string | null }
export interface EndPublicationInput { caseNo: string; uscc: string; fromMs: number }
export interface CloseCaseInput extends Carried { caseNo: string; outcome: CloseOutcome }
export interface WithdrawCaseInput extends Carried { caseNo: string; actor: Actor; reason: string; fromMs: number }
export interface CloseRevokedCaseInput extends Carried { caseNo: string }

/**
 * Failure types an activity raises as non-retryable: a business fact a retry cannot change. The workflow records the
 * case as blocked with the message and waits for `resumeCase` (someone fixed the cause).
 */
export const BlockingFailure = {
  CALENDAR_YEAR_UNKNOWN: 'CALENDAR_YEAR_UNKNOWN',
  POLICY_NOT_FOUND: 'POLICY_NOT_FOUND',
  /** Retries ran out on a failure that looked temporary (the database down for long): an operator should look. */
  RETRIES_EXHAUSTED: 'RETRIES_EXHAUSTED',
} as const;

export interface BlockInput extends Carried { caseNo: string; stage: CaseStage; code: string; reason: string; atMs: number }
export interface ResumeInput { caseNo: string; stage: CaseStage; actor: Actor | null; note?: string }
