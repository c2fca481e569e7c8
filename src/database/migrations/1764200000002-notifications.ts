import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-app inbox. Each row is also the outbox of its SMS/e-mail copy (dispatch_status), so a message
 * written in a case's transaction is sent after that transaction commits, and never if it rolls back.
 */
export class Notifications1764200000002 implements MigrationInterface {
  name = 'Notifications1764200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_user_id uuid NOT NULL REFERENCES users(id),
        uscc varchar(18),
        template text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        idempotency_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        dispatch_status text NOT NULL DEFAULT 'pending' CHECK (dispatch_status IN ('pending','sent')),
        dispatched_at timestamptz,
        queued_at timestamptz,
        UNIQUE (idempotency_key, recipient_user_id)
      )`);
    await q.query(`CREATE INDEX notifications_inbox ON notifications (recipient_user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_dispatch ON notifications (created_at) WHERE dispatch_status = 'pending'`);
    await q.query(`
      CREATE FUNCTION notifications_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('notification_outbox', ''); RETURN NULL; END $$`);
    await q.query(`
      CREATE TRIGGER notifications_notify AFTER INSERT ON notifications
      FOR EACH STATEMENT EXECUTE FUNCTION notifications_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP FUNCTION notifications_notify`);
  }
}
