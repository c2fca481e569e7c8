import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflict, DomainException, notFound } from '../../common/errors/domain.exception';
import { AccountRepository } from '../account.repository';
import { assertPasswordAcceptable } from '../account.service';
import { AuthService } from '../auth.service';
import { LoginLimiter } from '../login-limiter';
import type { AuthUser } from '../role';
import { SessionService } from '../session.service';
import { AuthErrorCode, samePerson, userNotFound } from '../auth.errors';

const REQUEST = `r.id, r.kind, r.user_id AS "userId", u.username, r.reason, r.status, r.proposed_by AS "proposedBy",
  r.proposed_at AS "proposedAt", r.decided_by AS "decidedBy", r.decided_at AS "decidedAt", r.decision_note AS "decisionNote"`;


/**
 * What an administrator does to another person's sign-in. A password reset is one administrator's act: the account
 * keeps its second factor, so a reset alone does not hand the account over. Removing the second factor needs four
 * eyes: one administrator proposes with a reason, another approves; neither the proposer nor the account's owner
 * may approve (GB/T 22239-2019 8.1.4.2 c/d: 授予管理用户所需的最小权限，实现管理用户的权限分离).
 */
@Injectable()
export class UserSecurityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiter,
  ) {}

  async resetPassword(userId: string, password: string, admin: AuthUser) {
    if (userId === admin.id) throw new DomainException(AuthErrorCode.OWN_ACCOUNT, '修改本人密码请使用“修改密码”', 409);
    const account = await this.accounts.byId(userId);
    if (!account) throw userNotFound();
    assertPasswordAcceptable(password, account.username);
    await this.ds.transaction(async (m) => {
      await this.accounts.setPassword(userId, await AuthService.hashPassword(password), true, m);
      await this.sessions.revokeAll(userId, 'password reset by an administrator', m);
    });
    this.sessions.forgetCached();
    await this.limiter.unlock(account.username);
    return { userId, mustChangePassword: true };
  }

  async proposeTotpReset(userId: string, reason: string, admin: AuthUser) {
    const account = await this.accounts.byId(userId);
    if (!account) throw userNotFound();
    if (!account.totpEnabled) throw conflict(AuthErrorCode.TOTP_NOT_ENROLLED, '该账号尚未绑定动态口令，无需重置');
    const [open] = await this.ds.query(`SELECT 1 FROM user_security_requests WHERE user_id = $1 AND kind = 'totp_reset' AND status = 'pending'`, [userId]);
    if (open) throw conflict(AuthErrorCode.REQUEST_PENDING, '该账号已有待审批的重置申请');
    const [{ id }] = await this.ds.query(
      `INSERT INTO user_security_requests (kind, user_id, reason, proposed_by) VALUES ('totp_reset', $1, $2, $3) RETURNING id`,
      [userId, reason.trim(), admin.id]);
    return this.one(id);
  }

  list(status?: string) {
    return this.ds.query(
      `SELECT ${REQUEST} FROM user_security_requests r JOIN users u ON u.id = r.user_id
        WHERE ($1::text IS NULL OR r.status = $1) ORDER BY r.proposed_at DESC LIMIT 200`, [status ?? null])
      .then((items) => ({ items }));
  }

  /** The second administrator's decision; on approval the account enrols again at its next sign-in. */
  async decide(id: string, approve: boolean, note: string | undefined, admin: AuthUser) {
    await this.ds.transaction(async (m) => {
      const [r] = await m.query(`SELECT user_id AS "userId", status, proposed_by AS "proposedBy" FROM user_security_requests WHERE id = $1 FOR UPDATE`, [id]);
      if (!r) throw notFound(AuthErrorCode.REQUEST_NOT_FOUND, '申请不存在');
      if (r.status !== 'pending') throw conflict(AuthErrorCode.REQUEST_DECIDED, '该申请已处理');
      if (r.proposedBy === admin.id) throw samePerson('提出申请的管理员不能审批自己的申请，须由另一名管理员审批');
      if (r.userId === admin.id) throw samePerson('不能审批与本人账号有关的申请');
      if (approve) await this.resetTotp(m, r.userId);
      await m.query(`UPDATE user_security_requests SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1`,
        [id, approve ? 'approved' : 'rejected', admin.id, note?.trim() ?? null]);
    });
    this.sessions.forgetCached();
    return this.one(id);
  }

  private async resetTotp(m: EntityManager, userId: string): Promise<void> {
    await this.accounts.clearTotp(userId, m);
    await this.sessions.revokeAll(userId, 'second factor reset', m);
  }

  private async one(id: string) {
    const [row] = await this.ds.query(`SELECT ${REQUEST} FROM user_security_requests r JOIN users u ON u.id = r.user_id WHERE r.id = $1`, [id]);
    return row;
  }
}
