/**
 * The state of one case and the parts every stage shares. The lifecycle (dishonesty-case.workflow.ts) reads top
 * to bottom; what it calls lives in runtime/:
 *   handlers.ts               the update handlers (officers' and the institution's actions) and the query
 *   human-tasks.ts            worklist tasks: open with a due date, remind, escalate, wait for the outcome
 *   institution-deadlines.ts  the institution's deadlines (objection, rectification): open, remind, answered or missed
 *   timers.ts                 the reminder and escalation timers of one deadline
 *   write-queue.ts            writes queued in the workflow and carried by the next activity
 *   search-attributes.ts      what operations find cases by
 *   blocking.ts               a step that failed for good: blocked with its reason until resumed
 *
 * Glossary:
 *   rest      the case waits for a person or a date (a task, a deadline, publicity). Updates that moved the case on
 *             answer when it next rests, with the new stage and task in the snapshot; search attributes go out then.
 *   settle    what such an update does: record the action, then wait for the next rest (handlers.ts).
 *   carrying  an activity that also applies the queued writes in its own transaction (write-queue.ts).
 *   flush     carry the queued writes with an activity of their own when no other comes before the next rest.
 *   blocked   a step failed in a way no retry fixes (a calendar year not published, a policy missing); the case
 *             is recorded as blocked with the reason and waits for the `resumeCase` signal, then tries again.
 */
import { CancellationScope } from '@temporalio/workflow';
import * as C from './contracts';
import { waitingForText } from './labels';
import { unblocked, type Blocked } from './runtime/blocking';
import { registerUpdateHandlers } from './runtime/handlers';
import { humanTask } from './runtime/human-tasks';
import { institutionAnswer, type Answer, type OpenInstitutionDeadline } from './runtime/institution-deadlines';
import { acts } from './runtime/proxies';
import { CaseSearchAttributes } from './runtime/search-attributes';
import { WriteQueue } from './runtime/write-queue';

export { acts } from './runtime/proxies';
export { now, untilMs } from './runtime/proxies';

export class CaseRuntime {
  stage: C.CaseStage = 'REGISTERED';
  severity: C.Severity;
  policy!: C.CasePolicy;
  outcome: string | null = null;
  decisionDate: string | null = null;
  repairableFrom: string | null = null;
  repairableAtMs = Infinity;
  publicityUntil: string | null = null;
  /** Counts the times the case came to rest. */
  rests = 0;
  taskSeq = 0;
  readonly tasks = new Map<string, C.OpenTask>();
  readonly outcomes = new Map<string, C.TaskOutcome>();
  /**
   * Holders the worklist reported for a task the case has not noted yet (issue #20): its row is in PostgreSQL as
   * soon as the opening activity commits, so a claim and its signal can come before the activity's result.
   */
  readonly earlyHolders = new Map<string, C.TaskHolderChange>();
  /** Completions the worklist accepted for a task the case has not noted yet (taskCompletedSignal), kept until it is. */
  readonly earlyCompletions = new Map<string, C.TaskCompleted>();
  /** Answers the portal accepted for a deadline the case has not noted yet (institutionAnsweredSignal), by deadline id. */
  readonly earlyAnswers = new Map<string, C.InstitutionAnswered>();
  /** Deadlines the institution has answered: a signal told twice finds its deadline here, not among the early ones. */
  readonly answeredDeadlines = new Set<string>();
  /** Due dates of the open tasks, by task key. */
  readonly deadlines: Record<string, string> = {};
  institutionDeadline: OpenInstitutionDeadline | null = null;
  answer: Answer | null = null;
  repairApplication: Answer | null = null;
  withdrawal: C.CaseCorrection | null = null;
  /** A 行政复议 or 行政诉讼 revoked the case's decision (decisionRevokedSignal): like a withdrawal, it cancels `main`. */
  revocation: C.DecisionRevoked | null = null;
  blocked: Blocked | null = null;
  /** calendarPublished signals received while a provisional deadline was open: each one recomputes it. */
  calendarPublications = 0;
  readonly resumeRequests: C.CaseResume[] = [];
  /** Documents served on paper, by document id (the documentServed signal), and the officer's task for each. */
  readonly served = new Map<string, C.DocumentServed>();
  readonly serviceTasks = new Map<string, string>();
  /** Who completed the last task of each kind (the drafter of the determination's public text, for one). */
  readonly completedBy = new Map<C.TaskKind, C.Actor>();
  /** The decision of the last task of each kind (the legal review binds the listing decision: task-rules.ts). */
  readonly decidedAs = new Map<C.TaskKind, string | undefined>();
  /** The lifecycle runs in this scope: a withdrawal cancels it. */
  readonly main = new CancellationScope();
  readonly writes: WriteQueue;
  readonly attributes: CaseSearchAttributes;

  constructor(readonly input: C.CaseInput) {
    this.severity = input.severity;
    this.writes = new WriteQueue(input.caseNo);
    this.attributes = new CaseSearchAttributes(input);
    registerUpdateHandlers(this);
  }

  snapshot = (): C.CaseSnapshot => ({
    caseNo: this.input.caseNo,
    stage: this.stage,
    severity: this.severity,
    openTasks: [...this.tasks.values()],
    waitingFor: this.waitingFor(),
    deadlines: { ...this.deadlines },
    institutionDeadline: this.institutionDeadline
      ? {
        kind: this.institutionDeadline.kind, dueDate: this.institutionDeadline.dueDate, round: this.institutionDeadline.round,
        provisional: this.institutionDeadline.provisional ?? false,
      }
      : null,
    decisionDate: this.decisionDate,
    repairableFrom: this.repairableFrom,
    publicityUntil: this.publicityUntil,
    outcome: this.outcome,
    blockedReason: this.blocked?.reason ?? null,
  });

  /** Moves the case to a stage; the record of it is queued and written by the next activity. */
  moveTo(to: C.CaseStage, type: C.CaseEventType, extra: C.TransitionDetails = {}): void {
    this.writes.transition(this.stage, to, type, extra);
    this.stage = to;
  }

  /** Runs the next activity with the queued writes; blocked until resumed if it fails for good. */
  carrying<T>(activity: (writes: C.CaseWrite[]) => Promise<T>): Promise<T> {
    return unblocked(this, () => this.writes.carrying(activity));
  }

  /** Runs an activity that carries no writes, blocked until resumed if it fails for good. */
  step<T>(activity: () => Promise<T>): Promise<T> {
    return unblocked(this, activity);
  }

  /** Writes what is queued when no activity that could carry it comes before the case rests. */
  async flush(): Promise<void> {
    if (this.writes.pending) await this.carrying((writes) => acts.recordCaseWrites({ caseNo: this.input.caseNo, writes }));
  }

  /** The case waits for a person or a date: updates that waited for it answer with the snapshot. */
  rest(): void {
    this.publish();
    this.rests++;
  }

  publish(): void {
    this.attributes.publish({ stage: this.stage, severity: this.severity, blockedCode: this.blocked?.code ?? null });
  }

  task(kind: C.TaskKind, role: C.StaffRole, workingDays: number): Promise<C.TaskOutcome> {
    return humanTask(this, kind, role, workingDays);
  }

  institutionAnswer(
    kind: C.InstitutionDeadlineKind, round: number, span: { workingDays?: number; calendarDays?: number; fromMs?: number; fromDate?: string },
    setBy?: C.OpenInstitutionDeadlineInput['setBy'],
  ) {
    return institutionAnswer(this, kind, round, span, setBy);
  }

  /** Read through a method: TypeScript would keep `answer` narrowed to the null set before a wait. */
  takeAnswer(): Answer | null {
    return this.answer;
  }

  /** Consumes the repair application so a refused one can be followed by a new one. */
  takeRepairApplication(): Answer | null {
    const a = this.repairApplication;
    this.repairApplication = null;
    return a;
  }

  private waitingFor(): string {
    return waitingForText({
      stage: this.stage, openTaskKinds: [...this.tasks.values()].map((t) => t.kind), institutionDeadline: this.institutionDeadline,
      repairableFrom: this.repairableFrom, publicityUntil: this.publicityUntil,
    });
  }
}
