/**
 * The moving parts every stage of a case shares: its state, the update handlers, worklist tasks with
 * reminders and escalation, institution deadlines, and "resting" so updates answer with the next stage.
 */
import {
  CancellationScope, condition, isCancellation, proxyActivities, proxyLocalActivities, setHandler, sleep, upsertSearchAttributes,
} from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { DeadlineSpan } from '../activities/case.activities';
import type { CaseWrite } from '../src/cases/case-writes';
import type { PolicyDocument } from '../src/policies/policy.types';
import * as C from './contracts';
import { waitingForText } from './labels';
import * as rules from './task-rules';

export const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Short, idempotent writes that must not wait for the activity task queue, run as local activities in the workflow
 * task that needs them: an escalation, held to a second after the due instant (issue #4), in the task its timer
 * wakes; a claim, release or reassignment in the task that took the officer's update.
 */
const local = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Workflow time: inside the workflow sandbox Date is the SDK's replay-safe clock (the task's start time), not the host's. */
export const now = (): number => Date.now();
export const untilMs = (atMs: number) => Math.max(1, atMs - now());

type Answer = C.InstitutionSubmission & { at: number };
type TransitionDetails = { reason?: string; payload?: object; actor?: C.Actor };

export class CaseRuntime {
  stage: C.CaseStage = 'REGISTERED';
  severity: C.Severity;
  policy!: PolicyDocument;
  outcome: string | null = null;
  decisionDate: string | null = null;
  repairableFrom: string | null = null;
  repairableAtMs = Infinity;
  publicityUntil: string | null = null;
  /** Counts the times the case came to rest (waiting on a person or a date). */
  rests = 0;
  readonly tasks = new Map<string, C.OpenTask>();
  private readonly outcomes = new Map<string, C.TaskOutcome>();
  readonly deadlines: Record<string, string> = {};
  private readonly dueAt = new Map<string, number>();
  institutionDeadline: (C.Deadline & { kind: C.InstitutionDeadlineKind; round: number; id: string }) | null = null;
  private answer: Answer | null = null;
  repairApplication: Answer | null = null;
  withdrawal: C.CaseCorrection | null = null;
  readonly main = new CancellationScope();
  private seq = 0;
  private queued: CaseWrite[] = [];
  private stageChanges = 0;
  private published = '';

  constructor(readonly input: C.CaseInput) {
    this.severity = input.severity;
    this.registerHandlers();
    this.registerCorrection();
  }

  snapshot = (): C.CaseSnapshot => ({
    caseNo: this.input.caseNo,
    stage: this.stage,
    severity: this.severity,
    openTasks: [...this.tasks.values()],
    waitingFor: this.waitingFor(),
    deadlines: { ...this.deadlines },
    institutionDeadline: this.institutionDeadline
      ? { kind: this.institutionDeadline.kind, dueDate: this.institutionDeadline.dueDate, round: this.institutionDeadline.round }
      : null,
    decisionDate: this.decisionDate,
    repairableFrom: this.repairableFrom,
    publicityUntil: this.publicityUntil,
    outcome: this.outcome,
  });

  moveTo(to: C.CaseStage, type: string, extra: TransitionDetails = {}) {
    this.queueTransition(to, type, extra);
    this.stage = to;
  }

  /** Queues the record of a stage change without making it yet: the final ones are made once they are written. */
  queueTransition(to: C.CaseStage, type: string, extra: TransitionDetails = {}) {
    this.queued.push({ write: 'transition', key: `${this.input.caseNo}:stage:${++this.stageChanges}`, from: this.stage, to, type, ...extra });
  }

  /** Runs the next activity with the queued writes; they stay queued if it does not complete (a withdrawal cancelled it). */
  async carrying<T>(activity: (writes: CaseWrite[]) => Promise<T>): Promise<T> {
    const writes = this.queued.splice(0);
    try {
      return await activity(writes);
    } catch (err) {
      this.queued.unshift(...writes);
      throw err;
    }
  }

  /** Writes what is queued when no activity that could carry it comes before the case rests. */
  async flush(): Promise<void> {
    if (this.queued.length) await this.carrying((writes) => acts.recordCaseWrites({ caseNo: this.input.caseNo, writes }));
  }

  /** The case waits for a person or a date: updates that waited for it answer with the snapshot. */
  rest() {
    this.publish();
    this.rests++;
  }

  /** Opens a worklist task due N working days from now, reminds and escalates on time, waits for its answer. */
  async task(kind: C.TaskKind, role: C.StaffRole, workingDays: number): Promise<C.TaskOutcome> {
    const key = `${kind}-${++this.seq}`;
    const span: DeadlineSpan = { fromMs: now(), workingDays, remindBeforeWorkingDays: this.policy.reminderBeforeDueDays };
    const task = {
      caseNo: this.input.caseNo, key, kind, stage: this.stage, candidateRole: role, candidateOffice: this.input.officeCode,
      priority: C.SEVERITY_RANK[this.severity] * 25,
    };
    const { taskId, ...d } = await this.carrying((writes) => acts.openTaskDueIn({ ...task, span, writes }));
    this.tasks.set(taskId, { taskId, kind, candidateRole: role, candidateOffice: this.input.officeCode, assigneeId: null, dueDate: d.dueDate });
    this.deadlines[key] = d.dueDate;
    this.trackDue(key, d.dueAtMs);
    const watch = this.watch(d, () => acts.remindTask({ caseNo: this.input.caseNo, taskId, kind, dueDate: d.dueDate }),
      () => local.escalateTask({ caseNo: this.input.caseNo, taskId, kind, dueDate: d.dueDate }));
    this.rest();
    await condition(() => this.outcomes.has(taskId));
    watch.cancel();
    this.trackDue(key, null);
    delete this.deadlines[key];
    return this.outcomes.get(taskId)!;
  }

  /**
   * Gives the institution until the deadline to answer; returns its answer, or null when the deadline
   * passed (the fact is recorded on the case and the caller moves the case on).
   */
  async institutionAnswer(kind: C.InstitutionDeadlineKind, round: number, span: { workingDays?: number; calendarDays?: number; fromMs?: number }) {
    const due: DeadlineSpan = { fromMs: span.fromMs ?? now(), ...span, remindBeforeWorkingDays: this.policy.reminderBeforeDueDays };
    const key = `${kind}-${round}`;
    const deadline = { caseNo: this.input.caseNo, uscc: this.input.uscc, key, kind, round };
    const { deadlineId, ...d } = await this.carrying((writes) => acts.openInstitutionDeadlineDueIn({ ...deadline, span: due, writes }));
    this.institutionDeadline = { ...d, kind, round, id: deadlineId };
    this.trackDue(key, d.dueAtMs);
    const watch = this.watch(d, () => acts.remindInstitution({ caseNo: this.input.caseNo, uscc: this.input.uscc, deadlineId, kind, dueDate: d.dueDate }));
    this.answer = null;
    this.rest();
    await condition(() => this.answer !== null, untilMs(d.dueAtMs));
    watch.cancel();
    this.trackDue(key, null);
    this.institutionDeadline = null;
    // an answer the validator let in before the deadline counts, even if the deadline's timer fired in the same task
    const answer = this.takeAnswer();
    if (answer === null) this.queued.push({ write: 'deadline-missed', deadlineId, kind, dueDate: d.dueDate });
    return answer;
  }

  /** Read through a method: TypeScript would keep `answer` narrowed to the null set before the wait. */
  private takeAnswer(): Answer | null {
    return this.answer;
  }

  /** Runs the reminder and the escalation of one deadline in the background until cancelled. */
  private watch(d: C.Deadline, remind: () => Promise<void>, escalate?: () => Promise<void>): CancellationScope {
    const scope = new CancellationScope();
    scope.run(async () => {
      if (d.remindAtMs > now()) {
        await sleep(untilMs(d.remindAtMs));
        await remind();
      }
      if (escalate) {
        await sleep(untilMs(d.dueAtMs));
        await escalate();
      }
    }).catch((err) => {
      if (!isCancellation(err)) throw err;
    });
    return scope;
  }

  private trackDue(key: string, atMs: number | null) {
    if (atMs === null) this.dueAt.delete(key);
    else this.dueAt.set(key, atMs);
  }

  /** Keeps the search attributes operations use to find cases (stage, next due date…) current. */
  publish() {
    const next = Math.min(...this.dueAt.values());
    const attributes = [
      { key: C.SA.caseNo, value: this.input.caseNo },
      { key: C.SA.uscc, value: this.input.uscc },
      { key: C.SA.stage, value: this.stage },
      { key: C.SA.severity, value: this.severity },
      { key: C.SA.office, value: this.input.officeCode ?? '' },
      { key: C.SA.nextDueAt, value: Number.isFinite(next) ? new Date(next) : null },
    ];
    const values = JSON.stringify(attributes.map((a) => a.value));
    if (values === this.published) return;
    this.published = values;
    upsertSearchAttributes(attributes);
  }

  private waitingFor(): string {
    return waitingForText({
      stage: this.stage, openTaskKinds: [...this.tasks.values()].map((t) => t.kind), institutionDeadline: this.institutionDeadline,
      repairableFrom: this.repairableFrom, publicityUntil: this.publicityUntil,
    });
  }

  /**
   * Notes who holds a task once the claim's activity is done. A completion accepted meanwhile has removed the task:
   * nothing to note then (a missing task here used to fail the workflow task and stall the case).
   */
  private assign(taskId: string, assigneeId: string | null) {
    const task = this.tasks.get(taskId);
    if (task) task.assigneeId = assigneeId;
  }

  private registerHandlers() {
    const caseNo = this.input.caseNo;
    const settle = async <T>(work: () => Promise<T>) => {
      const before = this.rests;
      await work();
      await condition(() => this.rests > before || this.stage === 'CLOSED' || this.stage === 'WITHDRAWN');
      return this.snapshot();
    };
    setHandler(C.caseStateQuery, this.snapshot);
    setHandler(C.awaitRegistrationUpdate, async () => {
      await condition(() => this.rests > 0 || this.stage === 'CLOSED' || this.stage === 'WITHDRAWN');
      return this.snapshot();
    });
    setHandler(C.claimTaskUpdate, async ({ taskId, actor }) => {
      await local.claimTask({ caseNo, taskId, actor });
      this.assign(taskId, actor.id);
      return this.snapshot();
    }, { validator: ({ taskId, actor }) => rules.assertClaimable(rules.findTask(this.tasks, taskId), actor) });
    setHandler(C.unclaimTaskUpdate, async ({ taskId, actor }) => {
      await local.unclaimTask({ caseNo, taskId, actor });
      this.assign(taskId, null);
      return this.snapshot();
    }, { validator: ({ taskId, actor }) => rules.assertAssignee(rules.findTask(this.tasks, taskId), actor) });
    setHandler(C.reassignTaskUpdate, async ({ taskId, actor, to }) => {
      await local.reassignTask({ caseNo, taskId, actor, to });
      this.assign(taskId, to.id);
      return this.snapshot();
    }, { validator: ({ taskId, actor, to }) => rules.assertReassignable(rules.findTask(this.tasks, taskId), actor, to) });
    setHandler(C.completeTaskUpdate, ({ taskId, actor, outcome }) => settle(async () => {
      // Remove first: a second completion racing this one fails validation instead of running twice.
      this.tasks.delete(taskId);
      this.queued.push({ write: 'task-completed', key: `${caseNo}:completed:${taskId}`, taskId, actor, outcome });
      this.outcomes.set(taskId, outcome);
    }), {
      validator: ({ taskId, actor, outcome }) => {
        const task = rules.findTask(this.tasks, taskId);
        rules.assertAssignee(task, actor);
        rules.assertOutcome(task, outcome);
      },
    });
    const answerHandler = (kind: C.InstitutionDeadlineKind) => (s: C.InstitutionSubmission) => settle(async () => {
      const d = this.institutionDeadline!;
      this.institutionDeadline = null; // a second submission racing this one is refused by the validator
      this.queued.push({ write: 'answered', key: `${caseNo}:answer:${d.id}`, kind, round: d.round, deadlineId: d.id, actor: s.actor, text: s.text, fileIds: s.fileIds });
      this.answer = { ...s, at: now() };
    });
    const answerValidator = (kind: C.InstitutionDeadlineKind) => (s: C.InstitutionSubmission) => {
      rules.assertInstitution(s.actor, this.input.uscc);
      const d = this.institutionDeadline;
      if (!d || d.kind !== kind) rules.reject(C.RejectCode.WRONG_STAGE, kind === 'objection' ? '当前不在异议期内' : '当前无需提交整改报告');
      if (now() > d!.dueAtMs) rules.reject(C.RejectCode.DEADLINE_PASSED, `提交期限已于 ${d!.dueDate} 届满`);
      if (!s.text?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写说明');
    };
    setHandler(C.submitObjectionUpdate, answerHandler('objection'), { validator: answerValidator('objection') });
    setHandler(C.submitRectificationUpdate, answerHandler('rectification'), { validator: answerValidator('rectification') });
    setHandler(C.applyRepairUpdate, (s) => settle(async () => {
      await acts.recordSubmission({ caseNo, kind: 'repair', round: 0, deadlineId: null, ...s });
      this.repairApplication = { ...s, at: now() };
    }), {
      validator: (s) => {
        rules.assertInstitution(s.actor, this.input.uscc);
        if (this.stage !== 'PUBLICITY' || this.repairApplication) rules.reject(C.RejectCode.WRONG_STAGE, '当前不能申请信用修复');
        if (now() < this.repairableAtMs) rules.reject(C.RejectCode.REPAIR_TOO_EARLY, `最短公示期未满，${this.repairableFrom} 起方可申请信用修复`);
        if (!s.routes?.length) rules.reject(C.RejectCode.OUTCOME_INVALID, '请选择至少一种信用修复方式');
        if (!s.text?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写信用修复承诺');
      },
    });
    setHandler(C.withdrawCaseUpdate, (w) => settle(async () => {
      this.withdrawal = w;
      this.main.cancel();
    }), {
      validator: (w) => {
        rules.assertApproverOf(w.actor, this.input.officeCode);
        if (this.stage === 'CLOSED' || this.stage === 'WITHDRAWN' || this.withdrawal) rules.reject(C.RejectCode.CASE_CLOSED, '案件已办结，不能撤销');
        if (!w.reason?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写撤销理由');
      },
    });
  }

  private registerCorrection() {
    setHandler(C.correctCaseUpdate, async (w) => {
      await acts.recordTransition({
        caseNo: this.input.caseNo, from: this.stage, to: this.stage, type: 'CASE_CORRECTED', reason: w.reason, actor: w.actor,
        payload: { severityFrom: this.severity, severity: w.severity },
      });
      if (w.severity) this.severity = w.severity;
      this.publish();
      return this.snapshot();
    }, {
      validator: (w) => {
        rules.assertApproverOf(w.actor, this.input.officeCode);
        if (this.decisionDate || this.stage === 'CLOSED' || this.stage === 'WITHDRAWN') {
          rules.reject(C.RejectCode.WRONG_STAGE, '已作出认定决定的案件不能直接更正，请撤销后重新登记');
        }
        if (!w.reason?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写更正理由');
        if (w.severity && !C.SEVERITIES.includes(w.severity)) rules.reject(C.RejectCode.OUTCOME_INVALID, '失信程度只能是轻微、一般或严重');
      },
    });
  }

  /** Consumes the repair application so a refused one can be followed by a new one. */
  takeRepairApplication(): Answer | null {
    const a = this.repairApplication;
    this.repairApplication = null;
    return a;
  }
}
