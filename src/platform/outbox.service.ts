import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the municipal platform must receive (brief §6). */
export type SubmissionType =
  | 'licence' | 'penalty' | 'determination' | 'interview' | 'commitment' | 'joint_sanction_notice' | 'repair' | 'correction'
  | 'publication_end' | 'reclassification'
  /** The outcome of a repair application (issue #19): the platform forwards those that came from 信用中国. */
  | 'repair_result';

export interface NewSubmission {
  recordType: SubmissionType;
  /** Our identifier of the record (credit record id, case number + step…). */
  recordRef: string;
  uscc?: string | null;
  officeCode?: string | null;
  payload: Record<string, unknown>;
  /** Same key → same submission: the platform de-duplicates by it, and so do we. */
  idempotencyKey: string;
}

/**
 * Writes submission requests into the outbox inside the caller's transaction, so a record and its
 * submission exist together or not at all. Delivery is the platform module's relay, not the caller's worry.
 */
@Injectable()
export class OutboxService {
  async enqueue(m: EntityManager, s: NewSubmission): Promise<{ id: string; created: boolean }> {
    const rows = await m.query(
      `INSERT INTO platform_submissions (idempotency_key, record_type, record_ref, uscc, office_code, payload)
       VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [s.idempotencyKey, s.recordType, s.recordRef, s.uscc ?? null, s.officeCode ?? null, s.payload],
    );
    if (rows.length) return { id: rows[0].id, created: true };
    const [existing] = await m.query(`SELECT id FROM platform_submissions WHERE idempotency_key = $1`, [s.idempotencyKey]);
    return { id: existing.id, created: false };
  }
}
