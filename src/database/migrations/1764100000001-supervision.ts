import { MigrationInterface, QueryRunner } from 'typeorm';

/** Graded supervision: inspection plans (双随机), credit reviews and the matters they gate, industry bans. */
export class Supervision1764100000001 implements MigrationInterface {
  name = 'Supervision1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        seed text NOT NULL,
        year integer NOT NULL,
        office_code text REFERENCES offices(code),
        policy_version integer NOT NULL REFERENCES policies(version),
        ratios jsonb NOT NULL,
        inspectors_per_target integer NOT NULL CHECK (inspectors_per_target > 0),
        candidates jsonb NOT NULL,
        inspectors jsonb NOT NULL,
        digest char(64) NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE inspection_targets (
        plan_id uuid NOT NULL REFERENCES inspection_plans(id),
        position integer NOT NULL,
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        grade text NOT NULL,
        inspector_ids uuid[] NOT NULL,
        result text CHECK (result IN ('pass','fail')),
        findings text,
        recorded_by uuid,
        recorded_at timestamptz,
        case_no text,
        PRIMARY KEY (plan_id, uscc),
        UNIQUE (plan_id, position)
      )`);
    await q.query(`CREATE INDEX inspection_targets_institution ON inspection_targets (institution_id)`);
    await q.query(`
      CREATE TABLE review_matters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        matter_type text NOT NULL CHECK (matter_type IN ('licence','award')),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        office_code text REFERENCES offices(code),
        title text NOT NULL,
        persons jsonb NOT NULL DEFAULT '[]',
        person_hmacs text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        review_id uuid,
        decided_by uuid,
        decided_at timestamptz,
        decision_reason text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'pending' OR (decided_at IS NOT NULL AND review_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX review_matters_office ON review_matters (office_code, decided_at)`);
    await q.query(`
      CREATE TABLE credit_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        matter_id uuid REFERENCES review_matters(id),
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('licence','award')),
        person_hmacs text[] NOT NULL DEFAULT '{}',
        outcome text NOT NULL CHECK (outcome IN ('pass','warn','block')),
        reasons jsonb NOT NULL,
        score integer,
        grade text,
        policy_version integer NOT NULL,
        office_code text,
        reviewed_by uuid,
        reviewed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX credit_reviews_matter ON credit_reviews (matter_id, reviewed_at)`);
    await q.query(`ALTER TABLE review_matters ADD FOREIGN KEY (review_id) REFERENCES credit_reviews(id)`);
    // A review on file is the evidence that an approval was checked; it must not change afterwards.
    await q.query(`
      CREATE FUNCTION credit_reviews_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'credit_reviews is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER credit_reviews_append_only BEFORE UPDATE OR DELETE ON credit_reviews
      FOR EACH ROW EXECUTE FUNCTION credit_reviews_are_append_only()`);
    await q.query(`
      CREATE TABLE industry_bans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_name text NOT NULL,
        person_id_enc text NOT NULL,
        person_id_hmac text NOT NULL,
        institution_id uuid REFERENCES institutions(id),
        uscc varchar(18),
        from_date date NOT NULL,
        until_date date NOT NULL CHECK (until_date >= from_date),
        reason text NOT NULL,
        case_no text,
        record_id uuid REFERENCES credit_records(id),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX industry_bans_person ON industry_bans (person_id_hmac, until_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS industry_bans`);
    await q.query(`ALTER TABLE review_matters DROP COLUMN review_id`);
    for (const t of ['credit_reviews', 'review_matters', 'inspection_targets', 'inspection_plans']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS credit_reviews_are_append_only`);
  }
}
