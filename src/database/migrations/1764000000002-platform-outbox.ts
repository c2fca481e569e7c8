import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox: a submission to the municipal platform is written in the same transaction as its record. */
export class PlatformOutbox1764000000002 implements MigrationInterface {
  name = 'PlatformOutbox1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE platform_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        record_type text NOT NULL,
        record_ref text NOT NULL,
        uscc varchar(18),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','needs_fix')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        receipt_id text,
        office_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX platform_submissions_pending ON platform_submissions (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX platform_submissions_record ON platform_submissions (record_type, record_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE platform_submissions`);
  }
}
