import { MigrationInterface, QueryRunner } from 'typeorm';
import { shanghaiToday } from '../../credit-file/credit-status';
import { writeEvaluations } from '../../evaluation/evaluation.sql';

/**
 * The grading rules of docs/credit-grading.md (issue #16): commitments count only once the bureau verified them as
 * kept; the evaluation snapshot keeps the rules that capped the grade; closed-unrectified cases are found by index.
 * Existing commitments stay unverified, so none of them counts until an officer verifies it, and every stored grade
 * is recomputed under the new rules in this transaction.
 */
export class GradingRules1765500000000 implements MigrationInterface {
  name = 'GradingRules1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE commitments
        ADD COLUMN verification text CHECK (verification IN ('kept','not_kept')),
        ADD COLUMN verified_on date,
        ADD COLUMN verified_by uuid REFERENCES users(id),
        ADD COLUMN verified_at timestamptz,
        ADD COLUMN verification_note text,
        ADD CONSTRAINT commitments_verified_together
          CHECK ((verification IS NULL) = (verified_on IS NULL) AND (verification IS NULL) = (verified_at IS NULL))`);
    await q.query(`ALTER TABLE institution_evaluations ADD COLUMN caps text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX cases_closed_unrectified ON cases (institution_id) WHERE outcome = 'PUBLICATION_ENDED_UNRECTIFIED'`);
    await recomputeStoredGrades(q);
  }

  async down(q: QueryRunner): Promise<void> {
    // the verifications are lost with their columns; grades stay as last computed until the next re-evaluation
    await q.query(`DROP INDEX IF EXISTS cases_closed_unrectified`);
    await q.query(`ALTER TABLE institution_evaluations DROP COLUMN caps`);
    await q.query(`
      ALTER TABLE commitments DROP CONSTRAINT commitments_verified_together, DROP COLUMN verification, DROP COLUMN verified_on,
        DROP COLUMN verified_by, DROP COLUMN verified_at, DROP COLUMN verification_note`);
  }
}

/**
 * Rewrites every stored grade under the active policy. A database with no stored grade (a fresh one) has nothing to
 * recompute, so the statement runs only where grades were written by the old rules.
 */
async function recomputeStoredGrades(q: QueryRunner): Promise<void> {
  const [stored] = await q.query(`SELECT 1 FROM institution_evaluations LIMIT 1`);
  const [active] = await q.query(`SELECT version, document FROM policies WHERE active`);
  if (!stored || !active) return;
  await writeEvaluations(q, shanghaiToday(), null, active);
}
