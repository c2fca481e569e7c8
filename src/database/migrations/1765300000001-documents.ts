import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copies, not imports: a migration must keep meaning what it meant when it ran.
const KINDS = ['notice-of-determination', 'objection-result', 'determination-decision', 'repair-notice', 'rectification-order',
  'interview-notice', 'interview-record', 'sanction-letter', 'sanction-lifting-letter', 'repair-decision', 'service-receipt'];
const METHODS = ['electronic', 'direct', 'postal', 'left', 'public_notice'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Formal documents (文书) and their service (送达), issue #15:
 * - document_settings: the issuing body, its code, number prefixes, the 行政复议 body, the court, retention years;
 * - document_number_counters: the gap-free sequence per bureau, kind and year (its row is locked by the issuing
 *   transaction, so a rolled-back issue gives its number back);
 * - documents: a draft holds its number; once issued or void a row never changes and no row is ever deleted;
 * - document_signing_keys: public keys of every key that ever signed, so old documents keep verifying;
 * - electronic_service_consents (电子送达确认书), document_services (one service per document), document_openings.
 */
export class Documents1765300000001 implements MigrationInterface {
  name = 'Documents1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        issuer_name text NOT NULL,
        issuer_code varchar(18) NOT NULL,
        area_code varchar(6) NOT NULL,
        number_prefixes jsonb NOT NULL,
        review_body text NOT NULL,
        court text NOT NULL,
        contact_address text NOT NULL,
        contact_phone text NOT NULL,
        verify_base_url text NOT NULL,
        retention_years jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE document_number_counters (
        issuer_code varchar(18) NOT NULL,
        kind text NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL CHECK (last_value > 0),
        PRIMARY KEY (issuer_code, kind, year)
      )`);
    await q.query(`
      CREATE TABLE document_signing_keys (
        key_id text PRIMARY KEY,
        algorithm text NOT NULL,
        public_key text NOT NULL,
        holder text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
        template_version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','issued','void')),
        issuer_code varchar(18) NOT NULL,
        year integer NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        doc_no text NOT NULL,
        case_no text REFERENCES cases(case_no),
        office_code text REFERENCES offices(code),
        institution_id uuid REFERENCES institutions(id),
        uscc varchar(18),
        to_subject boolean NOT NULL,
        addressee_name text NOT NULL,
        title text NOT NULL,
        input jsonb NOT NULL,
        content jsonb NOT NULL,
        pdf bytea,
        sha256 char(64),
        signature text,
        signer_key_id text REFERENCES document_signing_keys(key_id),
        verification_code_hash char(64) UNIQUE,
        replaces uuid REFERENCES documents(id),
        drafted_by uuid REFERENCES users(id),
        drafted_at timestamptz NOT NULL DEFAULT now(),
        issued_on date,
        issued_at timestamptz,
        issued_by uuid REFERENCES users(id),
        void_reason text,
        voided_by uuid REFERENCES users(id),
        voided_at timestamptz,
        idempotency_key text NOT NULL UNIQUE,
        UNIQUE (issuer_code, kind, year, seq),
        UNIQUE (issuer_code, doc_no),
        CHECK ((status = 'issued') = (pdf IS NOT NULL AND sha256 IS NOT NULL AND signature IS NOT NULL AND issued_at IS NOT NULL)),
        CHECK ((status = 'void') = (void_reason IS NOT NULL AND voided_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX documents_case ON documents (case_no, drafted_at) WHERE case_no IS NOT NULL`);
    // a document is replaced by one correction at most (a voided correction draft does not count)
    await q.query(`CREATE UNIQUE INDEX documents_one_correction ON documents (replaces) WHERE replaces IS NOT NULL AND status <> 'void'`);
    await q.query(`CREATE INDEX documents_subject ON documents (uscc, issued_at) WHERE status = 'issued' AND to_subject`);
    // Like audit_log and credit_records, the database itself keeps issued content: a draft may be issued or voided
    // once, a number never changes, nothing is deleted. A correction is a new document that names the old one.
    await q.query(`
      CREATE FUNCTION documents_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN RAISE EXCEPTION 'documents are never deleted: void a draft or issue a correction'; END IF;
        IF OLD.status <> 'draft' THEN RAISE EXCEPTION 'document % is % and can no longer change', OLD.doc_no, OLD.status; END IF;
        IF (NEW.doc_no, NEW.seq, NEW.year, NEW.kind, NEW.issuer_code) IS DISTINCT FROM (OLD.doc_no, OLD.seq, OLD.year, OLD.kind, OLD.issuer_code) THEN
          RAISE EXCEPTION 'the number of document % never changes', OLD.doc_no;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER documents_keep_issued BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_keep_issued()`);
    await q.query(`CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION documents_keep_issued()`);
    await q.query(`
      CREATE TABLE electronic_service_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        signed_on date NOT NULL,
        signatory text NOT NULL,
        email_enc text,
        mobile_enc text,
        evidence_file_id uuid REFERENCES uploads(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        revoked_on date,
        revoked_reason text,
        revoked_by uuid REFERENCES users(id),
        revoked_at timestamptz,
        CHECK ((revoked_at IS NULL) = (revoked_on IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX electronic_service_consents_active ON electronic_service_consents (institution_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE document_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL UNIQUE REFERENCES documents(id),
        method text NOT NULL CHECK (method IN (${list(METHODS)})),
        served_on date NOT NULL,
        served_at timestamptz,
        address text,
        proof jsonb NOT NULL,
        consent_id uuid REFERENCES electronic_service_consents(id),
        receipt_document_id uuid REFERENCES documents(id),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((method = 'electronic') = (consent_id IS NOT NULL AND served_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE FUNCTION document_services_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a recorded service is evidence and never changes'; END $$`);
    await q.query(`CREATE TRIGGER document_services_final BEFORE UPDATE OR DELETE ON document_services FOR EACH ROW EXECUTE FUNCTION document_services_are_final()`);
    await q.query(`
      CREATE TABLE document_openings (
        document_id uuid PRIMARY KEY REFERENCES documents(id),
        opened_by uuid NOT NULL REFERENCES users(id),
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['document_openings', 'document_services', 'electronic_service_consents', 'documents', 'document_signing_keys',
      'document_number_counters', 'document_settings']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION document_services_are_final`);
    await q.query(`DROP FUNCTION documents_keep_issued`);
  }
}
