import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completions the worklist accepted and the case has yet to be told (issue #20, src/tasks/told-completions.ts): a
 * row is written in the completion's own transaction and deleted once the case has the signal, so a completion is
 * never committed without its case hearing of it, nor told without being committed. `next_at` is the time a relay
 * may take the row; `failed_at` marks a case that could not be told (it had ended), kept for the administrator.
 */
export class ToldCompletions1767190000001 implements MigrationInterface {
  name = 'ToldCompletions1767190000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE told_completions (
        id bigserial PRIMARY KEY,
        case_no text NOT NULL,
        task_id uuid NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        next_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        failed_at timestamptz
      )`);
    await q.query(`CREATE INDEX told_completions_due ON told_completions (next_at) WHERE failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE told_completions`);
  }
}
