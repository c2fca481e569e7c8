import type { EntityManager } from 'typeorm';
import type { Actor, CaseStage, CaseWrite, InstitutionDeadlineKind, TaskOutcome } from '../../workflows/contracts';

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

export const DEADLINE_LABELS: Record<InstitutionDeadlineKind | 'repair', string> = {
  objection: '提出异议', rectification: '提交整改报告', repair: '信用修复申请',
};

/** The queued writes are part of the workflow's contract (workflows/contracts/writes.ts); applied here. */
export type { CaseWrite };

export const COMPLETE_TASK_SQL = `UPDATE tasks SET status = 'completed', completed_at = now(), completed_by = $2, outcome = $3::jsonb WHERE id = $1`;

/** Applies queued writes of one case inside the caller's transaction. */
export async function applyCaseWrites(m: EntityManager, caseNo: string, writes: CaseWrite[] = []): Promise<void> {
  for (const w of writes) {
    switch (w.write) {
      case 'transition':
        await recordTransition(m, { ...w, caseNo, idempotencyKey: w.key });
        break;
      case 'task-completed':
        await changeTask(m, w.taskId, w.actor, w.key, 'TASK_COMPLETED', COMPLETE_TASK_SQL, w.outcome);
        break;
      case 'answered':
        await insertSubmission(m, { ...w, caseNo, routes: [] });
        await markDeadlineClosed(m, w.deadlineId, 'answered');
        break;
      case 'deadline-missed':
        await closeDeadline(m, { ...w, caseNo, status: 'missed' });
        break;
    }
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

/**
 * The event and the stage change in one statement (one round trip; the workflow makes about ten a case): the case
 * row changes only if the event is new, so a retried activity changes nothing.
 */
export async function recordTransition(m: EntityManager, t: {
  caseNo: string; from: CaseStage; to: CaseStage; type: string; reason?: string; payload?: object; actor?: Actor; idempotencyKey: string;
}): Promise<void> {
  await m.query(
    `WITH e AS (
       INSERT INTO case_events (case_no, type, stage_from, stage_to, actor_id, actor_role, reason, payload, idempotency_key)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id)
     UPDATE cases SET stage = $4, updated_at = now(), severity = COALESCE($10, severity)
      WHERE case_no = $1 AND EXISTS (SELECT 1 FROM e)`,
    [t.caseNo, t.type, t.from, t.to, t.actor?.id ?? null, t.actor?.role ?? null, t.reason ?? null, t.payload ?? {}, t.idempotencyKey,
      (t.payload as { severity?: string } | undefined)?.severity ?? null],
  );
}

/**
 * A claim, release, reassignment or completion: the task row and its case event change together, once, in one
 * statement. `sql` is the task's UPDATE ($1 task id, $2 the user it names, $3 the event's details, which for a
 * completion are the outcome stored on the task). It applies only if the event's key is new (a retried activity
 * changes nothing), and the event is written only if the task changed: a claim that arrives after the completion
 * (its activity ran late) leaves neither a reopened task nor a claim on record.
 */
export async function changeTask(m: EntityManager, taskId: string, actor: Actor, key: string, type: string, sql: string, outcome?: TaskOutcome, toUserId?: string) {
  const details = { ...(toUserId ? { toUserId } : {}), ...(outcome ?? {}) };
  await m.query(
    `WITH changed AS (
       ${sql} AND NOT EXISTS (SELECT 1 FROM case_events WHERE idempotency_key = $8) RETURNING id, case_no, kind)
     INSERT INTO case_events (case_no, type, actor_id, actor_role, reason, payload, idempotency_key)
     SELECT case_no, $4, $5, $6, $7, jsonb_build_object('taskId', id, 'kind', kind) || $3::jsonb, $8 FROM changed
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [taskId, toUserId ?? actor.id, details, type, actor.id, actor.role, outcome?.summary ?? null, key],
  );
}

export async function insertSubmission(m: EntityManager, a: {
  caseNo: string; kind: InstitutionDeadlineKind | 'repair'; round: number; deadlineId: string | null; actor: Actor; text: string; fileIds: string[]; routes?: string[]; key: string;
}): Promise<void> {
  await m.query(
    `INSERT INTO case_submissions (case_no, kind, round, deadline_id, text, routes, file_ids, submitted_by, idempotency_key)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (idempotency_key) DO NOTHING`,
    [a.caseNo, a.kind, a.round, a.deadlineId, a.text, a.routes ?? [], a.fileIds, a.actor.id, a.key]);
}

/** Whether this call closed the deadline (false: closed before, by an earlier attempt or a withdrawal). */
async function markDeadlineClosed(m: EntityManager, deadlineId: string, status: 'answered' | 'missed'): Promise<boolean> {
  // TypeORM answers an UPDATE with [rows, count]
  const [, count] = await m.query(
    `UPDATE institution_deadlines SET status = $2, closed_at = now() WHERE id = $1 AND status = 'open'`, [deadlineId, status]);
  return count > 0;
}

/** A missed deadline is a fact on the case: who missed what, and when it was due. */
export async function closeDeadline(m: EntityManager, a: { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; status: 'answered' | 'missed'; dueDate: string }) {
  if ((await markDeadlineClosed(m, a.deadlineId, a.status)) && a.status === 'missed') {
    await insertCaseEvent(m, {
      caseNo: a.caseNo, type: 'DEADLINE_MISSED', reason: `机构未在 ${a.dueDate} 前${DEADLINE_LABELS[a.kind]}`,
      payload: { deadlineId: a.deadlineId, kind: a.kind, dueDate: a.dueDate, party: 'institution' }, idempotencyKey: `${a.deadlineId}:missed`,
    });
  }
}
