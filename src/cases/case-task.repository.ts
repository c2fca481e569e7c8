import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TaskEntity } from '../tasks/task.entity';
import type { Actor, CaseStage, StaffRole, TaskKind, TaskOutcome } from '../../workflows/contracts';

/**
 * Each change of a task's row, as the UPDATE that `change` wraps: $1 the task id, $2 the user it names, $3 the
 * event's details (for a completion, the outcome stored on the task).
 */
const TASK_CHANGES = {
  // a claim whose activity ran late (a worker killed under it) must not reopen a task completed meanwhile
  TASK_CLAIMED: `UPDATE tasks SET status = 'claimed', assignee_id = $2, claimed_at = now() WHERE id = $1 AND status IN ('open','claimed')`,
  TASK_UNCLAIMED: `UPDATE tasks SET status = 'open', assignee_id = NULL, claimed_at = NULL WHERE id = $1 AND $2::uuid IS NOT NULL AND status = 'claimed'`,
  TASK_REASSIGNED: `UPDATE tasks SET status = 'claimed', assignee_id = $2, claimed_at = now() WHERE id = $1 AND status IN ('open','claimed')`,
  // once: the API (issue #20) and the case's next activity both write a completion; whichever waited on the other's
  // row lock finds it completed here (re-checked on the new row) and leaves its time and event alone
  // the completer holds the task they completed, whoever held it before (a completion the case accepted stands)
  TASK_COMPLETED: `UPDATE tasks SET status = 'completed', completed_at = now(), completed_by = $2, assignee_id = $2, outcome = $3::jsonb
    WHERE id = $1 AND status IN ('open','claimed')`,
} as const;

/** The task row as TaskEntity names it (dates as text, as the entity reads them): what a statement answers with. */
const TASK_ROW = `id, case_no AS "caseNo", kind, stage, status, candidate_role AS "candidateRole", candidate_office AS "candidateOffice",
  assignee_id AS "assigneeId", due_date::text AS "dueDate", follow_up_date::text AS "followUpDate", priority, overdue,
  created_at AS "createdAt", claimed_at AS "claimedAt", completed_at AS "completedAt", completed_by AS "completedBy", outcome,
  idempotency_key AS "idempotencyKey", version`;

export type TaskChange = keyof typeof TASK_CHANGES;

/**
 * One change as one statement (`change`, `changeAt`): the row, if `guard` holds too and the event's key ($8) is new,
 * and its case event ($4 type, $5/$6 actor, $7 reason); answers the changed row as TASK_ROW names it.
 */
const changeStatement = (type: TaskChange, guard = '') => `WITH changed AS (
    ${TASK_CHANGES[type]} ${guard} AND NOT EXISTS (SELECT 1 FROM case_events WHERE idempotency_key = $8) RETURNING ${TASK_ROW}),
  recorded AS (
    INSERT INTO case_events (case_no, type, actor_id, actor_role, reason, payload, idempotency_key)
    SELECT "caseNo", $4, $5, $6, $7, jsonb_build_object('taskId', id, 'kind', kind) || $3::jsonb, $8 FROM changed
    ON CONFLICT (idempotency_key) DO NOTHING)
  SELECT * FROM changed`;

export interface NewTask {
  caseNo: string; kind: TaskKind; stage: CaseStage; candidateRole: StaffRole; candidateOffice: string | null;
  dueDate: string; followUpDate: string; priority: number; idempotencyKey: string;
}

/** The worklist's rows (`tasks`) as the case workflow opens and changes them; the worklist query is `WorklistRepository`. */
@Injectable()
export class CaseTaskRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  byId(id: string): Promise<TaskEntity | null> {
    return this.byIdIn(this.ds.manager, id);
  }

  /** The row as it is now, read in `m` (under the task's lock, see `locked`); plain SQL, as every write path reads it. */
  async byIdIn(m: EntityManager, id: string): Promise<TaskEntity | null> {
    const [row] = await m.query(`SELECT ${TASK_ROW} FROM tasks WHERE id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Runs `fn` in a transaction holding the task's lock (issue #20): a completion holds it from reading the row,
   * through the case's acceptance, to writing the completion; a claim, release or reassignment takes it for its
   * write. So none of them lands between a completion's read and its write: a release racing a completion the case
   * accepted waits, then finds the task completed (409), and a completion after a release reads the release.
   * An advisory lock, not a row lock: the case's own writes of the row (an escalation's local activity, an opening
   * activity's retry) never wait for it, so a completion waiting for the case to accept it never waits on a workflow
   * task that waits on the completion.
   */
  locked<T>(taskId: string, fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('task:' || $1, 20))`, [taskId]);
      return fn(m);
    });
  }

  /**
   * Who completed the case's last task of each kind and what they decided: what the case's rules ask of earlier
   * completions (the proposer may not decide, the legal review binds the listing: workflows/task-rules.ts).
   */
  async lastCompletions(m: EntityManager, caseNo: string): Promise<Map<TaskKind, { by: string; decision?: string }>> {
    const rows: { kind: TaskKind; by: string; decision: string | null }[] = await m.query(
      `SELECT DISTINCT ON (kind) kind, completed_by AS by, outcome->>'decision' AS decision FROM tasks
        WHERE case_no = $1 AND status = 'completed' AND completed_by IS NOT NULL ORDER BY kind, completed_at DESC, id`, [caseNo]);
    return new Map(rows.map((r) => [r.kind, { by: r.by, decision: r.decision ?? undefined }]));
  }

  /** Opens a task once per key; answers with the dates stored, so a retry answers what the first attempt wrote. */
  async open(m: EntityManager, t: NewTask): Promise<{ taskId: string; dueDate: string; followUpDate: string }> {
    const [row] = await m.query(
      `INSERT INTO tasks (case_no, kind, stage, status, candidate_role, candidate_office, due_date, follow_up_date, priority, idempotency_key)
       VALUES ($1,$2,$3,'open',$4,$5,$6,$7,$8,$9)
       ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, due_date::text AS due_date, follow_up_date::text AS follow_up_date`,
      [t.caseNo, t.kind, t.stage, t.candidateRole, t.candidateOffice, t.dueDate, t.followUpDate, t.priority, t.idempotencyKey],
    );
    return { taskId: row.id, dueDate: row.due_date, followUpDate: row.follow_up_date };
  }

  /**
   * A claim, release, reassignment or completion: the task row and its case event change together, once, in one
   * statement. It applies only if the event's key is new (a retried activity changes nothing), and the event is
   * written only if the task changed: a claim that arrives after the completion (its activity ran late) leaves
   * neither a reopened task nor a claim on record. Answers the changed row, or null if nothing changed.
   */
  async change(m: EntityManager, c: { taskId: string; type: TaskChange; actor: Actor; key: string; outcome?: TaskOutcome; toUserId?: string }): Promise<TaskEntity | null> {
    const details = { ...(c.toUserId ? { toUserId: c.toUserId } : {}), ...(c.outcome ?? {}) };
    const [row] = await m.query(changeStatement(c.type),
      [c.taskId, c.toUserId ?? c.actor.id, details, c.type, c.actor.id, c.actor.role, c.outcome?.summary ?? null, c.key]);
    return row ?? null;
  }

  /**
   * A claim, release or reassignment decided in the API (issue #20): the same change and case event as `change`, in
   * one statement under the task's lock (`locked`), but only if the row is still at the version the caller read
   * (optimistic concurrency). Answers the changed row, or null if someone changed the task first (a completion
   * included), or the key was used (a resent request).
   */
  changeAt(c: { taskId: string; version: number; type: Exclude<TaskChange, 'TASK_COMPLETED'>; actor: Actor; key: string; toUserId?: string }): Promise<TaskEntity | null> {
    const details = c.toUserId ? { toUserId: c.toUserId } : {};
    return this.locked(c.taskId, async (m) => {
      const [row] = await m.query(changeStatement(c.type, 'AND version = $9'),
        [c.taskId, c.toUserId ?? c.actor.id, details, c.type, c.actor.id, c.actor.role, null, c.key, c.version]);
      return row ?? null;
    });
  }

  /** Who a reminder goes to, if the task is still open. */
  async openTaskHolder(taskId: string): Promise<{ assignee_id: string | null; candidate_role: StaffRole; candidate_office: string | null } | null> {
    const [task] = await this.ds.query(`SELECT assignee_id, candidate_role, candidate_office, status FROM tasks WHERE id = $1`, [taskId]);
    return task && ['open', 'claimed'].includes(task.status) ? task : null;
  }

  /** Flags an open task overdue once; null if done meanwhile or flagged by an earlier attempt. */
  async flagOverdue(m: EntityManager, taskId: string): Promise<{ candidate_office: string | null; assignee_id: string | null } | null> {
    const [flagged] = await m.query(
      `UPDATE tasks SET overdue = true WHERE id = $1 AND status IN ('open','claimed') AND NOT overdue
       RETURNING candidate_office, assignee_id`, [taskId]);
    return flagged[0] ?? null;
  }

  async cancelOpen(m: EntityManager, caseNo: string): Promise<void> {
    await m.query(`UPDATE tasks SET status = 'cancelled' WHERE case_no = $1 AND status IN ('open','claimed')`, [caseNo]);
  }
}
