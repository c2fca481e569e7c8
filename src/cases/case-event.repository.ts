import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, CaseStage } from '../../workflows/contracts';

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

export interface TransitionRow {
  caseNo: string; from: CaseStage; to: CaseStage; type: string; reason?: string; payload?: object; actor?: Actor; idempotencyKey: string;
}

/** A case's history (`case_events`): every row carries an idempotency key, so a retried activity writes nothing twice. */
@Injectable()
export class CaseEventRepository {
  /** Inserts a case event unless its idempotency key was used before; returns whether it was new. */
  async insert(m: EntityManager, e: EventRow): Promise<boolean> {
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
  async transition(m: EntityManager, t: TransitionRow): Promise<void> {
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
}
