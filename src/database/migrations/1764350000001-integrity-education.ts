import { MigrationInterface, QueryRunner } from 'typeorm';

/** 诚信教育 activities schools record (brief §2, §4): theme, date, participants, evidence; counted per term. */
export class IntegrityEducation1764350000001 implements MigrationInterface {
  name = 'IntegrityEducation1764350000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE integrity_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        theme text NOT NULL,
        activity_date date NOT NULL,
        term text NOT NULL CHECK (term ~ '^[0-9]{4}-[12]$'),
        participants integer NOT NULL CHECK (participants BETWEEN 1 AND 100000),
        description text,
        evidence_file_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX integrity_activities_term ON integrity_activities (term, uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE integrity_activities`);
  }
}
