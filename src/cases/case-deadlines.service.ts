import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { applyCaseWrites, CaseWrite, closeDeadline, DEADLINE_LABELS, insertCaseEvent, insertSubmission } from './case-writes';
import type { Actor, InstitutionDeadlineKind, TaskKind } from '../../workflows/contracts';
import { TASK_LABELS } from '../../workflows/labels';

/**
 * Deadlines of a case, for people and for the institution: reminders before they fall due, escalation when
 * they pass, and the institution's answers. Idempotent by key, so a retried activity sends nothing twice.
 */
@Injectable()
export class CaseDeadlinesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Opens a deadline of the institution after the writes the workflow queued; answers with the due date stored. */
  async openInstitutionDeadline(
    a: { caseNo: string; uscc: string; key: string; kind: InstitutionDeadlineKind; round: number; dueDate: string; setBy?: { docNo: string; title: string; servedOn: string } },
    writes: CaseWrite[] = [],
  ) {
    return this.ds.transaction(async (m) => {
      await applyCaseWrites(m, a.caseNo, writes);
      const [row] = await m.query(
        `INSERT INTO institution_deadlines (case_no, uscc, kind, round, due_date, idempotency_key) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key RETURNING id, due_date::text AS due_date`,
        [a.caseNo, a.uscc, a.kind, a.round, a.dueDate, `${a.caseNo}:deadline:${a.key}`]);
      // the notification names the document that set the deadline and the day it was served (brief §7)
      const item = a.setBy ? `${DEADLINE_LABELS[a.kind]}（依据${a.setBy.title} ${a.setBy.docNo}，${a.setBy.servedOn} 送达，自次日起计算）` : DEADLINE_LABELS[a.kind];
      await this.notifyInstitution(m, a.caseNo, 'deadline_new', `${a.caseNo}:deadline:${a.key}`, item, row.due_date);
      return { deadlineId: row.id as string, dueDate: row.due_date as string };
    });
  }

  async remindInstitution(a: { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string }) {
    await this.notifyInstitution(null, a.caseNo, 'deadline_reminder', `${a.deadlineId}:reminder`, DEADLINE_LABELS[a.kind], a.dueDate);
  }

  async closeInstitutionDeadline(a: { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; status: 'answered' | 'missed'; dueDate: string }) {
    await this.ds.transaction((m) => closeDeadline(m, a));
  }

  async recordSubmission(a: { caseNo: string; kind: InstitutionDeadlineKind | 'repair'; round: number; deadlineId: string | null; actor: Actor; text: string; fileIds: string[]; routes?: string[]; key: string }) {
    await insertSubmission(this.ds.manager, a);
  }

  async remindTask(a: { caseNo: string; taskId: string; kind: TaskKind; dueDate: string }) {
    const [task] = await this.ds.query(`SELECT assignee_id, candidate_role, candidate_office, status FROM tasks WHERE id = $1`, [a.taskId]);
    if (!task || !['open', 'claimed'].includes(task.status)) return;
    await this.notifications.notify(null, {
      ...(task.assignee_id ? { recipientUserId: task.assignee_id } : { officeCode: task.candidate_office, role: task.candidate_role }),
      template: 'task_reminder', idempotencyKey: `${a.taskId}:reminder`,
      data: { taskTitle: TASK_LABELS[a.kind], caseNo: a.caseNo, dueDate: a.dueDate },
    });
  }

  /** Escalation: the task is flagged overdue, the office's approvers are told, the case records the fact. */
  async escalateTask(a: { caseNo: string; taskId: string; kind: TaskKind; dueDate: string }) {
    await this.ds.transaction(async (m) => {
      const [flagged] = await m.query(
        `UPDATE tasks SET overdue = true WHERE id = $1 AND status IN ('open','claimed') AND NOT overdue
         RETURNING candidate_office, assignee_id`, [a.taskId]);
      if (!flagged.length) return; // done meanwhile, or escalated by an earlier attempt
      const [task] = flagged;
      await insertCaseEvent(m, {
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
    const [c] = await (m ?? this.ds).query(
      `SELECT c.uscc, i.name FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE c.case_no = $1`, [caseNo]);
    await this.notifications.notify(m, { uscc: c.uscc, template, idempotencyKey: key, data: { institutionName: c.name, caseNo, item, dueDate } });
  }
}
