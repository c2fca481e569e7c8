import { Context } from '@temporalio/activity';
import type { CalendarService } from '../src/calendar/calendar.service';
import type { CaseDeadlinesService } from '../src/cases/case-deadlines.service';
import type { CaseLifecycleService } from '../src/cases/case-lifecycle.service';
import type { CaseRecordsService } from '../src/cases/case-records.service';
import type { PoliciesService } from '../src/policies/policies.service';
import type { PolicyDocument } from '../src/policies/policy.types';
import type {
  Actor, BanOrder, CaseInput, CaseStage, Deadline, InstitutionDeadlineKind, Severity, StaffRole, TaskKind, TaskOutcome,
} from '../workflows/contracts';
import { beijingClock, CaseClock } from './case-clock';

export interface CaseActivityDeps {
  records: CaseRecordsService;
  deadlines: CaseDeadlinesService;
  lifecycle: CaseLifecycleService;
  calendar: CalendarService;
  policies: PoliciesService;
  clock?: CaseClock;
}

/** A key that is the same on every retry of this activity execution, and different for any other. */
function idempotencyKey(): string {
  const info = Context.current().info;
  return `${info.workflowExecution?.workflowId}:${info.activityId}`;
}

export function createCaseActivities({ records, deadlines, lifecycle, calendar, policies, clock = beijingClock }: CaseActivityDeps) {
  return {
    async registerCase(input: CaseInput): Promise<void> {
      await records.register(input);
    },

    async loadPolicy(version: number): Promise<PolicyDocument> {
      return (await policies.byVersion(version)).document;
    },

    /**
     * Due date N working days (or calendar days, moved to the next working day if it falls on a day off) after
     * the instant `fromMs`; the reminder goes out at 09:00 a number of working days before.
     */
    async computeDeadline(a: { fromMs: number; workingDays?: number; calendarDays?: number; remindBeforeWorkingDays: number }): Promise<Deadline> {
      const from = clock.dateOf(a.fromMs);
      let dueDate: string;
      if (a.calendarDays !== undefined) {
        dueDate = calendar.addCalendarDays(from, a.calendarDays);
        if (!(await calendar.isWorkingDay(dueDate))) dueDate = await calendar.addWorkingDays(dueDate, 1);
      } else {
        dueDate = await calendar.addWorkingDays(from, a.workingDays ?? 0);
      }
      const remindDate = await calendar.addWorkingDays(dueDate, -a.remindBeforeWorkingDays);
      return { dueDate, dueAtMs: clock.at(dueDate, '24:00'), remindDate, remindAtMs: clock.at(remindDate, '09:00') };
    },

    async openTask(t: {
      caseNo: string; key: string; kind: TaskKind; stage: CaseStage; candidateRole: StaffRole; candidateOffice: string | null;
      dueDate: string; followUpDate: string; priority: number;
    }): Promise<{ taskId: string }> {
      return records.openTask({ ...t, idempotencyKey: `${t.caseNo}:task:${t.key}` });
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

    async determine(a: { caseNo: string; uscc: string; severity: Severity; fromMs: number; policyVersion: number }) {
      const decisionDate = clock.dateOf(a.fromMs);
      const d = await lifecycle.determine({ caseNo: a.caseNo, severity: a.severity, decisionDate, policyVersion: a.policyVersion });
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

    async closeCase(a: { caseNo: string; outcome: string }) {
      await lifecycle.close(a.caseNo, a.outcome);
    },

    async withdrawCase(a: { caseNo: string; actor: Actor; reason: string; fromMs: number }) {
      await lifecycle.withdraw({ ...a, decisionDate: clock.dateOf(a.fromMs) });
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
