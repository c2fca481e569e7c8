import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results of the scheduled integrity checks (issue #21): today the nightly verification of every credit file's hash
 * chain. One row per run, kept as evidence that the check ran and what it found; the alerts read the latest.
 */
export class OpsChecks1766000000000 implements MigrationInterface {
  name = 'OpsChecks1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ops_check_runs (
        id bigserial PRIMARY KEY,
        check_name text NOT NULL CHECK (check_name IN ('credit_chains')),
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now(),
        checked integer NOT NULL CHECK (checked >= 0),
        failed integer NOT NULL CHECK (failed >= 0),
        -- USCC, first broken sequence number and reason of each failure: no personal data
        failures jsonb NOT NULL DEFAULT '[]'::jsonb
      )`);
    await q.query(`CREATE INDEX ops_check_runs_latest ON ops_check_runs (check_name, finished_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ops_check_runs`);
  }
}
