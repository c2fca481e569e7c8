import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import type { AppEnv } from '../config/env.schema';
import { Account, Requirement, requirementsOf } from './account';
import { AccountRepository } from './account.repository';
import { AccessClaims, SessionCheck, SessionScope } from './session-check';
import { AuthErrorCode } from './auth.errors';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives; refresh before then. */
  expiresIn: number;
  requirements: Requirement[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ended = () => new DomainException(AuthErrorCode.SESSION_ENDED, '登录已结束，请重新登录', 401);
const seconds = (span: string) => Number(span.slice(0, -1)) * { s: 1, m: 60, h: 3600 }[span.slice(-1) as 's' | 'm' | 'h'];

/**
 * Sessions: a short access token (JWT_EXPIRES_IN, 15 minutes by default) and an opaque refresh token that rotates at
 * every use and is stored only as its SHA-256. A refresh token used twice means a copy exists: the session ends.
 * A session also ends after SESSION_IDLE_MINUTES without a refresh and SESSION_MAX_HOURS after sign-in.
 * Until its requirements are met (a forced password change, a staff account's second factor) a session has the
 * `setup` scope, which opens only the routes that meet them.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly accounts: AccountRepository,
    private readonly check: SessionCheck,
    private readonly config: ConfigService<AppEnv, true>,
  ) {}

  async open(account: Account, ip: string | undefined): Promise<IssuedTokens> {
    const requirements = this.requirements(account);
    const refreshToken = randomBytes(32).toString('base64url');
    const [session] = await this.ds.query(
      `INSERT INTO auth_sessions (user_id, scope, refresh_hash, expires_at, ip)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5) RETURNING id`,
      [account.id, requirements.length ? 'setup' : 'full', sha256(refreshToken), this.config.get('SESSION_MAX_HOURS', { infer: true }), ip ?? null]);
    return this.tokens(account, session.id, requirements, refreshToken);
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const hash = sha256(refreshToken);
    const result = await this.ds.transaction(async (m) => {
      const [s] = await m.query(
        `SELECT id, user_id AS "userId", revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired,
                refreshed_at < now() - make_interval(mins => $2) AS idle
           FROM auth_sessions WHERE refresh_hash = $1 FOR UPDATE`, [hash, this.config.get('SESSION_IDLE_MINUTES', { infer: true })]);
      if (!s) {
        await m.query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'refresh token reused'
                        WHERE previous_hash = $1 AND revoked_at IS NULL`, [hash]);
        return null;
      }
      const account = await this.accounts.byId(s.userId, m);
      if (s.revoked || s.expired || s.idle || !account?.active) {
        if (!s.revoked) await this.end(m, s.id, s.idle ? 'idle' : s.expired ? 'expired' : 'account disabled');
        return null;
      }
      return { account, tokens: await this.rotate(m, account, s.id) };
    });
    await this.check.forget();
    if (!result) throw ended();
    return result.tokens;
  }

  /** New tokens for a session whose account just changed (a new password, a second factor): scope recomputed. */
  async reissue(sessionId: string, accountId: string): Promise<IssuedTokens> {
    const tokens = await this.ds.transaction(async (m) => {
      const account = await this.accounts.byId(accountId, m);
      if (!account) throw ended();
      return this.rotate(m, account, sessionId);
    });
    await this.check.forget(sessionId);
    return tokens;
  }

  /** Logout: the session the refresh token names ends; an unknown token is already as good as logged out. */
  async revokeByRefreshToken(refreshToken: string): Promise<void> {
    const [rows] = await this.ds.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE refresh_hash = $1 AND revoked_at IS NULL RETURNING id`,
      [sha256(refreshToken)]);
    for (const r of rows) await this.check.forget(r.id);
  }

  /**
   * Every session of the account, but the one it is acting from (a password change keeps the changer signed in).
   * Inside a caller's transaction (`db` a manager) the caller calls forgetCached() once it has committed, so no
   * request in between caches the state from before.
   */
  async revokeAll(userId: string, reason: string, db?: EntityManager, except?: string): Promise<void> {
    await (db ?? this.ds).query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
                     WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`, [userId, reason, except ?? null]);
    if (!db) await this.check.forget();
  }

  /** After a change to an account's rights outside this service: this process reads sessions afresh. */
  forgetCached(): Promise<void> {
    return this.check.forget();
  }

  requirements(account: Account): Requirement[] {
    return requirementsOf(account, this.config.get('PASSWORD_MAX_AGE_DAYS', { infer: true }));
  }

  private async end(m: EntityManager, id: string, reason: string): Promise<void> {
    await m.query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1`, [id, reason]);
  }

  private async rotate(m: EntityManager, account: Account, sessionId: string): Promise<IssuedTokens> {
    const requirements = this.requirements(account);
    const refreshToken = randomBytes(32).toString('base64url');
    await m.query(
      `UPDATE auth_sessions SET previous_hash = refresh_hash, refresh_hash = $2, refreshed_at = now(), scope = $3 WHERE id = $1`,
      [sessionId, sha256(refreshToken), requirements.length ? 'setup' : 'full']);
    return this.tokens(account, sessionId, requirements, refreshToken);
  }

  private async tokens(account: Account, sessionId: string, requirements: Requirement[], refreshToken: string): Promise<IssuedTokens> {
    const scope: SessionScope = requirements.length ? 'setup' : 'full';
    const claims: AccessClaims = {
      sub: account.id, sid: sessionId, ver: account.tokenVersion, scope,
      username: account.username, role: account.role, officeCode: account.officeCode, uscc: account.uscc,
    };
    const expiresIn = seconds(this.config.get('JWT_EXPIRES_IN', { infer: true }));
    return { accessToken: await this.jwt.signAsync(claims), refreshToken, expiresIn, requirements };
  }
}
