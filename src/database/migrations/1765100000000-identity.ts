import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that can be trusted per request (issue #14 points 1, 4, 9, 10):
 * - `token_version` bumps whenever disabling, a role or office change or a password reset must end the account's
 *   tokens; sessions carry the rotating refresh token (stored as a SHA-256, never in clear) and can be revoked.
 * - password age and the forced change of an initial password (GB/T 22239-2019 8.1.4.1 a: 身份鉴别信息具有复杂度
 *   要求并定期更换); the second factor (8.1.4.1 d: 两种或两种以上组合的鉴别技术), TOTP secrets sealed like ID numbers,
 *   recovery codes hashed; an administrator's reset of someone's second factor waits for a second administrator.
 * - audit rows keep our own request id and, beside it, whatever id the client sent.
 * Existing accounts keep their password; its age counts from the account's creation, so an old one is changed at
 * the next login.
 */
export class Identity1765100000000 implements MigrationInterface {
  name = 'Identity1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN totp_secret_enc text,
        ADD COLUMN totp_pending_enc text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD CONSTRAINT totp_enabled_has_secret CHECK ((totp_enabled_at IS NULL) = (totp_secret_enc IS NULL))`);
    await q.query(`UPDATE users SET password_changed_at = created_at`);
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        scope text NOT NULL CHECK (scope IN ('full','setup')),
        refresh_hash char(64) NOT NULL UNIQUE,
        previous_hash char(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        ip text
      )`);
    await q.query(`CREATE INDEX auth_sessions_user ON auth_sessions (user_id) WHERE revoked_at IS NULL`);
    // a rotated-out refresh token presented again means it was copied: found by this index, the session is ended
    await q.query(`CREATE INDEX auth_sessions_previous ON auth_sessions (previous_hash) WHERE previous_hash IS NOT NULL`);
    await q.query(`
      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        code_hash char(64) NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE user_security_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('totp_reset')),
        user_id uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        CHECK ((status = 'pending') = (decided_by IS NULL)),
        CHECK (decided_by IS NULL OR decided_by <> proposed_by)
      )`);
    // one open request per account and kind: a second proposal would only race the first
    await q.query(`CREATE UNIQUE INDEX user_security_requests_open ON user_security_requests (user_id, kind) WHERE status = 'pending'`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN client_request_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN client_request_id`);
    await q.query(`DROP TABLE user_security_requests`);
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`DROP TABLE auth_sessions`);
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT totp_enabled_has_secret,
        DROP COLUMN token_version, DROP COLUMN must_change_password, DROP COLUMN password_changed_at,
        DROP COLUMN totp_secret_enc, DROP COLUMN totp_pending_enc, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step`);
  }
}
