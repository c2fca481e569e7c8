import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Institution imports run as queue jobs in the worker (issue #14 point 5): the upload request stores the file here
 * and answers 202; the worker reads it, writes progress, then the report. The file holds legal representatives' ID
 * numbers, so it is kept sealed with the data key and dropped as soon as the import ends.
 */
export class InstitutionImports1765610000014 implements MigrationInterface {
  name = 'InstitutionImports1765610000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE institution_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_by uuid NOT NULL REFERENCES users(id),
        file_name text NOT NULL,
        file_kind text NOT NULL CHECK (file_kind IN ('xlsx','csv')),
        file_sealed text,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        processed integer NOT NULL DEFAULT 0,
        total integer,
        report jsonb,
        error_code text,
        error_message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT institution_imports_file_until_finished CHECK (status IN ('queued','running') OR file_sealed IS NULL)
      )`);
    await q.query(`CREATE INDEX institution_imports_by_creator ON institution_imports (created_by, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE institution_imports`);
  }
}
