import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four eyes (issue #14 point 3, docs/four-eyes.md): a change that removes, changes or ends a record's effect, or
 * changes the rules everyone's deadlines follow, is first a proposal and takes effect only on a second person's
 * decision. The database refuses a decision by the proposer or by whoever raised the matter, whatever the code does.
 * Objections to a record another department determined are referred back to it (谁认定谁修复), never decided here.
 */
export class FourEyes1765600000000 implements MigrationInterface {
  name = 'FourEyes1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject_ref text NOT NULL,
        office_code text REFERENCES offices(code),
        deciding_role text NOT NULL,
        summary text NOT NULL,
        change jsonb NOT NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        raised_by uuid,
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        CHECK ((status = 'pending') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
        CHECK (decided_by IS DISTINCT FROM proposed_by AND (raised_by IS NULL OR decided_by IS DISTINCT FROM raised_by))
      )`);
    // one open proposal per subject: a second one would let two drafts race for the same approver
    await q.query(`CREATE UNIQUE INDEX decision_proposals_one_open ON decision_proposals (kind, subject_ref) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX decision_proposals_pending ON decision_proposals (office_code, proposed_at) WHERE status = 'pending'`);
    await q.query(`ALTER TABLE credit_objections DROP CONSTRAINT credit_objections_status_check`);
    await q.query(`
      ALTER TABLE credit_objections
        ADD CONSTRAINT credit_objections_status_check CHECK (status IN ('submitted','upheld','rejected','referred')),
        ADD COLUMN referred_to text,
        ADD COLUMN proposal_id uuid REFERENCES decision_proposals(id),
        ADD CONSTRAINT credit_objections_referred_to CHECK ((status = 'referred') = (referred_to IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM credit_objections WHERE status = 'referred'`);
    await q.query(`
      ALTER TABLE credit_objections DROP CONSTRAINT credit_objections_referred_to, DROP COLUMN proposal_id, DROP COLUMN referred_to,
        DROP CONSTRAINT credit_objections_status_check,
        ADD CONSTRAINT credit_objections_status_check CHECK (status IN ('submitted','upheld','rejected'))`);
    await q.query(`DROP TABLE decision_proposals`);
  }
}
