import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['licence', 'penalty', 'determination', 'interview', 'commitment', 'honour', 'repair', 'joint_sanction',
  'correction', 'publication_end', 'inbound'];

/**
 * The credit file (append-only, hash-chained), the evaluation snapshot, the 双公示 register, commitments
 * and objections. Registers may change state; the credit file never does.
 */
export class CreditFile1764100000000 implements MigrationInterface {
  name = 'CreditFile1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_records (
        id uuid PRIMARY KEY,
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        kind text NOT NULL CHECK (kind IN (${KINDS.map((k) => `'${k}'`).join(',')})),
        title text NOT NULL,
        decision_date date NOT NULL,
        severity text CHECK (severity IN ('minor','general','serious')),
        publicity_from date,
        publicity_until date,
        payload jsonb NOT NULL,
        source_ref text NOT NULL UNIQUE,
        refers_to uuid REFERENCES credit_records(id),
        case_no text,
        office_code text,
        created_by uuid,
        created_at timestamptz NOT NULL,
        behaviour_code text,
        catalogue_version integer,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        UNIQUE (institution_id, seq),
        CHECK (publicity_until IS NULL OR publicity_from IS NULL OR publicity_until >= publicity_from)
      )`);
    await q.query(`CREATE INDEX credit_records_refers_to ON credit_records (refers_to) WHERE refers_to IS NOT NULL`);
    await q.query(`CREATE INDEX credit_records_kind_date ON credit_records (kind, decision_date)`);
    // Evidence: like audit_log, the database itself refuses to change or remove a credit record.
    await q.query(`
      CREATE FUNCTION credit_records_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'credit_records is append-only: append a correction instead'; END $$`);
    await q.query(`
      CREATE TRIGGER credit_records_append_only BEFORE UPDATE OR DELETE ON credit_records
      FOR EACH ROW EXECUTE FUNCTION credit_records_are_append_only()`);
    await q.query(`
      CREATE TRIGGER credit_records_no_truncate BEFORE TRUNCATE ON credit_records
      FOR EACH STATEMENT EXECUTE FUNCTION credit_records_are_append_only()`);
    // The head names the last link, so deleting the newest record is detected too; it only ever advances by one.
    await q.query(`
      CREATE TABLE credit_chain_heads (
        institution_id uuid PRIMARY KEY REFERENCES institutions(id),
        seq integer NOT NULL DEFAULT 0,
        hash char(64) NOT NULL DEFAULT repeat('0', 64),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION credit_chain_heads_only_advance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.seq <> OLD.seq + 1 THEN
          RAISE EXCEPTION 'credit_chain_heads only advance by one record';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER credit_chain_heads_advance BEFORE UPDATE OR DELETE ON credit_chain_heads
      FOR EACH ROW EXECUTE FUNCTION credit_chain_heads_only_advance()`);
    await q.query(`
      CREATE TABLE institution_evaluations (
        institution_id uuid PRIMARY KEY REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        score integer NOT NULL,
        grade text NOT NULL,
        deductions integer NOT NULL,
        bonuses integer NOT NULL,
        as_of date NOT NULL,
        policy_version integer NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX institution_evaluations_grade ON institution_evaluations (grade)`);
    await q.query(`
      CREATE TABLE publicity_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('licence','penalty')),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        office_code text REFERENCES offices(code),
        document_no text NOT NULL,
        decision_date date NOT NULL,
        due_date date NOT NULL,
        severity text CHECK (severity IN ('minor','general','serious')),
        publicity_until date,
        fields jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','published')),
        published_on date,
        record_id uuid REFERENCES credit_records(id),
        created_by uuid,
        published_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, document_no),
        CHECK ((status = 'published') = (record_id IS NOT NULL AND published_on IS NOT NULL))
      )`);
    // The late report reads only what is still pending, or was published after its due date.
    await q.query(`CREATE INDEX publicity_pending_due ON publicity_decisions (due_date) INCLUDE (office_code) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX publicity_published_late ON publicity_decisions (due_date) INCLUDE (office_code)
                   WHERE status = 'published' AND published_on > due_date`);
    await q.query(`
      CREATE TABLE commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('licence_notice','repair','annual','other')),
        content text NOT NULL,
        signer_name text NOT NULL,
        signer_id_enc text,
        signer_id_hmac text,
        signed_on date NOT NULL,
        due_date date NOT NULL,
        record_id uuid NOT NULL UNIQUE REFERENCES credit_records(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','broken')),
        broken_on date,
        broken_reason text,
        broken_by uuid,
        case_no text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'broken') = (broken_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX commitments_institution ON commitments (institution_id, due_date)`);
    await q.query(`
      CREATE TABLE credit_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES credit_records(id),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        type text NOT NULL CHECK (type IN ('objection','correction')),
        reason text NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','upheld','rejected')),
        accept_due date NOT NULL,
        answer_due date NOT NULL,
        submitted_by uuid,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        decision_reason text,
        outcome_record_id uuid REFERENCES credit_records(id)
      )`);
    await q.query(`CREATE UNIQUE INDEX credit_objections_one_open ON credit_objections (record_id) WHERE status = 'submitted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['credit_objections', 'commitments', 'publicity_decisions', 'institution_evaluations', 'credit_chain_heads', 'credit_records']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS credit_chain_heads_only_advance`);
    await q.query(`DROP FUNCTION IF EXISTS credit_records_are_append_only`);
  }
}
