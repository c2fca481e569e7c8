import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { CaseWrite, InstitutionDeadlineKind, RecordedAnswer, TaskKind } from '../../workflows/contracts';
import { TASK_LABELS } from '../../workflows/labels';
import { CaseDeadlineRepository, DEADLINE_LABELS, DeadlineEnd, NewSubmission } from './case-deadline.repository';
import { CaseEventRepository } from './case-event.repository';
import { CaseTaskRepository } from './case-task.repository';
import { CaseRepository } from './case.repository';

/**
 * Deadlines of a case, for people and for the institution: reminders before they fall due, escalation when
 * they pass, and the institution's answers. Idempotent by key, so a retried activity sends nothing twice.
 */
@Injectable()
export class CaseDeadlinesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly deadlines: CaseDeadlineRepository,
    private readonly tasks: CaseTaskRepository,
    private readonly events: CaseEventRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** Opens a deadline of the institution after the writes the workflow queued; answers with the due date stored. */
  async openInstitutionDeadline(
    a: { caseNo: string; uscc: string; key: string; kind: InstitutionDeadlineKind; round: number; dueDate: string; provisional?: boolean;
       setBy?: { docNo: string; title: string; servedOn: string } },
    writes: CaseWrite[] = [],
  ) {
    return this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, a.caseNo, writes);
      const opened = await this.deadlines.open(m, a);
      // the notification names the document that set the deadline and the day it was served (brief §7)
      const basis = a.setBy ? `${DEADLINE_LABELS[a.kind]}（依据${a.setBy.title} ${a.setBy.docNo}，${a.setBy.servedOn} 送达，自次日起计算）` : DEADLINE_LABELS[a.kind];
      // a provisional date (a year not yet published, issue #21) says so; the institution is told again if it moves
      const item = opened.provisional ? `${basis}（暂定，待正式日历公布后确认）` : basis;
      await this.notifyInstitution(m, a.caseNo, 'deadline_new', `${a.caseNo}:deadline:${a.key}`, item, opened.dueDate);
      return opened;
    });
  }

  /**
   * A provisional deadline recomputed once its year is published (issue #21): the new date is stored, the change
   * recorded on the case and, if the date moved, the institution told; all in one transaction, keyed by the new date.
   */
  async recomputeInstitutionDeadline(a: { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string; provisional: boolean }) {
    await this.cases.transaction(async (m) => {
      const before = await this.deadlines.recompute(m, a.deadlineId, a.dueDate, a.provisional);
      if (before === null) return; // unchanged, closed meanwhile, or stored by an earlier attempt
      const moved = before !== a.dueDate;
      await this.events.insert(m, {
        caseNo: a.caseNo, type: 'DEADLINE_RECOMPUTED',
        reason: moved ? `${DEADLINE_LABELS[a.kind]}期限按正式日历由 ${before} 调整为 ${a.dueDate}` : `${DEADLINE_LABELS[a.kind]}期限 ${a.dueDate} 经正式日历确认`,
        payload: { deadlineId: a.deadlineId, kind: a.kind, before, dueDate: a.dueDate, provisional: a.provisional },
        idempotencyKey: `${a.deadlineId}:recomputed:${a.dueDate}:${a.provisional}`,
      });
      if (!moved) return;
      const c = await this.cases.institutionOf(m, a.caseNo);
      await this.notifications.notify(m, {
        uscc: c.uscc, template: 'deadline_moved', idempotencyKey: `${a.deadlineId}:moved:${a.dueDate}`,
        data: { institutionName: c.name, caseNo: a.caseNo, item: DEADLINE_LABELS[a.kind], previousDueDate: before, dueDate: a.dueDate },
      });
    });
  }

  async remindInstitution(a: { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string }) {
    await this.notifyInstitution(null, a.caseNo, 'deadline_reminder', `${a.deadlineId}:reminder`, DEADLINE_LABELS[a.kind], a.dueDate);
  }

  /**
   * A deadline's end, after the writes the workflow queued: under the row's lock it is closed as missed, or, if the
   * portal committed an answer to it first, that answer is the case's (its telling may still be on its way: issue #20).
   * A retry answers the same: a deadline this step closed stays missed.
   */
  lapseInstitutionDeadline(a: DeadlineEnd, writes: CaseWrite[] = []): Promise<RecordedAnswer | null> {
    return this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, a.caseNo, writes);
      await this.deadlines.missed(m, a);
      return this.deadlines.answerTo(m, a.deadlineId);
    });
  }

  async recordSubmission(a: NewSubmission) {
    await this.deadlines.insertSubmission(this.cases.manager, a);
  }

  async remindTask(a: { caseNo: string; taskId: string; kind: TaskKind; dueDate: string }) {
    const task = await this.tasks.openTaskHolder(a.taskId);
    if (!task) return;
    await this.notifications.notify(null, {
      ...(task.assignee_id ? { recipientUserId: task.assignee_id } : { officeCode: task.candidate_office ?? undefined, role: task.candidate_role }),
      template: 'task_reminder', idempotencyKey: `${a.taskId}:reminder`,
      data: { taskTitle: TASK_LABELS[a.kind], caseNo: a.caseNo, dueDate: a.dueDate },
    });
  }

  /** Escalation: the task is flagged overdue, the office's approvers are told, the case records the fact. */
  async escalateTask(a: { caseNo: string; taskId: string; kind: TaskKind; dueDate: string }) {
    await this.cases.transaction(async (m) => {
      const task = await this.tasks.flagOverdue(m, a.taskId);
      if (!task) return; // done meanwhile, or escalated by an earlier attempt
      await this.events.insert(m, {
        caseNo: a.caseNo, type: 'TASK_OVERDUE', reason: `「${TASK_LABELS[a.kind]}」已超过办理期限 ${a.dueDate}`,
        payload: { taskId: a.taskId, kind: a.kind, dueDate: a.dueDate, assigneeId: task.assignee_id }, idempotencyKey: `${a.taskId}:overdue`,
      });
      await this.notifications.notify(m, {
        officeCode: task.candidate_office ?? undefined, role: 'approver', template: 'task_overdue', idempotencyKey: `${a.taskId}:overdue`,
        data: { taskTitle: TASK_LABELS[a.kind], caseNo: a.caseNo, dueDate: a.dueDate },
      });
    });
  }

  private async notifyInstitution(m: EntityManager | null, caseNo: string, template: string, key: string, item: string, dueDate: string) {
    const c = await this.cases.institutionOf(m, caseNo);
    await this.notifications.notify(m, { uscc: c.uscc, template, idempotencyKey: key, data: { institutionName: c.name, caseNo, item, dueDate } });
  }
}
