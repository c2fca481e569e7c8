import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: claims, releases and reassignments are plain worklist writes in the API (optimistic concurrency), no
 * longer workflow updates. `tasks.version` goes up by one whenever a task's holder or status changes, whoever
 * writes it (the API, a case activity, a withdrawal cancelling it), so a write conditioned on the version it read
 * fails instead of overwriting a change it did not see. An overdue flag or a severity change leaves it alone.
 */
export class TaskVersion1767140000001 implements MigrationInterface {
  name = 'TaskVersion1767140000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE FUNCTION tasks_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tasks_version BEFORE UPDATE OF status, assignee_id ON tasks FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id)
        EXECUTE FUNCTION tasks_bump_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tasks_version ON tasks`);
    await q.query(`DROP FUNCTION tasks_bump_version()`);
    await q.query(`ALTER TABLE tasks DROP COLUMN version`);
  }
}
