import { Context } from '@temporalio/activity';
import type { EntityManager } from 'typeorm';
import type { CalendarService } from '../src/calendar/calendar.service';
import type { BlockedCasesService } from '../src/cases/blocked-cases.service';
import type { CaseDeadlinesService } from '../src/cases/case-deadlines.service';
import type { CaseLifecycleService } from '../src/cases/case-lifecycle.service';
import type { CaseProgressService } from '../src/cases/case-progress.service';
import type { CaseDocumentsService } from '../src/documents/case-documents.service';
import type { EffectsService } from '../src/effects/effects.service';
import type { EndedBy } from '../src/effects/effect-rules';
import type { PoliciesService } from '../src/policies/policies.service';
import type { PolicyResolver } from '../src/policies/policy-resolver';
import type * as C from '../workflows/contracts';
import { beijingClock, CaseClock } from './case-clock';
import { createDocumentActivities } from './case-documents.activities';
import { businessFailuresFinal } from './failures';

export interface CaseActivityDeps {
  records: CaseProgressService;
  deadlines: CaseDeadlinesService;
  lifecycle: CaseLifecycleService;
  calendar: CalendarService;
  policies: PoliciesService;
  resolver: PolicyResolver;
  blocked: BlockedCasesService;
  documents: CaseDocumentsService;
  effects: EffectsService;
  clock?: CaseClock;
}

/** A key that is the same on every retry of this activity execution, and different for any other. */
function idempotencyKey(): string {
  const info = Context.current().info;
  return `${info.workflowExecution?.workflowId}:${info.activityId}`;
}

/** The case workflow's activities (their inputs and results: workflows/contracts/activities.ts). */
export function createCaseActivities({ records, deadlines, lifecycle, calendar, policies, resolver, blocked, documents, effects, clock = beijingClock }: CaseActivityDeps) {
  /**
   * Ends the determination's credit measures (and its sanction's) in the step's transaction; EffectsService sends one
   * 解除联合惩戒函 per department and the platform notice, keyed so a retried step sends nothing twice (docs/effects.md).
   */
  const ending = (endedBy: EndedBy, on: string, opts: { reason?: string; actorId?: string | null } = {}) =>
    (m: EntityManager, recordId: string) => effects.endCreditMeasures(recordId, endedBy, on, m, opts);
  /** N working days, or N calendar days moved to the next working day if the last falls on a day off, after `fromMs`. */
  const spanStart = (s: C.DeadlineSpan): string => s.fromDate ?? clock.dateOf(s.fromMs);
  const dueDateOf = async (s: C.DeadlineSpan): Promise<string> => {
    const from = spanStart(s);
    if (s.calendarDays === undefined) return calendar.addWorkingDays(from, s.workingDays ?? 0);
    const due = calendar.addCalendarDays(from, s.calendarDays);
    return (await calendar.isWorkingDay(due)) ? due : calendar.addWorkingDays(due, 1);
  };
  /** Due at the end of the day (24:00 Beijing); reminded at 09:00 on the reminder day. */
  const deadlineOn = (dueDate: string, remindDate: string): C.Deadline =>
    ({ dueDate, dueAtMs: clock.at(dueDate, '24:00'), remindDate, remindAtMs: clock.at(remindDate, '09:00') });

  return businessFailuresFinal({
    ...createDocumentActivities(documents, clock),

    /** Registers the case and answers with the policy it pinned. */
    async registerCase(input: C.CaseInput): Promise<C.CasePolicy> {
      await records.register(input);
      return (await policies.byVersion(input.policyVersion)).document;
    },

    /**
     * Opens a worklist task due `span` from now, after the writes the workflow queued, in one transaction; answers
     * with the task and its dates as stored (a retry answers what the first attempt wrote).
     */
    async openTaskDueIn(t: C.OpenTaskInput): Promise<C.OpenedTask> {
      const { span, writes, ...task } = t;
      const dueDate = await dueDateOf(span);
      const followUpDate = await calendar.addWorkingDays(dueDate, -span.remindBeforeWorkingDays);
      const opened = await records.openTask({ ...task, dueDate, followUpDate, idempotencyKey: `${t.caseNo}:task:${t.key}` }, writes);
      return { taskId: opened.taskId, ...deadlineOn(opened.dueDate, opened.followUpDate) };
    },

    /** The institution's counterpart of openTaskDueIn: a deadline it answers in the portal. */
    async openInstitutionDeadlineDueIn(a: C.OpenInstitutionDeadlineInput): Promise<C.OpenedInstitutionDeadline> {
      const { span, writes, ...deadline } = a;
      const dueDate = await dueDateOf(span);
      const provisional = await calendar.isProvisional(spanStart(span), dueDate);
      const opened = await deadlines.openInstitutionDeadline({ ...deadline, dueDate, provisional }, writes);
      const remind = await calendar.addWorkingDays(opened.dueDate, -span.remindBeforeWorkingDays);
      return { deadlineId: opened.deadlineId, ...deadlineOn(opened.dueDate, remind), provisional: opened.provisional };
    },

    /**
     * A provisional deadline computed again from its span once a calendar year is published (issue #21): stored,
     * recorded on the case and, if it moved, told to the institution (CaseDeadlinesService).
     */
    async recomputeInstitutionDeadline(a: C.RecomputeInstitutionDeadlineInput): Promise<C.Deadline> {
      calendar.invalidate(); // the year was just published, maybe in the other process: read the calendar afresh
      // never shorter than what the institution was told, nor already past when the date becomes definitive: the
      // latest of the recomputed date, the told date, and the policy's reminder lead (≥ 1 working day) after publication
      // (docs/case-lifecycle.md, "Provisional deadlines"; 行政处罚法 art. 85 and brief §7: the period is the law's, a
      // calendar guess may lengthen it but never cut it)
      const lead = Math.max(1, a.span.remindBeforeWorkingDays);
      const candidates = [await dueDateOf(a.span), a.notBefore, await calendar.addWorkingDays(clock.dateOf(a.atMs), lead)];
      const dueDate = candidates.sort().at(-1)!;
      const provisional = await calendar.isProvisional(spanStart(a.span), dueDate);
      await deadlines.recomputeInstitutionDeadline({ caseNo: a.caseNo, deadlineId: a.deadlineId, kind: a.kind, dueDate, provisional });
      return { ...deadlineOn(dueDate, await calendar.addWorkingDays(dueDate, -a.span.remindBeforeWorkingDays)), provisional };
    },

    /** A deadline's end: the answer the portal committed to it in time, or none and the deadline closed as missed. */
    async lapseInstitutionDeadline(a: C.LapseInstitutionDeadlineInput): Promise<C.RecordedAnswer | null> {
      const { writes, ...deadline } = a;
      return deadlines.lapseInstitutionDeadline(deadline, writes);
    },

    /** Queued writes with no later activity to carry them before the case rests. */
    async recordCaseWrites(a: { caseNo: string } & C.Carried): Promise<void> {
      await records.applyWrites(a.caseNo, a.writes);
    },

    async claimTask(a: C.TaskChangeInput): Promise<void> {
      await records.claimTask(a.taskId, a.actor, idempotencyKey());
    },

    async unclaimTask(a: C.TaskChangeInput): Promise<void> {
      await records.unclaimTask(a.taskId, a.actor, idempotencyKey());
    },

    async reassignTask(a: C.TaskChangeInput & { to: C.Actor }): Promise<void> {
      await records.reassignTask(a.taskId, a.actor, a.to, idempotencyKey());
    },

    async remindTask(a: C.TaskDueInput): Promise<void> {
      await deadlines.remindTask(a);
    },

    async escalateTask(a: C.TaskDueInput): Promise<void> {
      await deadlines.escalateTask(a);
    },

    async recordTransition(t: C.TransitionInput): Promise<void> {
      await records.transition({ ...t, idempotencyKey: idempotencyKey() });
    },

    async remindInstitution(a: C.InstitutionReminderInput): Promise<void> {
      await deadlines.remindInstitution(a);
    },

    async recordSubmission(a: C.SubmissionInput): Promise<void> {
      await deadlines.recordSubmission({ ...a, key: idempotencyKey() });
    },

    /** 从旧兼从轻 (行政处罚法 art. 37): the version the determination on the day of `fromMs` applies, and why. */
    async policyForDetermination(a: C.DeterminationPolicyInput): Promise<C.AppliedPolicy> {
      const applied = await resolver.forDetermination(a.pinnedVersion, clock.dateOf(a.fromMs), a.severity);
      return { version: applied.version, pinnedVersion: a.pinnedVersion, lighter: applied.version !== a.pinnedVersion, reason: applied.reason };
    },

    async determine(a: C.DetermineInput): Promise<C.Determination> {
      const decisionDate = clock.dateOf(a.fromMs);
      const d = await lifecycle.determine({ caseNo: a.caseNo, severity: a.severity, decisionDate, policyVersion: a.policyVersion }, a.writes);
      return {
        ...d,
        decisionAtMs: clock.at(decisionDate, '00:00'),
        repairableAtMs: clock.at(d.repairableFrom, '00:00'),
        // an unpublished (minor) record still runs its class's maximum before the case ends
        publicityEndsAtMs: clock.at(d.publicityUntil ?? d.effectiveUntil, '24:00'),
      };
    },

    async scheduleInterview(a: C.ScheduleInterviewInput): Promise<{ interviewId: string }> {
      return lifecycle.scheduleInterview(a);
    },

    async recordInterview(a: C.RecordInterviewInput): Promise<void> {
      await lifecycle.recordInterview({ ...a, heldOn: clock.dateOf(a.fromMs) });
    },

    /** The term the 列入决定书 names, before it is issued: reads, writes nothing. */
    async listTerm(a: { caseNo: string }): Promise<C.ListTerm> {
      return lifecycle.listTerm(a.caseNo);
    },

    /** The head's listing decision was served: the list entry opens as a credit measure of the determination. */
    async enterList(a: C.EnterListInput): Promise<C.ListEntry> {
      return lifecycle.enterList(a);
    },

    async confirmSanction(a: C.ConfirmSanctionInput): Promise<C.ConfirmedSanction> {
      return lifecycle.confirmSanction({ ...a, decisionDate: clock.dateOf(a.fromMs) });
    },

    async repair(a: C.RepairInput): Promise<void> {
      const on = clock.dateOf(a.fromMs);
      await lifecycle.repair({ ...a, decisionDate: on }, ending('repair', on, { reason: a.reason, actorId: a.actorId ?? null }));
    },

    async endPublication(a: C.EndPublicationInput): Promise<void> {
      const on = clock.dateOf(a.fromMs);
      await lifecycle.endPublication({ caseNo: a.caseNo, decisionDate: on }, ending('maximum-period', on));
    },

    /** 拒不整改: the new case's input (its number, item EDU-010); the workflow starts it as a case of its own. */
    async prepareRefusalCase(a: C.RefusalCaseInput & { policyVersion: number }): Promise<C.CaseInput> {
      return lifecycle.refusalCaseInput(a, a.policyVersion);
    },

    async closeCase(a: C.CloseCaseInput): Promise<void> {
      await lifecycle.close(a.caseNo, a.outcome, a.writes);
    },

    async withdrawCase(a: C.WithdrawCaseInput): Promise<void> {
      const { writes, ...w } = a;
      const on = clock.dateOf(a.fromMs);
      await lifecycle.withdraw({ ...w, decisionDate: on }, writes, ending('withdrawal', on, { reason: a.reason, actorId: a.actor.id }));
    },

    async closeRevokedCase(a: C.CloseRevokedCaseInput): Promise<void> {
      await lifecycle.closeRevoked(a.caseNo, a.writes);
    },

    /** The case stopped on a failure no retry fixes (workflows/runtime/blocking.ts). */
    async recordBlocked(a: C.BlockInput): Promise<void> {
      await blocked.block(a, idempotencyKey());
    },

    async recordResumed(a: C.ResumeInput): Promise<void> {
      await blocked.resume(a, idempotencyKey());
    },
  });
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
