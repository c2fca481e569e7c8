import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each task carries its case's severity, so the worklist filters by severity in the same index walk as by office
 * and due date instead of looking up every visible task's case (bench/worklist.bench.ts: 44 ms p95 for
 * severity=serious at 1,000,000 tasks with the join, the slowest worklist query). The database keeps the copy
 * true on every write path — a task takes its case's severity when it is inserted, and a changed case severity
 * (determination, objection review, correction) is passed on to all its tasks — so no writer has to know about it.
 */
export class TaskCaseSeverity1764410000001 implements MigrationInterface {
  name = 'TaskCaseSeverity1764410000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN case_severity text`);
    await q.query(`UPDATE tasks t SET case_severity = c.severity FROM cases c WHERE c.case_no = t.case_no`);
    await q.query(`ALTER TABLE tasks ALTER COLUMN case_severity SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION tasks_take_case_severity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.case_severity := (SELECT severity FROM cases WHERE case_no = NEW.case_no);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tasks_case_severity BEFORE INSERT OR UPDATE OF case_no, case_severity ON tasks
      FOR EACH ROW EXECUTE FUNCTION tasks_take_case_severity()`);
    await q.query(`
      CREATE FUNCTION cases_pass_severity_to_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tasks SET case_severity = NEW.severity WHERE case_no = NEW.case_no;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER cases_severity_to_tasks AFTER UPDATE OF severity ON cases
      FOR EACH ROW WHEN (OLD.severity IS DISTINCT FROM NEW.severity) EXECUTE FUNCTION cases_pass_severity_to_tasks()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER cases_severity_to_tasks ON cases`);
    await q.query(`DROP FUNCTION cases_pass_severity_to_tasks()`);
    await q.query(`DROP TRIGGER tasks_case_severity ON tasks`);
    await q.query(`DROP FUNCTION tasks_take_case_severity()`);
    await q.query(`ALTER TABLE tasks DROP COLUMN case_severity`);
  }
}
