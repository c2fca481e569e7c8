import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Account } from './account';

const ACCOUNT = `id, username, role, office_code AS "officeCode", uscc, password_hash AS "passwordHash", active,
  token_version AS "tokenVersion", must_change_password AS "mustChangePassword", password_changed_at AS "passwordChangedAt",
  totp_secret_enc AS "totpSecretEnc", totp_enabled_at IS NOT NULL AS "totpEnabled", totp_last_step::float8 AS "totpLastStep"`;

/** Every query sign-in, sessions and account security make on users and their second factor. */
@Injectable()
export class AccountRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async byUsername(username: string): Promise<Account | undefined> {
    return (await this.ds.query(`SELECT ${ACCOUNT} FROM users WHERE username = $1`, [username]))[0];
  }

  async byId(id: string, db: DataSource | EntityManager = this.ds): Promise<Account | undefined> {
    return (await db.query(`SELECT ${ACCOUNT} FROM users WHERE id = $1`, [id]))[0];
  }

  /** A new password ends every token issued before it (token_version) and clears a forced change. */
  async setPassword(id: string, hash: string, mustChange: boolean, db: DataSource | EntityManager = this.ds): Promise<void> {
    await db.query(
      `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(), token_version = token_version + 1
        WHERE id = $1`, [id, hash, mustChange]);
  }

  async bumpTokenVersion(id: string, db: DataSource | EntityManager = this.ds): Promise<void> {
    await db.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  /**
   * Marks the step as used, in the same statement that checks it was not used before: two logins racing with one
   * code cannot both pass (RFC 6238 5.2).
   */
  async useTotpStep(id: string, step: number): Promise<boolean> {
    const [, count] = await this.ds.query(
      `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`, [id, step]);
    return count === 1;
  }

  async setPendingTotp(id: string, sealed: string): Promise<void> {
    await this.ds.query(`UPDATE users SET totp_pending_enc = $2 WHERE id = $1`, [id, sealed]);
  }

  async pendingTotp(id: string): Promise<string | null> {
    const [row] = await this.ds.query(`SELECT totp_pending_enc AS sealed FROM users WHERE id = $1`, [id]);
    return row?.sealed ?? null;
  }

  /** The pending secret becomes the account's, with its recovery codes, in one transaction. */
  async enableTotp(id: string, step: number, codeHashes: string[]): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [, count] = await m.query(
        `UPDATE users SET totp_secret_enc = totp_pending_enc, totp_pending_enc = NULL, totp_enabled_at = now(), totp_last_step = $2
          WHERE id = $1 AND totp_pending_enc IS NOT NULL AND totp_enabled_at IS NULL`, [id, step]);
      if (count !== 1) return false;
      await m.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [id]);
      await m.query(`INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [id, codeHashes]);
      return true;
    });
  }

  /** The second factor removed (an approved reset): the account enrols again at its next login. */
  async clearTotp(id: string, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE users SET totp_secret_enc = NULL, totp_pending_enc = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
              token_version = token_version + 1 WHERE id = $1`, [id]);
    await m.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [id]);
  }

  async useRecoveryCode(id: string, hash: string): Promise<boolean> {
    const [, count] = await this.ds.query(
      `UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`, [id, hash]);
    return count === 1;
  }

  async recoveryCodesLeft(id: string): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [id]);
    return row.n;
  }
}
