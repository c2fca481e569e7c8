import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the relay, the needs-fixing flow and the inbound feed need on top of the outbox table:
 * when a row was handed to the queue, the platform's field messages, a trail of officers' fixes,
 * the feed cursor, and a ledger of inbound records de-duplicated by the reporting department's id.
 */
export class PlatformRelay1764200000001 implements MigrationInterface {
  name = 'PlatformRelay1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE platform_submissions
        ADD COLUMN queued_at timestamptz,
        ADD COLUMN last_attempt_at timestamptz,
        ADD COLUMN field_errors jsonb,
        ADD COLUMN fix_count integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX platform_submissions_needs_fix ON platform_submissions (updated_at) WHERE status = 'needs_fix'`);
    // NOTIFY is transactional: the relay hears of a new row when (and only if) its transaction commits.
    await q.query(`
      CREATE FUNCTION platform_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('platform_outbox', ''); RETURN NULL; END $$`);
    await q.query(`
      CREATE TRIGGER platform_submissions_notify AFTER INSERT ON platform_submissions
      FOR EACH STATEMENT EXECUTE FUNCTION platform_outbox_notify()`);
    await q.query(`
      CREATE TABLE platform_submission_fixes (
        id bigserial PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES platform_submissions(id),
        actor_id uuid REFERENCES users(id),
        actor_role text,
        reason text NOT NULL,
        payload_before jsonb NOT NULL,
        payload_after jsonb NOT NULL,
        platform_message text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX platform_submission_fixes_submission ON platform_submission_fixes (submission_id, id)`);
    await q.query(`
      CREATE TABLE platform_feed_cursor (
        feed text PRIMARY KEY,
        after_seq bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE inbound_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_key text NOT NULL UNIQUE,
        department text NOT NULL,
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        title text NOT NULL,
        record_type text,
        severity text,
        decision_date date,
        payload jsonb NOT NULL,
        credit_record_id uuid,
        warning boolean NOT NULL DEFAULT false,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inbound_records_uscc ON inbound_records (uscc, received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbound_records`);
    await q.query(`DROP TABLE platform_feed_cursor`);
    await q.query(`DROP TABLE platform_submission_fixes`);
    await q.query(`DROP TRIGGER platform_submissions_notify ON platform_submissions`);
    await q.query(`DROP FUNCTION platform_outbox_notify`);
    await q.query(`DROP INDEX platform_submissions_needs_fix`);
    await q.query(`
      ALTER TABLE platform_submissions
        DROP COLUMN queued_at, DROP COLUMN last_attempt_at, DROP COLUMN field_errors, DROP COLUMN fix_count`);
  }
}
