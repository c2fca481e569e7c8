import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest of the case lifecycle: institution deadlines, their answers, interviews, uploaded evidence. */
export class CaseLifecycle1764300000000 implements MigrationInterface {
  name = 'CaseLifecycle1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE institution_deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_no text NOT NULL REFERENCES cases(case_no),
        uscc varchar(18) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('objection','rectification')),
        round integer NOT NULL DEFAULT 0,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','missed','cancelled')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        idempotency_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX institution_deadlines_open ON institution_deadlines (uscc, due_date) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uscc varchar(18),
        sha256 char(64) NOT NULL,
        size_bytes integer NOT NULL,
        mime text NOT NULL,
        original_name text NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX uploads_owner ON uploads (uscc)`);
    await q.query(`
      CREATE TABLE case_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_no text NOT NULL REFERENCES cases(case_no),
        kind text NOT NULL CHECK (kind IN ('objection','rectification','repair')),
        round integer NOT NULL DEFAULT 0,
        deadline_id uuid REFERENCES institution_deadlines(id),
        text text NOT NULL,
        routes text[] NOT NULL DEFAULT '{}',
        file_ids uuid[] NOT NULL DEFAULT '{}',
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        idempotency_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX case_submissions_case ON case_submissions (case_no)`);
    await q.query(`
      CREATE TABLE interviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_no text NOT NULL REFERENCES cases(case_no),
        kind text NOT NULL CHECK (kind IN ('reminder','warning')),
        round integer NOT NULL,
        scheduled_at timestamptz NOT NULL,
        place text NOT NULL,
        planned_attendees text[] NOT NULL,
        attendees text[],
        minutes text,
        outcome text,
        held_at timestamptz,
        credit_record_id uuid,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','cancelled')),
        UNIQUE (case_no, round)
      )`);
    await q.query(`ALTER TABLE cases ADD COLUMN determination_record_id uuid`);
    await q.query(`CREATE INDEX tasks_open_due ON tasks (due_date) WHERE status IN ('open','claimed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tasks_open_due`);
    await q.query(`ALTER TABLE cases DROP COLUMN determination_record_id`);
    for (const t of ['interviews', 'case_submissions', 'uploads', 'institution_deadlines']) await q.query(`DROP TABLE ${t}`);
  }
}
