export const ROLES = ['officer', 'approver', 'manager', 'institution', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Severity = 'minor' | 'general' | 'serious';

export interface Me {
  id: string;
  username: string;
  role: Role;
  officeCode: string | null;
  uscc: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Task {
  id: string;
  caseNo: string;
  kind: string;
  stage: string;
  status: 'open' | 'claimed' | 'completed' | 'cancelled';
  candidateRole: string;
  candidateOffice: string | null;
  assigneeId: string | null;
  dueDate: string;
  overdue: boolean;
  followUpDate?: string | null;
  priority?: number;
  uscc?: string;
  institutionName?: string;
  severity?: Severity;
  createdAt?: string;
}

export interface CaseEvent {
  type: string;
  from: string | null;
  to: string | null;
  actorId?: string | null;
  actorRole: string | null;
  reason: string | null;
  payload: Record<string, unknown> | null;
  occurredAt: string;
}

export interface InstitutionDeadline {
  kind: string;
  dueDate: string;
  status: string;
  workingDaysLeft?: number | null;
}

export interface Interview {
  id?: string;
  kind?: 'reminder' | 'warning' | string;
  round?: number;
  scheduledAt?: string;
  place?: string;
  plannedAttendees?: string[];
  attendees?: string[] | null;
  minutes?: string | null;
  heldAt?: string | null;
  status?: string;
}

export interface CaseView {
  caseNo: string;
  uscc: string;
  institutionName: string;
  behaviourCode?: string;
  stage: string;
  severity: Severity;
  facts: string;
  source?: string;
  officeCode?: string | null;
  registeredAt?: string;
  decisionDate?: string | null;
  dueDates: { kind: string; dueDate: string }[];
  tasks: Task[];
  history: CaseEvent[];
  waitingFor?: string | null;
  stageLabel?: string;
  repairableFrom?: string | null;
  publicityUntil?: string | null;
  institutionDeadlines?: InstitutionDeadline[];
  interviews?: Interview[];
}

export interface CatalogueItem {
  code: string;
  description: string;
  severity: Severity;
  [k: string]: unknown;
}

export interface PortalDeadline {
  caseNo: string;
  kind: 'objection' | 'rectification' | string;
  dueDate: string;
  workingDaysLeft?: number;
  status: string;
}

export interface CreditRecord {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  decisionDate: string;
  severity: Severity | null;
  publicityFrom: string | null;
  publicityUntil: string | null;
  status?: string;
  statusLabel?: string;
  payload?: Record<string, unknown>;
  content?: Record<string, unknown>;
  caseNo?: string | null;
  institutionName?: string;
  uscc?: string;
}

/** A grading rule that held the grade below what the score alone earns (docs/credit-grading.md). */
export interface GradeCap {
  rule: string;
  grade: string;
  title: string;
  because: string;
  source: string;
  refs: string[];
}

export interface Evaluation {
  uscc: string;
  asOf: string;
  policyVersion: number;
  score: number;
  /** The grade the score alone would earn. */
  scoreGrade: string;
  grade: string;
  caps: GradeCap[];
  base: number;
  deductions: number;
  bonuses: number;
  contributions: { recordId: string; kind: string; title: string; decisionDate: string; severity: string | null; points: number }[];
}

export interface InboxItem {
  id: string;
  title: string;
  body?: string;
  createdAt: string;
  readAt?: string | null;
  caseNo?: string | null;
  [k: string]: unknown;
}

export interface UploadedFile {
  id: string;
  sha256: string;
  size: number;
  name: string;
}
