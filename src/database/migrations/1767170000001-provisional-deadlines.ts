import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #21: an institution's deadline computed in a year the administrator has not published is provisional (暂定)
 * until the year is published and the case recomputes it; the partial index finds the ones to recompute.
 */
export class ProvisionalDeadlines1767170000001 implements MigrationInterface {
  name = 'ProvisionalDeadlines1767170000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE institution_deadlines ADD COLUMN provisional boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX institution_deadlines_provisional_open ON institution_deadlines (case_no) WHERE provisional AND status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX institution_deadlines_provisional_open`);
    await q.query(`ALTER TABLE institution_deadlines DROP COLUMN provisional`);
  }
}
