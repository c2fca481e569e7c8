import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import { CacheBus } from '../redis/cache-bus';
import { validateEnv } from '../config/env.schema';
import type { AuthUser, Role } from './role';
import { AuthErrorCode, tokenInvalid } from './auth.errors';

export type SessionScope = 'full' | 'setup';

/** What an access token carries; `ver` is the account's token_version when it was signed. */
export interface AccessClaims {
  sub: string;
  sid: string;
  ver: number;
  scope: SessionScope;
  username: string;
  role: Role;
  officeCode: string | null;
  uscc: string | null;
  exp?: number;
}

interface SessionState {
  userId: string;
  scope: SessionScope;
  revoked: boolean;
  expiresAt: Date;
  active: boolean;
  tokenVersion: number;
  user: AuthUser;
}

export interface Authenticated {
  user: AuthUser;
  session: { id: string; scope: SessionScope };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CACHE_LIMIT = 50_000;
const BUS_TOPIC = 'session';
const invalid = () => tokenInvalid();

/**
 * Checks a bearer token against the account's current state on every request (issue #14 point 4): a signature and
 * an `exp` are not enough, the session must be open and the account active with the token's version. What it read
 * is kept for SESSION_CACHE_TTL_MS (≤ 60 s) so a busy API makes one query per session per half minute; a change
 * is forgotten at once here and, through the cache bus, in every other API process (the TTL is only the backstop). The role and office come from the account, not
 * from the token, so a change of either applies with the next read.
 */
@Injectable()
export class SessionCheck {
  private readonly cache = new Map<string, { state: Promise<SessionState | null>; until: number }>();
  private readonly ttlMs: number;

  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly bus: CacheBus,
  ) {
    this.ttlMs = validateEnv(process.env).SESSION_CACHE_TTL_MS;
    // another API process ended a session or changed an account: forget it here too (issue #20 part 2)
    bus.on(BUS_TOPIC, (sessionId) => this.drop(sessionId));
  }

  async authenticate(token: string): Promise<Authenticated> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError') throw new DomainException(AuthErrorCode.TOKEN_EXPIRED, '登录已过期，请重新登录', 401);
      throw invalid();
    }
    // a token without an expiry, a session or a version was not made by this API (or by an older one): refused
    if (typeof claims.exp !== 'number' || typeof claims.ver !== 'number' || !UUID.test(String(claims.sid)) || !UUID.test(String(claims.sub))) {
      throw invalid();
    }
    const s = await this.state(claims.sid);
    if (!s || s.revoked || !s.active || s.userId !== claims.sub || s.tokenVersion !== claims.ver || s.expiresAt.getTime() <= Date.now()) {
      throw invalid();
    }
    return { user: s.user, session: { id: claims.sid, scope: claims.scope === 'full' && s.scope === 'full' ? 'full' : 'setup' } };
  }

  /** After a change this process made: the next request, on this process or any other, reads the state again. */
  forget(sessionId?: string): Promise<void> {
    this.drop(sessionId);
    return this.bus.publish(BUS_TOPIC, sessionId);
  }

  private drop(sessionId?: string): void {
    if (sessionId) this.cache.delete(sessionId);
    else this.cache.clear(); // an account's change touches all its sessions; such changes are rare enough to start over
  }

  private state(sessionId: string): Promise<SessionState | null> {
    const now = Date.now();
    const hit = this.cache.get(sessionId);
    if (hit && hit.until > now) return hit.state;
    const state = this.load(sessionId);
    if (this.ttlMs > 0) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sessionId, { state, until: now + this.ttlMs });
      state.catch(() => this.cache.delete(sessionId)); // a database hiccup is not remembered
    }
    return state;
  }

  private async load(sessionId: string): Promise<SessionState | null> {
    const [row] = await this.ds.query(
      `SELECT s.user_id AS "userId", s.scope, s.revoked_at IS NOT NULL AS revoked, s.expires_at AS "expiresAt",
              u.active, u.token_version AS "tokenVersion", u.username, u.role, u.office_code AS "officeCode", u.uscc
         FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`, [sessionId]);
    if (!row) return null;
    return {
      userId: row.userId, scope: row.scope, revoked: row.revoked, expiresAt: row.expiresAt, active: row.active, tokenVersion: row.tokenVersion,
      user: { id: row.userId, username: row.username, role: row.role, officeCode: row.officeCode, uscc: row.uscc },
    };
  }
}
