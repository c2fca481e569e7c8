import { Context } from '@temporalio/activity';
import type { CalendarService } from '../src/calendar/calendar.service';
import type { CaseDeadlinesService } from '../src/cases/case-deadlines.service';
import type { CaseLifecycleService } from '../src/cases/case-lifecycle.service';
import type { CaseProgressService } from '../src/cases/case-progress.service';
import type { CaseWrite } from '../src/cases/case-writes';
import type { PoliciesService } from '../src/policies/policies.service';
import type { PolicyDocument } from '../src/policies/policy.types';
import type {
  Actor, BanOrder, CaseInput, CaseStage, Deadline, InstitutionDeadlineKind, Severity, StaffRole, TaskKind, TaskOutcome,
} from '../workflows/contracts';
import { beijingClock, CaseClock } from './case-clock';

export interface CaseActivityDeps {
  records: CaseProgressService;
  deadlines: CaseDeadlinesService;
  lifecycle: CaseLifecycleService;
  calendar: CalendarService;
  policies: PoliciesService;
  clock?: CaseClock;
}

/** When something falls due: N working days, or N calendar days moved to the next working day, after `fromMs`. */
export interface DeadlineSpan {
  fromMs: number;
  workingDays?: number;
  calendarDays?: number;
  remindBeforeWorkingDays: number;
}

/** A key that is the same on every retry of this activity execution, and different for any other. */
function idempotencyKey(): string {
  const info = Context.current().info;
  return `${info.workflowExecution?.workflowId}:${info.activityId}`;
}

export function createCaseActivities({ records, deadlines, lifecycle, calendar, policies, clock = beijingClock }: CaseActivityDeps) {
  const dueDateOf = async (s: DeadlineSpan): Promise<string> => {
    const from = clock.dateOf(s.fromMs);
    if (s.calendarDays === undefined) return calendar.addWorkingDays(from, s.workingDays ?? 0);
    const due = calendar.addCalendarDays(from, s.calendarDays);
    return (await calendar.isWorkingDay(due)) ? due : calendar.addWorkingDays(due, 1);
  };
  const deadlineOn = (dueDate: string, remindDate: string): Deadline =>
    ({ dueDate, dueAtMs: clock.at(dueDate, '24:00'), remindDate, remindAtMs: clock.at(remindDate, '09:00') });

  return {
    /** Registers the case and answers with the policy it pinned (cases before `fold-case-writes` load it apart). */
    async registerCase(input: CaseInput): Promise<PolicyDocument> {
      await records.register(input);
      return (await policies.byVersion(input.policyVersion)).document;
    },

    async loadPolicy(version: number): Promise<PolicyDocument> {
      return (await policies.byVersion(version)).document;
    },

    /**
     * Due date N working days (or calendar days, moved to the next working day if it falls on a day off) after
     * the instant `fromMs`; the reminder goes out at 09:00 a number of working days before.
     */
    async computeDeadline(a: DeadlineSpan): Promise<Deadline> {
      const dueDate = await dueDateOf(a);
      return deadlineOn(dueDate, await calendar.addWorkingDays(dueDate, -a.remindBeforeWorkingDays));
    },

    /**
     * Opens a worklist task due `span` from now, after the writes the workflow queued, in one transaction; answers
     * with the task and its dates as stored (a retry answers what the first attempt wrote).
     */
    async openTaskDueIn(t: {
      caseNo: string; key: string; kind: TaskKind; stage: CaseStage; candidateRole: StaffRole; candidateOffice: string | null;
      priority: number; span: DeadlineSpan; writes: CaseWrite[];
    }): Promise<{ taskId: string } & Deadline> {
      const { span, writes, ...task } = t;
      const dueDate = await dueDateOf(span);
      const followUpDate = await calendar.addWorkingDays(dueDate, -span.remindBeforeWorkingDays);
      const opened = await records.openTask({ ...task, dueDate, followUpDate, idempotencyKey: `${t.caseNo}:task:${t.key}` }, writes);
      return { taskId: opened.taskId, ...deadlineOn(opened.dueDate, opened.followUpDate) };
    },

    /** The institution's counterpart of openTaskDueIn: a deadline it answers in the portal. */
    async openInstitutionDeadlineDueIn(a: {
      caseNo: string; uscc: string; key: string; kind: InstitutionDeadlineKind; round: number; span: DeadlineSpan; writes: CaseWrite[];
    }): Promise<{ deadlineId: string } & Deadline> {
      const { span, writes, ...deadline } = a;
      const opened = await deadlines.openInstitutionDeadline({ ...deadline, dueDate: await dueDateOf(span) }, writes);
      return { deadlineId: opened.deadlineId, ...deadlineOn(opened.dueDate, await calendar.addWorkingDays(opened.dueDate, -span.remindBeforeWorkingDays)) };
    },

    /** Queued writes with no later activity to carry them before the case rests. */
    async recordCaseWrites(a: { caseNo: string; writes: CaseWrite[] }): Promise<void> {
      await records.applyWrites(a.caseNo, a.writes);
    },

    async openTask(t: {
      caseNo: string; key: string; kind: TaskKind; stage: CaseStage; candidateRole: StaffRole; candidateOffice: string | null;
      dueDate: string; followUpDate: string; priority: number;
    }): Promise<{ taskId: string }> {
      const { taskId } = await records.openTask({ ...t, idempotencyKey: `${t.caseNo}:task:${t.key}` });
      return { taskId };
    },

    async claimTask(a: { caseNo: string; taskId: string; actor: Actor }): Promise<void> {
      await records.claimTask(a.taskId, a.actor, idempotencyKey());
    },

    async unclaimTask(a: { caseNo: string; taskId: string; actor: Actor }): Promise<void> {
      await records.unclaimTask(a.taskId, a.actor, idempotencyKey());
    },

    async reassignTask(a: { caseNo: string; taskId: string; actor: Actor; to: Actor }): Promise<void> {
      await records.reassignTask(a.taskId, a.actor, a.to, idempotencyKey());
    },

    async completeTask(a: { caseNo: string; taskId: string; kind: TaskKind; actor: Actor; outcome: TaskOutcome }): Promise<void> {
      await records.completeTask(a.taskId, a.actor, a.outcome, idempotencyKey());
    },

    async remindTask(a: { caseNo: string; taskId: string; kind: TaskKind; dueDate: string }): Promise<void> {
      await deadlines.remindTask(a);
    },

    async escalateTask(a: { caseNo: string; taskId: string; kind: TaskKind; dueDate: string }): Promise<void> {
      await deadlines.escalateTask(a);
    },

    async recordTransition(t: { caseNo: string; from: CaseStage; to: CaseStage; type: string; reason?: string; payload?: object; actor?: Actor }) {
      await records.transition({ ...t, idempotencyKey: idempotencyKey() });
    },

    async openInstitutionDeadline(a: { caseNo: string; uscc: string; key: string; kind: InstitutionDeadlineKind; round: number; dueDate: string }) {
      return deadlines.openInstitutionDeadline(a);
    },

    async remindInstitution(a: { caseNo: string; uscc: string; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string }) {
      await deadlines.remindInstitution(a);
    },

    async closeInstitutionDeadline(a: { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; status: 'answered' | 'missed'; dueDate: string }) {
      await deadlines.closeInstitutionDeadline(a);
    },

    async recordSubmission(a: { caseNo: string; kind: InstitutionDeadlineKind | 'repair'; round: number; deadlineId: string | null; actor: Actor; text: string; fileIds: string[]; routes?: string[] }) {
      await deadlines.recordSubmission({ ...a, key: idempotencyKey() });
    },

    async determine(a: { caseNo: string; uscc: string; severity: Severity; fromMs: number; policyVersion: number; writes?: CaseWrite[] }) {
      const decisionDate = clock.dateOf(a.fromMs);
      const d = await lifecycle.determine({ caseNo: a.caseNo, severity: a.severity, decisionDate, policyVersion: a.policyVersion }, a.writes);
      return {
        ...d,
        decisionAtMs: clock.at(decisionDate, '00:00'),
        repairableAtMs: clock.at(d.repairableFrom, '00:00'),
        publicityEndsAtMs: clock.at(d.publicityUntil, '24:00'),
      };
    },

    async scheduleInterview(a: { caseNo: string; uscc: string; kind: 'reminder' | 'warning'; round: number; scheduledAt: string; place: string; attendees: string[] }) {
      return lifecycle.scheduleInterview(a);
    },

    async recordInterview(a: { caseNo: string; interviewId: string; kind: 'reminder' | 'warning'; minutes: string; attendees: string[]; outcome: string; fromMs: number }) {
      await lifecycle.recordInterview({ ...a, heldOn: clock.dateOf(a.fromMs) });
    },

    async confirmSanction(a: { caseNo: string; uscc: string; fromMs: number; measures: string[]; bans: BanOrder[]; departments: string[]; officeCode: string | null; reason: string }) {
      await lifecycle.confirmSanction({ ...a, decisionDate: clock.dateOf(a.fromMs) });
    },

    async repair(a: { caseNo: string; uscc: string; routes: string[]; reason: string; fromMs: number }) {
      await lifecycle.repair({ ...a, decisionDate: clock.dateOf(a.fromMs) });
    },

    async endPublication(a: { caseNo: string; uscc: string; fromMs: number }) {
      await lifecycle.endPublication({ caseNo: a.caseNo, decisionDate: clock.dateOf(a.fromMs) });
    },

    async closeCase(a: { caseNo: string; outcome: string; writes?: CaseWrite[] }) {
      await lifecycle.close(a.caseNo, a.outcome, a.writes);
    },

    async withdrawCase(a: { caseNo: string; actor: Actor; reason: string; fromMs: number; writes?: CaseWrite[] }) {
      const { writes, ...w } = a;
      await lifecycle.withdraw({ ...w, decisionDate: clock.dateOf(a.fromMs) }, writes);
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
