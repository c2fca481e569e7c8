import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { Actor, CaseInput, CaseStage, StaffRole, TaskKind, TaskOutcome } from '../../workflows/contracts';
import { TASK_LABELS } from '../../workflows/labels';

export interface EventRow {
  caseNo: string;
  type: string;
  from?: string | null;
  to?: string | null;
  actor?: Actor | null;
  reason?: string | null;
  payload?: object;
  idempotencyKey: string;
}

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
    await this.ds.transaction(async (m) => {
      if (!(await insertCaseEvent(m, { ...t, actor: t.actor ?? null }))) return;
      await m.query(`UPDATE cases SET stage = $2, updated_at = now(), severity = COALESCE($3, severity) WHERE case_no = $1`,
        [t.caseNo, t.to, (t.payload as { severity?: string } | undefined)?.severity ?? null]);
    });
  }

  /** Opens a worklist task and tells the people who may take it (once, however often this is retried). */
  async openTask(t: {
    caseNo: string; kind: TaskKind; stage: CaseStage; candidateRole: StaffRole; candidateOffice: string | null;
    dueDate: string; followUpDate: string; priority: number; idempotencyKey: string;
  }): Promise<{ taskId: string }> {
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, due_date, follow_up_date, priority, idempotency_key)
         VALUES ($1,$2,$3,'open',$4,$5,$6,$7,$8,$9)
         ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key RETURNING id`,
        [t.caseNo, t.kind, t.stage, t.candidateRole, t.candidateOffice, t.dueDate, t.followUpDate, t.priority, t.idempotencyKey],
      );
      await this.notifications.notify(m, {
        ...(t.candidateOffice ? { officeCode: t.candidateOffice } : {}), role: t.candidateRole, template: 'task_assigned',
        idempotencyKey: t.idempotencyKey, data: { taskTitle: TASK_LABELS[t.kind], caseNo: t.caseNo, dueDate: t.dueDate },
      });
      return { taskId: row.id };
    });
  }

  async claimTask(taskId: string, actor: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_CLAIMED',
      `UPDATE tasks SET status = 'claimed', assignee_id = $2, claimed_at = now() WHERE id = $1`);
  }

  async unclaimTask(taskId: string, actor: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_UNCLAIMED',
      `UPDATE tasks SET status = 'open', assignee_id = NULL, claimed_at = NULL WHERE id = $1 AND $2::uuid IS NOT NULL`);
  }

  async reassignTask(taskId: string, actor: Actor, to: Actor, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_REASSIGNED',
      `UPDATE tasks SET status = 'claimed', assignee_id = $2, claimed_at = now() WHERE id = $1`, undefined, to.id);
  }

  async completeTask(taskId: string, actor: Actor, outcome: TaskOutcome, idempotencyKey: string): Promise<void> {
    await this.taskChange(taskId, actor, idempotencyKey, 'TASK_COMPLETED',
      `UPDATE tasks SET status = 'completed', completed_at = now(), completed_by = $2, outcome = $3 WHERE id = $1`,
      outcome);
  }

  private async taskChange(taskId: string, actor: Actor, key: string, type: string, sql: string, outcome?: TaskOutcome, toUserId?: string) {
    await this.ds.transaction(async (m) => {
      const [task] = await m.query(`SELECT case_no, kind FROM tasks WHERE id = $1 FOR UPDATE`, [taskId]);
      const fresh = await insertCaseEvent(m, {
        caseNo: task.case_no, type, actor, reason: outcome?.summary, payload: { taskId, kind: task.kind, ...(toUserId ? { toUserId } : {}), ...(outcome ?? {}) },
        idempotencyKey: key,
      });
      if (fresh) await m.query(sql, outcome ? [taskId, actor.id, outcome] : [taskId, toUserId ?? actor.id]);
    });
  }
}

/** Inserts a case event unless its idempotency key was used before; returns whether it was new. */
export async function insertCaseEvent(m: EntityManager, e: EventRow): Promise<boolean> {
  const rows = await m.query(
    `INSERT INTO case_events (case_no, type, stage_from, stage_to, actor_id, actor_role, reason, payload, idempotency_key)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [e.caseNo, e.type, e.from ?? null, e.to ?? null, e.actor?.id ?? null, e.actor?.role ?? null, e.reason ?? null,
      e.payload ?? {}, e.idempotencyKey],
  );
  return rows.length > 0;
}
