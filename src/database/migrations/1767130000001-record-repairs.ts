import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['notice-of-determination', 'objection-result', 'determination-decision', 'repair-notice', 'rectification-order',
  'interview-notice', 'interview-record', 'sanction-letter', 'sanction-lifting-letter', 'repair-decision', 'service-receipt',
  'penalty-notice', 'hearing-notice', 'hearing-record', 'penalty-decision', 'record-objection-result'];
const REPAIR_KINDS = ['record-repair-decision', 'repair-referral-letter'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Issue #19 part 2: repair of every record the bureau determined (谁认定谁修复, 国家发展改革委令第36号), keyed by the
 * credit record (and, for a 双公示 penalty, its register row). Additive only: two tables and two document kinds.
 * - `fine_payments`: a fine recorded as paid, with its date and receipt, which repair requires (36号令: every
 *   obligation fulfilled); one per penalty decision.
 * - `record_repairs`: one application, from the portal, the counter or 信用中国 (through the municipal platform), its
 *   acceptance and decision due dates (working days of the policy), the outcome, or the department it was referred to.
 */
export class RecordRepairs1767130000001 implements MigrationInterface {
  name = 'RecordRepairs1767130000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fine_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL UNIQUE REFERENCES publicity_decisions(id),
        paid_on date NOT NULL,
        receipt_no text NOT NULL,
        amount_yuan numeric(14,2),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE record_repairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES credit_records(id),
        decision_id uuid REFERENCES publicity_decisions(id),
        institution_id uuid REFERENCES institutions(id),
        uscc varchar(18),
        office_code text,
        route text NOT NULL CHECK (route IN ('portal','counter','creditchina')),
        external_ref text,
        received_on date NOT NULL,
        commitment text,
        commitment_signed_on date,
        correction text NOT NULL,
        file_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','accepted','not_accepted','granted','refused','referred')),
        accept_due date NOT NULL,
        accepted_on date,
        accepted_by uuid REFERENCES users(id),
        decide_due date,
        decided_on date,
        decided_by uuid REFERENCES users(id),
        reason text,
        referred_to text,
        document_id uuid REFERENCES documents(id),
        repair_record_id uuid REFERENCES credit_records(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (route, external_ref),
        CHECK ((status = 'referred') = (referred_to IS NOT NULL))
      )`);
    // at most one application open per record: a second one waits for the first's outcome
    await q.query(`CREATE UNIQUE INDEX record_repairs_open ON record_repairs (record_id) WHERE status IN ('submitted','accepted')`);
    await q.query(`CREATE INDEX record_repairs_uscc ON record_repairs (uscc, created_at DESC)`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list([...KINDS, ...REPAIR_KINDS])}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE record_repairs`);
    await q.query(`DROP TABLE fine_payments`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list(KINDS)}))`);
  }
}
