import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflict, DomainException, notFound } from '../../common/errors/domain.exception';
import { FourEyesService, ProposalStatus, ProposalView } from '../../common/four-eyes/four-eyes.service';
import { AccountRepository } from '../account.repository';
import { assertPasswordAcceptable } from '../account.service';
import { AuthService } from '../auth.service';
import { LoginLimiter } from '../login-limiter';
import type { AuthUser } from '../role';
import { SessionService } from '../session.service';
import { AuthErrorCode, userNotFound } from '../auth.errors';

/** A second-factor reset as this API has always shown it (SecurityRequestDto), read from its proposal. */
const asRequest = (p: ProposalView) => ({
  id: p.id, kind: p.kind, userId: p.subjectRef, username: typeof p.change.username === 'string' ? p.change.username : '', reason: p.reason, status: p.status,
  proposedBy: p.proposedBy, proposedAt: p.proposedAt, decidedBy: p.decidedBy, decidedAt: p.decidedAt, decisionNote: p.decisionNote,
});

/**
 * What an administrator does to another person's sign-in. A password reset is one administrator's act: the account
 * keeps its second factor, so a reset alone does not hand the account over. Removing the second factor needs four
 * eyes (GB/T 22239-2019 8.1.4.2 c/d: 授予管理用户所需的最小权限，实现管理用户的权限分离): one administrator proposes with
 * a reason, another approves; neither the proposer nor the account's owner (who raised it) may approve. It is the
 * shared guard's `totp_reset` proposal (docs/four-eyes.md), decided here or at /api/decision-proposals/:id/approve.
 */
@Injectable()
export class UserSecurityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiter,
    private readonly fourEyes: FourEyesService,
  ) {
    // the account's sessions end in the approval's transaction; the per-request cache forgets them once it commits
    fourEyes.register('totp_reset', (m, p) => this.resetTotp(m, p.subjectRef), () => this.sessions.forgetCached());
  }

  async resetPassword(userId: string, password: string, admin: AuthUser) {
    if (userId === admin.id) throw new DomainException(AuthErrorCode.OWN_ACCOUNT, '修改本人密码请使用“修改密码”', 409);
    const account = await this.accounts.byId(userId);
    if (!account) throw userNotFound();
    assertPasswordAcceptable(password, account.username);
    await this.ds.transaction(async (m) => {
      await this.accounts.setPassword(userId, await AuthService.hashPassword(password), true, m);
      await this.sessions.revokeAll(userId, 'password reset by an administrator', m);
    });
    await this.sessions.forgetCached();
    await this.limiter.unlock(account.username);
    return { userId, mustChangePassword: true };
  }

  async proposeTotpReset(userId: string, reason: string, admin: AuthUser) {
    const account = await this.accounts.byId(userId);
    if (!account) throw userNotFound();
    if (!account.totpEnabled) throw conflict(AuthErrorCode.TOTP_NOT_ENROLLED, '该账号尚未绑定动态口令，无需重置');
    // the guard refuses a second open proposal too (PROPOSAL_PENDING); this says which one, in this page's words
    if (await this.fourEyes.pendingFor('totp_reset', userId)) throw conflict(AuthErrorCode.REQUEST_PENDING, '该账号已有待审批的重置申请');
    return asRequest(await this.fourEyes.propose({
      kind: 'totp_reset', subjectRef: userId, office: null, decidingRole: 'admin', raisedBy: userId, reason,
      summary: `重置 ${account.username} 的动态口令（下次登录重新绑定）`, change: { userId, username: account.username },
    }, admin));
  }

  async list(status?: ProposalStatus) {
    return { items: (await this.fourEyes.list({ status, kind: 'totp_reset' })).items.map(asRequest) };
  }

  /** The second administrator's decision; on approval the account enrols again at its next sign-in. */
  async decide(id: string, approve: boolean, note: string | undefined, admin: AuthUser) {
    const found = await this.fourEyes.byId(id).catch(() => null);
    if (found?.kind !== 'totp_reset') throw notFound(AuthErrorCode.REQUEST_NOT_FOUND, '申请不存在');
    return asRequest(await this.fourEyes.decide(id, approve, note, admin));
  }

  private async resetTotp(m: EntityManager, userId: string): Promise<void> {
    await this.accounts.clearTotp(userId, m);
    await this.sessions.revokeAll(userId, 'second factor reset', m);
  }
}
