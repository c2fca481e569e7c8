import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Remedies against decisions (issue #16 item 3, docs/effects.md): a 行政复议 or 行政诉讼 against an issued decision
 * document, and later its outcome. A revoked decision's effects end and its public information is withdrawn within
 * 3 days with the reason published (行政处罚法 art. 48): `withdraw_due` is that day, `withdrawn_at` when it was done.
 */
export class Remedies1766100000002 implements MigrationInterface {
  name = 'Remedies1766100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE remedies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        case_no text REFERENCES cases(case_no),
        institution_id uuid REFERENCES institutions(id),
        uscc varchar(18),
        office_code text,
        type text NOT NULL CHECK (type IN ('reconsideration','litigation')),
        body text NOT NULL,
        filed_on date NOT NULL,
        remedy_case_no text NOT NULL,
        outcome text CHECK (outcome IN ('upheld','changed','revoked','confirmed-unlawful')),
        outcome_on date,
        outcome_note text,
        withdraw_due date,
        withdrawn_at timestamptz,
        proposal_id uuid,
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, type, remedy_case_no),
        CHECK ((outcome IS NULL) = (outcome_on IS NULL))
      )`);
    await q.query(`CREATE INDEX remedies_case ON remedies (case_no)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE remedies`);
  }
}
