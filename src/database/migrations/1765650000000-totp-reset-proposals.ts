import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second-factor reset had its own four-eyes table (user_security_requests, 1765100000000-identity.ts); it now
 * uses the shared guard (docs/four-eyes.md): each request becomes a `totp_reset` proposal with its id, status and
 * decision, the account's owner as the one who raised it (so neither the proposer nor the owner may decide, which the
 * decision_proposals CHECK enforces too), and the old table is dropped.
 */
export class TotpResetProposals1765650000000 implements MigrationInterface {
  name = 'TotpResetProposals1765650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO decision_proposals (id, kind, subject_ref, office_code, deciding_role, summary, change, reason, status,
                                      raised_by, proposed_by, proposed_at, decided_by, decided_at, decision_note)
      SELECT r.id, 'totp_reset', r.user_id::text, NULL, 'admin', '重置 ' || u.username || ' 的动态口令（下次登录重新绑定）',
             jsonb_build_object('userId', r.user_id, 'username', u.username), r.reason, r.status, r.user_id, r.proposed_by,
             r.proposed_at, r.decided_by, CASE WHEN r.decided_by IS NOT NULL THEN COALESCE(r.decided_at, r.proposed_at) END, r.decision_note
        FROM user_security_requests r JOIN users u ON u.id = r.user_id`);
    await q.query(`DROP TABLE user_security_requests`);
  }

  async down(q: QueryRunner): Promise<void> {
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
    await q.query(`CREATE UNIQUE INDEX user_security_requests_open ON user_security_requests (user_id, kind) WHERE status = 'pending'`);
    await q.query(`
      INSERT INTO user_security_requests (id, kind, user_id, reason, status, proposed_by, proposed_at, decided_by, decided_at, decision_note)
      SELECT id, 'totp_reset', subject_ref::uuid, reason, status, proposed_by, proposed_at, decided_by, decided_at, decision_note
        FROM decision_proposals WHERE kind = 'totp_reset'`);
    await q.query(`DELETE FROM decision_proposals WHERE kind = 'totp_reset'`);
  }
}
