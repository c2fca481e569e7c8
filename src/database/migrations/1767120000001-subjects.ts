import { MigrationInterface, QueryRunner } from 'typeorm';

const DOC_KINDS = ['notice-of-determination', 'objection-result', 'determination-decision', 'repair-notice', 'rectification-order',
  'interview-notice', 'interview-record', 'sanction-letter', 'sanction-lifting-letter', 'repair-decision', 'service-receipt',
  'penalty-notice', 'hearing-notice', 'hearing-record', 'penalty-decision'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Issue #19 part 1: subjects. Every institution is a subject (one row each, kept by a trigger, so every USCC route and
 * import keeps working unchanged); a natural person is a subject with an ID type, the ID number sealed (AES-GCM) and
 * its blind index, and a name. A person's credit records, 双公示 decisions, reviews, uploads and documents hang off the
 * subject id (their institution and USCC columns stay empty). Additive only: no institution row or record changes.
 */
export class Subjects1767120000001 implements MigrationInterface {
  name = 'Subjects1767120000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subjects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('institution','person')),
        institution_id uuid UNIQUE REFERENCES institutions(id),
        id_type text,
        id_enc text,
        id_hmac char(64) UNIQUE,
        name text,
        office_code text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'institution') = (institution_id IS NOT NULL)),
        CHECK (kind = 'institution' OR (id_type IS NOT NULL AND id_enc IS NOT NULL AND id_hmac IS NOT NULL AND name IS NOT NULL))
      )`);
    await q.query(`INSERT INTO subjects (kind, institution_id, office_code) SELECT 'institution', id, office_code FROM institutions`);
    await q.query(`
      CREATE FUNCTION institution_is_a_subject() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO subjects (kind, institution_id, office_code) VALUES ('institution', NEW.id, NEW.office_code) ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER institutions_are_subjects AFTER INSERT ON institutions FOR EACH ROW EXECUTE FUNCTION institution_is_a_subject()`);

    // a person's records: the subject instead of the institution; the chain head per subject, advancing as institutions' do
    await q.query(`ALTER TABLE credit_records ADD COLUMN subject_id uuid REFERENCES subjects(id)`);
    await q.query(`ALTER TABLE credit_records ALTER COLUMN institution_id DROP NOT NULL, ALTER COLUMN uscc DROP NOT NULL`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_owner CHECK (institution_id IS NOT NULL OR subject_id IS NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX credit_records_subject_seq ON credit_records (subject_id, seq) WHERE institution_id IS NULL`);
    await q.query(`
      CREATE TABLE subject_chain_heads (
        subject_id uuid PRIMARY KEY REFERENCES subjects(id),
        seq integer NOT NULL DEFAULT 0,
        hash char(64) NOT NULL DEFAULT repeat('0', 64),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TRIGGER subject_chain_heads_advance BEFORE UPDATE OR DELETE ON subject_chain_heads
      FOR EACH ROW EXECUTE FUNCTION credit_chain_heads_only_advance()`);

    for (const table of ['publicity_decisions', 'credit_reviews']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN subject_id uuid REFERENCES subjects(id)`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN institution_id DROP NOT NULL, ALTER COLUMN uscc DROP NOT NULL`);
    }
    await q.query(`ALTER TABLE publicity_decisions ADD CONSTRAINT publicity_decisions_owner CHECK (institution_id IS NOT NULL OR subject_id IS NOT NULL)`);
    // a review of a person nobody has recorded yet is still filed, by the blind index of the number it was asked for
    await q.query(`ALTER TABLE credit_reviews ADD CONSTRAINT credit_reviews_owner
      CHECK (institution_id IS NOT NULL OR subject_id IS NOT NULL OR cardinality(person_hmacs) > 0)`);
    await q.query(`ALTER TABLE public_texts ALTER COLUMN uscc DROP NOT NULL`);
    await q.query(`ALTER TABLE uploads ADD COLUMN subject_id uuid REFERENCES subjects(id)`);
    await q.query(`CREATE INDEX uploads_subject ON uploads (subject_id) WHERE subject_id IS NOT NULL`);
    await q.query(`ALTER TABLE documents ADD COLUMN subject_id uuid REFERENCES subjects(id)`);
    await q.query(`CREATE INDEX documents_person ON documents (subject_id) WHERE subject_id IS NOT NULL`);

    // counter intake: what a person handed in on paper or at the counter, entered by an officer
    await q.query(`
      CREATE TABLE counter_intakes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id uuid NOT NULL REFERENCES subjects(id),
        kind text NOT NULL CHECK (kind IN ('objection','statement')),
        record_id uuid REFERENCES credit_records(id),
        channel text NOT NULL CHECK (channel IN ('counter','post')),
        received_on date NOT NULL,
        content text NOT NULL,
        material uuid[] NOT NULL DEFAULT '{}',
        office_code text,
        entered_by uuid NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received','upheld','rejected')),
        decided_by uuid,
        decided_at timestamptz,
        decision_reason text,
        document_id uuid REFERENCES documents(id),
        CHECK (status = 'received' OR (decided_by IS NOT NULL AND decided_by <> entered_by))
      )`);
    await q.query(`CREATE INDEX counter_intakes_subject ON counter_intakes (subject_id, received_on)`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list([...DOC_KINDS, 'record-objection-result'])}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${list(DOC_KINDS)}))`);
    await q.query(`DROP TABLE counter_intakes`);
    await q.query(`ALTER TABLE documents DROP COLUMN subject_id`);
    await q.query(`ALTER TABLE uploads DROP COLUMN subject_id`);
    await q.query(`ALTER TABLE public_texts ALTER COLUMN uscc SET NOT NULL`);
    for (const table of ['publicity_decisions', 'credit_reviews']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_owner`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN subject_id`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN institution_id SET NOT NULL, ALTER COLUMN uscc SET NOT NULL`);
    }
    await q.query(`DROP TABLE subject_chain_heads`);
    await q.query(`DROP INDEX credit_records_subject_seq`);
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_owner`);
    await q.query(`ALTER TABLE credit_records DROP COLUMN subject_id`);
    await q.query(`ALTER TABLE credit_records ALTER COLUMN institution_id SET NOT NULL, ALTER COLUMN uscc SET NOT NULL`);
    await q.query(`DROP TRIGGER institutions_are_subjects ON institutions`);
    await q.query(`DROP FUNCTION institution_is_a_subject()`);
    await q.query(`DROP TABLE subjects`);
  }
}
