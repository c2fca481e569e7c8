import type { Queryable } from '../credit-file/chain-audit';
import { EffectSource, effectsFor, EndedBy } from './effect-rules';

export interface EffectRecord extends EffectSource {
  institutionId: string;
  uscc: string;
  caseNo: string | null;
  officeCode: string | null;
}

/**
 * Opens the effects a record's decision has, in the caller's transaction (the append that wrote the record, or the
 * migration that backfills them). Idempotent per record and effect key. Needs only a query runner, like the chain.
 */
export async function openEffectsOf(m: Queryable, r: EffectRecord): Promise<number> {
  let determinationUntil: string | null = null;
  if (r.kind === 'joint_sanction' && r.caseNo) {
    const [d] = await m.query(
      `SELECT publicity_until::text AS until FROM credit_records WHERE case_no = $1 AND kind = 'determination' ORDER BY seq DESC LIMIT 1`,
      [r.caseNo]);
    determinationUntil = d?.until ?? null;
  }
  let opened = 0;
  for (const e of effectsFor(r, determinationUntil)) {
    const rows = await m.query(
      `INSERT INTO credit_effects (record_id, institution_id, uscc, case_no, office_code, type, kind, measure_id, measure, departments,
                                   basis, starts_on, ends_on, effect_key)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) ON CONFLICT (record_id, effect_key) DO NOTHING RETURNING id`,
      [r.id, r.institutionId, r.uscc, r.caseNo, r.officeCode, e.type, e.kind, e.measureId ?? null, e.measure ?? null,
        JSON.stringify(e.departments ?? []), e.basis, e.startsOn, e.endsOn, e.key]);
    opened += rows.length;
  }
  return opened;
}

/**
 * SQL: effect `e` is in force on date `d` — started, not past its last day, and not ended by an event that took
 * effect on or before `d` (an event on day X ends the effect from X, as a repair record decided on X always did).
 */
export function effectLiveSql(e: string, d: string): string {
  return `(${e}.starts_on <= ${d} AND (${e}.ends_on IS NULL OR ${e}.ends_on >= ${d}) AND (${e}.ended_on IS NULL OR ${e}.ended_on > ${d}))`;
}

/** Effects of record `$1` and, for a determination, of its case's joint sanctions, which rest on it (36号令 art. 3). */
export const RESTING_ON_SQL = `(e.record_id = $1 OR e.record_id IN (
  SELECT js.id FROM credit_records d JOIN credit_records js ON js.case_no = d.case_no AND js.kind = 'joint_sanction'
   WHERE d.id = $1 AND d.kind = 'determination'))`;

/** The event a later record is, for the effects of the record it refers to. */
export function endingEvent(kind: string, payload: Record<string, unknown>): EndedBy | null {
  if (kind === 'repair') return 'repair';
  if (kind === 'publication_end') return 'maximum-period';
  if (kind === 'correction' && (payload.action ?? 'withdraw') === 'withdraw') return 'withdrawal';
  return null;
}

/**
 * An ending record (repair, publication end, withdrawal) ends the credit measures of the record it refers to, in the
 * append's transaction, whoever appends it; a withdrawal of the record itself ends its penalties too (the decision is
 * void). Letters and platform notices are `EffectsService.endCreditMeasures`'s, which the deciding step calls.
 */
export async function endEffectsOnAppend(m: Queryable, r: { id: string; kind: string; refersTo: string | null; decisionDate: string; payload: Record<string, unknown> }): Promise<void> {
  const event = r.refersTo ? endingEvent(r.kind, r.payload) : null;
  if (!event) return;
  await m.query(
    `UPDATE credit_effects e SET status = 'ended', ended_on = $3::date, ended_by = $2, end_ref = $4, updated_at = now()
      WHERE e.status = 'active' AND (e.ends_on IS NULL OR e.ends_on >= $3::date)
        AND ((e.type = 'credit-measure' AND ${RESTING_ON_SQL}) OR ($2 = 'withdrawal' AND e.type = 'penalty' AND e.record_id = $1))`,
    [r.refersTo, event, r.decisionDate, r.id]);
}
