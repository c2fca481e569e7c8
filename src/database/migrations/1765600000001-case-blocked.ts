import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case whose next step failed for good (a calendar year not published, a policy version missing) is recorded as
 * blocked with the failure's code and reason until someone resumes it (issue #13); the operations view lists them.
 */
export class CaseBlocked1765600000001 implements MigrationInterface {
  name = 'CaseBlocked1765600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN blocked_code text,
        ADD COLUMN blocked_reason text,
        ADD COLUMN blocked_at timestamptz,
        ADD CONSTRAINT cases_blocked_complete CHECK ((blocked_at IS NULL) = (blocked_reason IS NULL))`);
    await q.query(`CREATE INDEX cases_blocked ON cases (blocked_at) WHERE blocked_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_blocked`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_blocked_complete, DROP COLUMN blocked_code, DROP COLUMN blocked_reason, DROP COLUMN blocked_at`);
  }
}
