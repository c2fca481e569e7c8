import { inPublicationSql } from '../credit-file/credit-status';
import type { PolicyDocument } from '../policies/policy.types';
import type { EvaluationPolicy } from './supervision-policy';

/**
 * The scoring rules as set-based SQL, so re-evaluating 100,000 institutions is one statement, not a loop.
 * Parameters (shared by every statement here):
 *   $1 as-of date · $2 deductions by kind and severity (jsonb) · $3 honour bonus · $4 kept-commitment bonus
 *   $5 months a kept commitment counts · $6 institution id, or NULL for all institutions
 */
export function evaluationParams(asOf: string, p: EvaluationPolicy, institutionId: string | null): unknown[] {
  return [asOf, JSON.stringify(p.deductions), p.honourBonus, p.keptCommitmentBonus, p.keptCommitmentMonths, institutionId];
}

/** Every record that moves the score on $1, one row each: (institution_id, record_id, points). */
export const CONTRIBUTIONS_CTE = `
  weights AS (
    SELECT e.kind, x.severity, x.points::int AS points
      FROM jsonb_each($2::jsonb) AS e(kind, by_severity), jsonb_each_text(e.by_severity) AS x(severity, points)
  ),
  contrib AS (
    -- deductions while in publication; a determination takes its catalogue item's deduction unless its severity was changed
    SELECT r.institution_id, r.id AS record_id,
           -COALESCE(CASE WHEN ci.severity = r.severity THEN ci.score_deduction END, w.points) AS points
      FROM credit_records r
      JOIN weights w ON w.kind = r.kind AND w.severity = COALESCE(r.severity, 'general')
      LEFT JOIN catalogue_items ci
             ON r.kind = 'determination' AND ci.version = r.catalogue_version AND ci.code = r.behaviour_code
     WHERE ($6::uuid IS NULL OR r.institution_id = $6::uuid) AND ${inPublicationSql('r', '$1::date')}
    UNION ALL
    SELECT r.institution_id, r.id, $3::int
      FROM credit_records r
     WHERE r.kind = 'honour' AND ($6::uuid IS NULL OR r.institution_id = $6::uuid) AND ${inPublicationSql('r', '$1::date')}
    UNION ALL
    -- a commitment is kept once its term has ended without being marked broken; it counts for $5 months
    SELECT c.institution_id, c.record_id, $4::int
      FROM commitments c
     WHERE ($6::uuid IS NULL OR c.institution_id = $6::uuid)
       AND c.due_date <= $1::date AND c.due_date > ($1::date - make_interval(months => $5::int))::date
       AND (c.broken_on IS NULL OR c.broken_on > $1::date)
  )`;

/** Params $7 grade bands (jsonb) · $8 maximum bonus · $9 base score · $10 policy version, after `evaluationParams`. */
export function upsertParams(base: unknown[], p: EvaluationPolicy, grades: PolicyDocument['grades'], policyVersion: number) {
  return [...base, JSON.stringify(grades), p.maxBonus, p.base, policyVersion];
}

/**
 * Scores every selected institution as of $1 and writes the snapshot. `computed_at` is the statement's start:
 * a long bulk run never overwrites a fresher single-institution evaluation written while it ran.
 */
export const UPSERT_EVALUATIONS = `
  WITH ${CONTRIBUTIONS_CTE},
  agg AS (
    SELECT institution_id, COALESCE(sum(points) FILTER (WHERE points < 0), 0) AS ded,
           COALESCE(sum(points) FILTER (WHERE points > 0), 0) AS bon
      FROM contrib GROUP BY institution_id
  ),
  bands AS (SELECT b->>'grade' AS grade, (b->>'min')::int AS min FROM jsonb_array_elements($7::jsonb) b),
  scored AS (
    SELECT i.id, i.uscc, -COALESCE(a.ded, 0) AS deductions, LEAST(COALESCE(a.bon, 0), $8::int) AS bonuses
      FROM institutions i LEFT JOIN agg a ON a.institution_id = i.id
     WHERE $6::uuid IS NULL OR i.id = $6::uuid
  ),
  final AS (
    SELECT s.*, GREATEST(0, LEAST($9::int, $9::int - s.deductions + s.bonuses)) AS score FROM scored s
  )
  INSERT INTO institution_evaluations (institution_id, uscc, score, grade, deductions, bonuses, as_of, policy_version, computed_at)
  SELECT f.id, f.uscc, f.score,
         (SELECT b.grade FROM bands b WHERE b.min <= f.score ORDER BY b.min DESC LIMIT 1),
         f.deductions, f.bonuses, $1::date, $10::int, statement_timestamp()
    FROM final f
  ON CONFLICT (institution_id) DO UPDATE
     SET score = EXCLUDED.score, grade = EXCLUDED.grade, deductions = EXCLUDED.deductions, bonuses = EXCLUDED.bonuses,
         as_of = EXCLUDED.as_of, policy_version = EXCLUDED.policy_version, computed_at = EXCLUDED.computed_at
   WHERE institution_evaluations.computed_at <= EXCLUDED.computed_at`;

/** The contributing records of one institution ($6), for the as-of view. */
export const CONTRIBUTING_RECORDS = `
  WITH ${CONTRIBUTIONS_CTE}
  SELECT r.id AS "recordId", r.kind, r.title, r.decision_date::text AS "decisionDate", r.severity,
         r.publicity_from::text AS "publicityFrom", r.publicity_until::text AS "publicityUntil", c.points
    FROM contrib c JOIN credit_records r ON r.id = c.record_id
   ORDER BY r.seq`;
