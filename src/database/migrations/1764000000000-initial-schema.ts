import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE offices (
        code text PRIMARY KEY,
        name text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('officer','approver','manager','institution','auditor','admin')),
        display_name text NOT NULL,
        office_code text REFERENCES offices(code),
        uscc varchar(18),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT institution_has_uscc CHECK ((role = 'institution') = (uscc IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE institutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uscc varchar(18) NOT NULL UNIQUE,
        name text NOT NULL,
        type text NOT NULL,
        legal_rep_name text NOT NULL,
        legal_rep_id_enc text NOT NULL,
        legal_rep_id_hmac text NOT NULL,
        address text,
        office_code text REFERENCES offices(code),
        licence_no text,
        licence_scope text,
        status text NOT NULL DEFAULT 'active',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX institutions_name_trgm ON institutions (lower(name) text_pattern_ops)`);
    await q.query(`CREATE INDEX institutions_legal_rep_hmac ON institutions (legal_rep_id_hmac)`);
    await q.query(`
      CREATE TABLE catalogue_versions (
        version integer PRIMARY KEY,
        title text NOT NULL,
        effective_from date NOT NULL,
        active boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX catalogue_one_active ON catalogue_versions (active) WHERE active`);
    await q.query(`
      CREATE TABLE catalogue_items (
        version integer NOT NULL REFERENCES catalogue_versions(version),
        code text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        legal_basis text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('minor','general','serious')),
        rectification_days integer NOT NULL CHECK (rectification_days >= 0),
        score_deduction integer NOT NULL CHECK (score_deduction >= 0),
        publish boolean NOT NULL,
        joint_sanction boolean NOT NULL,
        PRIMARY KEY (version, code)
      )`);
    await q.query(`
      CREATE TABLE calendar_overrides (
        date date PRIMARY KEY,
        working_day boolean NOT NULL,
        reason text NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE policies (
        version integer PRIMARY KEY,
        document jsonb NOT NULL,
        active boolean NOT NULL DEFAULT false,
        note text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX policies_one_active ON policies (active) WHERE active`);
    await q.query(`
      CREATE TABLE case_number_counters (
        year integer PRIMARY KEY,
        last_value integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE cases (
        case_no text PRIMARY KEY,
        institution_id uuid NOT NULL REFERENCES institutions(id),
        uscc varchar(18) NOT NULL,
        behaviour_code text NOT NULL,
        catalogue_version integer NOT NULL,
        policy_version integer NOT NULL REFERENCES policies(version),
        facts text NOT NULL,
        source text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('minor','general','serious')),
        stage text NOT NULL,
        office_code text REFERENCES offices(code),
        registered_by uuid NOT NULL REFERENCES users(id),
        registered_at timestamptz NOT NULL DEFAULT now(),
        decision_date date,
        closed_at timestamptz,
        outcome text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (catalogue_version, behaviour_code) REFERENCES catalogue_items(version, code)
      )`);
    await q.query(`CREATE INDEX cases_uscc ON cases (uscc)`);
    await q.query(`CREATE INDEX cases_stage ON cases (stage) WHERE closed_at IS NULL`);
    await q.query(`
      CREATE TABLE case_events (
        id bigserial PRIMARY KEY,
        case_no text NOT NULL REFERENCES cases(case_no),
        type text NOT NULL,
        stage_from text,
        stage_to text,
        actor_id uuid REFERENCES users(id),
        actor_role text,
        reason text,
        payload jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        idempotency_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX case_events_case ON case_events (case_no, id)`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_no text NOT NULL REFERENCES cases(case_no),
        kind text NOT NULL,
        stage text NOT NULL,
        status text NOT NULL CHECK (status IN ('open','claimed','completed','cancelled')),
        candidate_role text NOT NULL,
        candidate_office text REFERENCES offices(code),
        assignee_id uuid REFERENCES users(id),
        due_date date NOT NULL,
        follow_up_date date,
        priority integer NOT NULL DEFAULT 50,
        overdue boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id),
        outcome jsonb,
        idempotency_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX tasks_worklist ON tasks (candidate_role, candidate_office, due_date) WHERE status IN ('open','claimed')`);
    await q.query(`CREATE INDEX tasks_assignee ON tasks (assignee_id, due_date) WHERE status IN ('open','claimed')`);
    await q.query(`CREATE INDEX tasks_case ON tasks (case_no)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        resource text NOT NULL,
        resource_id text,
        uscc varchar(18),
        reason text,
        request_id text,
        ip text,
        outcome text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_resource ON audit_log (resource, resource_id)`);
    // The audit trail is evidence: the database itself refuses to change or remove it.
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'tasks', 'case_events', 'cases', 'case_number_counters', 'policies',
      'calendar_overrides', 'catalogue_items', 'catalogue_versions', 'institutions', 'users', 'offices']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_log_is_append_only`);
  }
}
