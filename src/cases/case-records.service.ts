import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { Actor, CaseInput, CaseStage, StaffRole, TaskKind, TaskOutcome } from '../../workflows/contracts';
import { TASK_LABELS } from '../../workflows/labels';
import { applyCaseWrites, CaseWrite, changeTask, COMPLETE_TASK_SQL, insertCaseEvent, recordTransition } from './case-writes';

/**
 * Every write the case workflow makes, each one transaction and idempotent: a retried activity
 * finds its idempotency key already used and changes nothing.
 */
@Injectable()
export class CaseRecordsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async register(input: CaseInput): Promise<void> {
    await this.ds.transaction(async (m) => {
      const inserted = await m.query(
        `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts,
                            source, severity, stage, office_code, registered_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'REGISTERED',$10,$11) ON CONFLICT (case_no) DO NOTHING RETURNING case_no`,
        [input.caseNo, input.institutionId, input.uscc, input.behaviourCode, input.catalogueVersion, input.policyVersion,
          input.facts, input.source, input.severity, input.officeCode, input.registeredBy.id],
      );
      if (!inserted.length) return;
      await insertCaseEvent(m, {
        caseNo: input.caseNo, type: 'REGISTERED', to: 'REGISTERED', actor: input.registeredBy,
        payload: { source: input.source, behaviourCode: input.behaviourCode }, idempotencyKey: `${input.caseNo}:registered`,
      });
    });
  }

  async transition(t: { caseNo: string; from: CaseStage; to: CaseStage; type: string; reason?: string; payload?: object; actor?: Actor; idempotencyKey: string }) {
    await recordTransition(this.ds.manager, t); // one statement: atomic on its own
  }

  /** Writes the workflow queued and nothing else carried before the case rests. */
  async applyWrites(caseNo: string, writes: CaseWrite[]): Promise<void> {
    await this.ds.transaction((m) => applyCaseWrites(m, caseNo, writes));
  }

  /**
   * Opens a worklist task and tells the people who may take it (once, however often this is retried), after the
   * writes the workflow queued before it. Answers with the dates stored, so a retry answers what the first attempt wrote.
   */
  async openTask(t: {
    caseNo: string; kind: TaskKind; stage: CaseStage; candidateRole: StaffRole; candidateOffice: string | null;
    dueDate: string; followUpDate: string; priority: number; idempotencyKey: string;
  }, writes: CaseWrite[] = []): Promise<{ taskId: string; dueDate: string; followUpDate: string }> {
    return this.ds.transaction(async (m) => {
      await applyCaseWrites(m, t.caseNo, writes);
      const [row] = await m.query(
        `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, due_date, follow_up_date, priority, idempotency_key)
         VALUES ($1,$2,$3,'open',$4,$5,$6,$7,$8,$9)
         ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
         RETURNING id, due_date::text AS due_date, follow_up_date::text AS follow_up_date`,
        [t.caseNo, t.kind, t.stage, t.candidateRole, t.candidateOffice, t.dueDate, t.followUpDate, t.priority, t.idempotencyKey],
      );
      await this.notifications.notify(m, {
        ...(t.candidateOffice ? { officeCode: t.candidateOffice } : {}), role: t.candidateRole, template: 'task_assigned',
        idempotencyKey: t.idempotencyKey, data: { taskTitle: TASK_LABELS[t.kind], caseNo: t.caseNo, dueDate: t.dueDate },
      });
      return { taskId: row.id, dueDate: row.due_date, followUpDate: row.follow_up_date };
    });
  }

  async claimTask(taskId: string, actor: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_CLAIMED',
      // a claim whose activity ran late (a worker killed under it) must not reopen a task completed meanwhile
      `UPDATE tasks SET status = 'claimed', assignee_id = $2, claimed_at = now() WHERE id = $1 AND status IN ('open','claimed')`);
  }

  async unclaimTask(taskId: string, actor: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_UNCLAIMED',
      `UPDATE tasks SET status = 'open', assignee_id = NULL, claimed_at = NULL WHERE id = $1 AND $2::uuid IS NOT NULL AND status = 'claimed'`);
  }

  async reassignTask(taskId: string, actor: Actor, to: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_REASSIGNED',
      `UPDATE tasks SET status = 'claimed', assignee_id = $2, claimed_at = now() WHERE id = $1 AND status IN ('open','claimed')`, undefined, to.id);
  }

  async completeTask(taskId: string, actor: Actor, outcome: TaskOutcome, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_COMPLETED', COMPLETE_TASK_SQL, outcome);
  }

  private async taskChange(taskId: string, actor: Actor, key: string, type: string, sql: string, outcome?: TaskOutcome, toUserId?: string) {
    await changeTask(this.ds.manager, taskId, actor, key, type, sql, outcome, toUserId); // one statement: atomic on its own
  }
}
