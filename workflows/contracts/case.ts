/** The case itself as the workflow and the API see it: parties, stages, tasks, deadlines, its snapshot. */

export type Severity = 'minor' | 'general' | 'serious';
export const SEVERITIES: Severity[] = ['minor', 'general', 'serious'];
export const SEVERITY_RANK: Record<Severity, number> = { minor: 1, general: 2, serious: 3 };

export const CASE_STAGES = [
  'REGISTERED', 'INVESTIGATION', 'APPROVAL', 'OBJECTION_WINDOW', 'OBJECTION_REVIEW', 'SERIOUS_LIST', 'JOINT_SANCTION',
  'RECTIFICATION', 'RECTIFICATION_REVIEW', 'REMINDER_INTERVIEW', 'WARNING_INTERVIEW', 'PUBLICITY', 'REPAIR_REVIEW',
  'CLOSED', 'WITHDRAWN',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** `legal` (法制审核) and `head` (局负责人) act bureau-wide on the serious-dishonesty list decision (issue #17). */
export type StaffRole = 'officer' | 'approver' | 'legal' | 'head';

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
  'schedule-interview', 'record-interview', 'confirm-sanction', 'accept-repair', 'decide-repair', 'serve-document',
  // 严重失信主体名单 (国办发〔2020〕49号): the officer proposes, the legal reviewer checks, the head decides
  'propose-listing', 'review-listing', 'decide-listing',
  // interviews by choice (issue #17): the officer proposes 提示性/警示性约谈 or none, the approver agrees
  'propose-interview', 'approve-interview',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface OpenTask {
  taskId: string;
  kind: TaskKind;
  candidateRole: StaffRole;
  candidateOffice: string | null;
  assigneeId: string | null;
  dueDate: string;
  /** The task row's version the holder was learnt at (taskHolderSignal); absent until the first change. */
  version?: number;
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
  /** The legal basis of a proposal to list the institution on the serious-dishonesty list. */
  basis?: string;
  /** The interview the officer proposes after a missed or failed rectification: 提示性, 警示性 or none. */
  interviewKind?: InterviewChoice;
  /** Why no interview is proposed (required with `interviewKind: 'none'`). */
  reason?: string;
}

/** 提示性约谈 or 警示性约谈 (the plan says "or"), or none with a reason. */
export const INTERVIEW_CHOICES = ['reminder', 'warning', 'none'] as const;
export type InterviewChoice = (typeof INTERVIEW_CHOICES)[number];

/** `statement`: 陈述申辩 against a proposed listing on the serious-dishonesty list. */
export type InstitutionDeadlineKind = 'objection' | 'rectification' | 'statement';

export interface Deadline {
  dueDate: string;
  dueAtMs: number;
  remindDate: string;
  remindAtMs: number;
  /** Computed in a year the administrator has not published: statutory holidays only, shown as 暂定 (issue #21). */
  provisional?: boolean;
}

export interface CaseSnapshot {
  caseNo: string;
  stage: CaseStage;
  severity: Severity;
  openTasks: OpenTask[];
  /** A Chinese description of what the case is waiting for right now. */
  waitingFor: string;
  deadlines: Record<string, string>;
  institutionDeadline: { kind: InstitutionDeadlineKind; dueDate: string; round: number; provisional: boolean } | null;
  decisionDate: string | null;
  repairableFrom: string | null;
  publicityUntil: string | null;
  outcome: string | null;
  /** Why the case cannot go on (a step failed for good), until someone fixes the cause and resumes it. */
  blockedReason: string | null;
}
