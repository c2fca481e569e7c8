import type { QueryRunner } from 'typeorm';
import { inPublicationSql } from '../credit-file/credit-status';
import type { PolicyDocument } from '../policies/policy.types';
import { CEILINGS_VALUES, RULE_HITS_SQL } from './grading-rules';
import { EvaluationPolicy, supervisionPolicy, SupervisionPolicyDocument } from './supervision-policy';

/**
 * The scoring and grading rules as set-based SQL, so re-evaluating 100,000 institutions is one statement, not a loop.
 * Parameters (shared by every statement here):
 *   $1 as-of date · $2 deductions by kind and severity (jsonb) · $3 honour bonus · $4 kept-commitment bonus
 *   $5 months a verified kept commitment counts · $6 institution id, or NULL for all institutions
 */
export function evaluationParams(asOf: string, p: EvaluationPolicy, institutionId: string | null): unknown[] {
  return [asOf, JSON.stringify(p.deductions), p.honourBonus, p.keptCommitmentBonus, p.keptCommitmentMonths, institutionId];
}

/**
 * `scope` the institutions evaluated · `filed` those with a record decided by $1 · `live` their records in publication
 * on $1 · `contrib` every record that moves the score (points) or counts as positive evidence for grade A · `hits`
 * every grading rule that applies (grading-rules.ts).
 */
export const CONTRIBUTIONS_CTE = `
  scope AS (SELECT i.id, i.uscc FROM institutions i WHERE $6::uuid IS NULL OR i.id = $6::uuid),
  -- one pass over the file, hashed: cheaper than probing the index once per institution for the two rules that ask
  filed AS (
    SELECT DISTINCT r.institution_id FROM credit_records r
     WHERE ($6::uuid IS NULL OR r.institution_id = $6::uuid) AND r.decision_date <= $1::date
  ),
  live AS (
    SELECT r.institution_id, r.id, r.kind, r.severity, r.behaviour_code, r.catalogue_version
      FROM credit_records r
     WHERE ($6::uuid IS NULL OR r.institution_id = $6::uuid) AND ${inPublicationSql('r', '$1::date')}
  ),
  contrib AS (
    -- deductions while in publication, looked up in $2 by kind and severity (a lookup, not a join: no sort of the
    -- records in publication); a determination takes its catalogue item's deduction unless its severity was changed
    SELECT l.institution_id, l.id AS record_id,
           -COALESCE(CASE WHEN ci.severity = l.severity THEN ci.score_deduction END,
                     ($2::jsonb -> l.kind ->> COALESCE(l.severity, 'general'))::int) AS points, false AS evidence
      FROM live l
      LEFT JOIN catalogue_items ci
             ON l.kind = 'determination' AND ci.version = l.catalogue_version AND ci.code = l.behaviour_code
     WHERE $2::jsonb -> l.kind ? COALESCE(l.severity, 'general')
    UNION ALL
    SELECT l.institution_id, l.id, $3::int, true FROM live l WHERE l.kind = 'honour'
    UNION ALL
    -- a commitment counts once the bureau verified it as kept, for $5 months from that day, unless broken since;
    -- one the institution merely signed adds nothing
    SELECT c.institution_id, c.record_id, $4::int, true
      FROM commitments c
     WHERE ($6::uuid IS NULL OR c.institution_id = $6::uuid) AND c.verification = 'kept'
       AND c.verified_on <= $1::date AND c.verified_on > ($1::date - make_interval(months => $5::int))::date
       AND (c.broken_on IS NULL OR c.broken_on > $1::date)
  ),
  hits AS (
  ${RULE_HITS_SQL}
  )`;

/** Params $7 grade bands (jsonb) · $8 maximum bonus · $9 base score, after `evaluationParams`. */
export function gradingParams(base: unknown[], p: EvaluationPolicy, grades: PolicyDocument['grades']): unknown[] {
  return [...base, JSON.stringify(grades), p.maxBonus, p.base];
}

/**
 * Score, the score's band, and the grade after the rules: the worst of the band and the ceilings of the rules that
 * apply. `caps` lists only the rules whose ceiling is below the band (the ones that changed the grade), worst first.
 */
const GRADED_CTE = `${CONTRIBUTIONS_CTE},
  ceilings(rule, grade) AS (${CEILINGS_VALUES}),
  agg AS (
    SELECT institution_id, COALESCE(sum(points) FILTER (WHERE points < 0), 0) AS ded,
           COALESCE(sum(points) FILTER (WHERE points > 0), 0) AS bon
      FROM contrib GROUP BY institution_id
  ),
  bands AS (SELECT b->>'grade' AS grade, (b->>'min')::int AS min FROM jsonb_array_elements($7::jsonb) b),
  banded AS (
    SELECT x.*, (SELECT b.grade FROM bands b WHERE b.min <= x.score ORDER BY b.min DESC LIMIT 1) AS score_grade
      FROM (
        SELECT y.*, GREATEST(0, LEAST($9::int, $9::int - y.deductions + y.bonuses)) AS score
          FROM (SELECT s.id, s.uscc, -COALESCE(a.ded, 0) AS deductions, LEAST(COALESCE(a.bon, 0), $8::int) AS bonuses
                  FROM scope s LEFT JOIN agg a ON a.institution_id = s.id) y
      ) x
  ),
  -- joins and groups rather than a subquery per institution: most institutions have a rule, and there are 100,000
  capped AS (
    SELECT k.institution_id, max(k.grade) AS worst, array_agg(k.rule ORDER BY k.grade DESC, k.rule) AS caps
      FROM (SELECT DISTINCT h.institution_id, h.rule, c.grade
              FROM hits h JOIN ceilings c ON c.rule = h.rule JOIN banded b ON b.id = h.institution_id
             WHERE c.grade > b.score_grade) k
     GROUP BY k.institution_id
  ),
  graded AS (
    SELECT b.id, b.uscc, b.score, b.deductions, b.bonuses, b.score_grade,
           COALESCE(k.worst, b.score_grade) AS grade, COALESCE(k.caps, '{}') AS caps
      FROM banded b LEFT JOIN capped k ON k.institution_id = b.id
  )`;

/**
 * Scores every selected institution as of $1 and writes the snapshot ($10 policy version). `computed_at` is the
 * statement's start: a long bulk run never overwrites a fresher single-institution evaluation written while it ran.
 */
export const UPSERT_EVALUATIONS = `
  WITH ${GRADED_CTE}
  INSERT INTO institution_evaluations (institution_id, uscc, score, grade, deductions, bonuses, caps, as_of, policy_version, computed_at)
  SELECT g.id, g.uscc, g.score, g.grade, g.deductions, g.bonuses, g.caps, $1::date, $10::int, statement_timestamp()
    FROM graded g
  ON CONFLICT (institution_id) DO UPDATE
     SET score = EXCLUDED.score, grade = EXCLUDED.grade, deductions = EXCLUDED.deductions, bonuses = EXCLUDED.bonuses,
         caps = EXCLUDED.caps, as_of = EXCLUDED.as_of, policy_version = EXCLUDED.policy_version, computed_at = EXCLUDED.computed_at
   WHERE institution_evaluations.computed_at <= EXCLUDED.computed_at`;

/** The same computation for one institution ($6), read rather than written: the as-of view. */
export const EVALUATION_OF = `
  WITH ${GRADED_CTE}
  SELECT g.score::int, g.grade, g.score_grade AS "scoreGrade", g.deductions::int, g.bonuses::int, g.caps FROM graded g`;

/** The contributing records of one institution ($6), for the as-of view. */
export const CONTRIBUTING_RECORDS = `
  WITH ${CONTRIBUTIONS_CTE}
  SELECT r.id AS "recordId", r.kind, r.title, r.decision_date::text AS "decisionDate", r.severity,
         r.publicity_from::text AS "publicityFrom", r.publicity_until::text AS "publicityUntil", c.points
    FROM contrib c JOIN credit_records r ON r.id = c.record_id
   ORDER BY r.seq`;

/** What each grading rule found for one institution ($6): the records, bans and cases behind its caps. */
export const RULE_HITS = `
  WITH ${CONTRIBUTIONS_CTE}
  SELECT h.rule, h.ref, h.label, h.on_date::text AS "onDate" FROM hits h ORDER BY h.rule, h.on_date, h.ref`;

/**
 * Runs UPSERT_EVALUATIONS for one institution or all under a policy version and answers how many rows it wrote.
 * The service calls it, and so does the migration that changed the grading rules (to recompute stored grades).
 */
export async function writeEvaluations(
  runner: QueryRunner, asOf: string, institutionId: string | null, policy: { version: number; document: PolicyDocument },
): Promise<number> {
  const p = supervisionPolicy(policy.document as SupervisionPolicyDocument);
  const params = [...gradingParams(evaluationParams(asOf, p.evaluation, institutionId), p.evaluation, p.grades), policy.version];
  // a query runner's structured result carries pg's row count (EntityManager.query drops it for INSERT)
  return (await runner.query(UPSERT_EVALUATIONS, params, true)).affected ?? 0;
}
