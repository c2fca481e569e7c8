import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17: 限制从业 through the penalty procedure (行政处罚法 2021). A ban starts as a proposal (`ban_proposals`) that
 * the penalty-procedure workflow carries through confirmation by a second officer (art. 42), the 事先告知书 and the
 * period for statement, defence and a hearing (art. 44, 63–64, 85), the hearing, legal review (art. 58) and the
 * head's decision (art. 57). Only a decision writes an `industry_bans` row, the penalty the credit review reads; it
 * ends at its term or when the decision is revoked, changed or annulled (`ended_on`), never by credit repair.
 * `ban_steps` records who acted at each step, with the two officers and their enforcement certificates.
 */
export class PenaltyProcedure1766200000003 implements MigrationInterface {
  name = 'PenaltyProcedure1766200000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ban_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'proposed'
          CHECK (status IN ('proposed','confirmed','noticed','hearing','legal_review','head_decision','decided','not_imposed')),
        measure_id text NOT NULL REFERENCES measure_catalogue(id),
        facts text NOT NULL,
        person_name text NOT NULL,
        person_id_enc text NOT NULL,
        person_id_hmac text NOT NULL,
        institution_id uuid REFERENCES institutions(id),
        uscc varchar(18),
        period_years integer NOT NULL CHECK (period_years BETWEEN 1 AND 10),
        office_code text NOT NULL,
        proposed_by uuid NOT NULL REFERENCES users(id),
        second_officer uuid NOT NULL REFERENCES users(id) CHECK (second_officer <> proposed_by),
        notice_served_on date,
        statement_due date,
        hearing_requested_on date,
        hearing_at timestamptz,
        hearing_place text,
        hearing_chair uuid REFERENCES users(id) CHECK (hearing_chair NOT IN (proposed_by, second_officer)),
        hearing_notice_served_on date,
        heard_on date,
        legal_reviewed_by uuid REFERENCES users(id),
        legal_opinion text,
        decided_by uuid REFERENCES users(id) CHECK (decided_by NOT IN (proposed_by, second_officer)),
        collective_discussion boolean,
        decision_date date,
        serve_by date,
        decision_served_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ban_proposals_person ON ban_proposals (person_id_hmac)`);
    await q.query(`
      CREATE TABLE ban_steps (
        id bigserial PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES ban_proposals(id),
        step text NOT NULL,
        actor_id uuid NOT NULL REFERENCES users(id),
        -- the two officers who acted and their enforcement certificate numbers (行政处罚法 art. 42)
        officers jsonb NOT NULL DEFAULT '[]'::jsonb,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (proposal_id, step)
      )`);
    await q.query(`
      ALTER TABLE industry_bans
        ADD COLUMN source text NOT NULL DEFAULT 'legacy' CHECK (source IN ('legacy','procedure','external')),
        ADD COLUMN proposal_id uuid UNIQUE REFERENCES ban_proposals(id),
        ADD COLUMN measure_id text REFERENCES measure_catalogue(id),
        ADD COLUMN decision_no text,
        ADD COLUMN issuer text,
        ADD COLUMN decision_served_on date,
        ADD COLUMN ended_on date,
        ADD COLUMN end_reason text CHECK (end_reason IN ('revoked','changed','annulled')),
        ADD COLUMN end_outcome text,
        ADD CONSTRAINT industry_bans_end_complete CHECK ((ended_on IS NULL) = (end_reason IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE industry_bans DROP CONSTRAINT industry_bans_end_complete, DROP COLUMN end_outcome, DROP COLUMN end_reason,
      DROP COLUMN ended_on, DROP COLUMN decision_served_on, DROP COLUMN issuer, DROP COLUMN decision_no, DROP COLUMN measure_id,
      DROP COLUMN proposal_id, DROP COLUMN source`);
    await q.query(`DROP TABLE ban_steps`);
    await q.query(`DROP TABLE ban_proposals`);
  }
}
