import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The completions' relay table carries the portal's answers too (issue #20, src/cases/case-tellings.ts): renamed to
 * `case_tellings`, with the signal each row tells and the task or deadline it is about (`subject_id`, unique per
 * signal: a completion or an answer is told for its task or deadline once). Rows in flight stay completions.
 */
export class CaseTellings1767200000001 implements MigrationInterface {
  name = 'CaseTellings1767200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE told_completions RENAME TO case_tellings`);
    await q.query(`ALTER SEQUENCE told_completions_id_seq RENAME TO case_tellings_id_seq`);
    await q.query(`ALTER INDEX told_completions_pkey RENAME TO case_tellings_pkey`);
    await q.query(`ALTER INDEX told_completions_due RENAME TO case_tellings_due`);
    await q.query(`ALTER TABLE case_tellings RENAME COLUMN task_id TO subject_id`);
    await q.query(`ALTER TABLE case_tellings DROP CONSTRAINT told_completions_task_id_key`);
    await q.query(`ALTER TABLE case_tellings ADD COLUMN signal text NOT NULL DEFAULT 'taskCompleted'
                     CONSTRAINT case_tellings_signal_check CHECK (signal IN ('taskCompleted', 'institutionAnswered'))`);
    await q.query(`ALTER TABLE case_tellings ALTER COLUMN signal DROP DEFAULT`);
    await q.query(`ALTER TABLE case_tellings ADD CONSTRAINT case_tellings_subject_key UNIQUE (signal, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // an answer not yet told would never be: the code before this one has no relay for answers
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM case_tellings WHERE signal <> 'taskCompleted'`);
    if (n > 0) throw new Error(`${n} answer(s) in case_tellings not yet told to their cases: start an API to tell them, then revert`);
    await q.query(`ALTER TABLE case_tellings DROP CONSTRAINT case_tellings_subject_key`);
    await q.query(`ALTER TABLE case_tellings DROP COLUMN signal`);
    await q.query(`ALTER TABLE case_tellings RENAME COLUMN subject_id TO task_id`);
    await q.query(`ALTER TABLE case_tellings ADD CONSTRAINT told_completions_task_id_key UNIQUE (task_id)`);
    await q.query(`ALTER INDEX case_tellings_due RENAME TO told_completions_due`);
    await q.query(`ALTER INDEX case_tellings_pkey RENAME TO told_completions_pkey`);
    await q.query(`ALTER SEQUENCE case_tellings_id_seq RENAME TO told_completions_id_seq`);
    await q.query(`ALTER TABLE case_tellings RENAME TO told_completions`);
  }
}
