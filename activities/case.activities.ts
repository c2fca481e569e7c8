import { Context } from '@temporalio/activity';
import type { CalendarService } from '../src/calendar/calendar.service';
import type { CaseRecordsService } from '../src/cases/case-records.service';
import type { PoliciesService } from '../src/policies/policies.service';
import type { PolicyDocument } from '../src/policies/policy.types';
import type { Actor, CaseInput, CaseStage, StaffRole, TaskKind, TaskOutcome } from '../workflows/contracts';

export interface CaseActivityDeps {
  records: CaseRecordsService;
  calendar: CalendarService;
  policies: PoliciesService;
  /** Today's date in Asia/Shanghai; injectable so tests can pin the calendar. */
  today?: () => string;
}

/** A key that is the same on every retry of this activity execution, and different for any other. */
function idempotencyKey(): string {
  const info = Context.current().info;
  return `${info.workflowExecution?.workflowId}:${info.activityId}`;
}

export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** The end of a Chinese calendar day: a deadline on 2026-02-24 may be met until 23:59:59 Beijing time. */
export function endOfShanghaiDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999+08:00`);
}

export function createCaseActivities({ records, calendar, policies, today = shanghaiToday }: CaseActivityDeps) {
  return {
    async registerCase(input: CaseInput): Promise<void> {
      await records.register(input);
    },

    async loadPolicy(version: number): Promise<PolicyDocument> {
      return (await policies.byVersion(version)).document;
    },

    async computeDeadline({ workingDays }: { workingDays: number }): Promise<{ dueDate: string; dueAtMs: number }> {
      const dueDate = await calendar.addWorkingDays(today(), workingDays);
      return { dueDate, dueAtMs: endOfShanghaiDay(dueDate) };
    },

    async openTask(t: {
      caseNo: string; key: string; kind: TaskKind; stage: CaseStage;
      candidateRole: StaffRole; candidateOffice: string | null; dueDate: string;
    }): Promise<{ taskId: string }> {
      return records.openTask({ ...t, idempotencyKey: `${t.caseNo}:task:${t.key}` });
    },

    async claimTask(a: { caseNo: string; taskId: string; actor: Actor }): Promise<void> {
      await records.claimTask(a.taskId, a.actor, idempotencyKey());
    },

    async unclaimTask(a: { caseNo: string; taskId: string; actor: Actor }): Promise<void> {
      await records.unclaimTask(a.taskId, a.actor, idempotencyKey());
    },

    async completeTask(a: { caseNo: string; taskId: string; kind: TaskKind; actor: Actor; outcome: TaskOutcome }): Promise<void> {
      await records.completeTask(a.taskId, a.actor, a.outcome, idempotencyKey());
    },

    async recordTransition(t: {
      caseNo: string; from: CaseStage; to: CaseStage; type: string; reason?: string; payload?: object;
    }): Promise<void> {
      await records.transition({ ...t, idempotencyKey: idempotencyKey() });
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
