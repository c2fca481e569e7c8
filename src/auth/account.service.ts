import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditService } from '../audit/audit.service';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { conflict, DomainException } from '../common/errors/domain.exception';
import type { AppEnv } from '../config/env.schema';
import type { Account } from './account';
import { AccountRepository } from './account.repository';
import type { RequestMeta } from './auth.service';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { passwordProblems } from './password-policy';
import { IssuedTokens, SessionService } from './session.service';
import { matchTotpStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from './totp';
import { AuthErrorCode, tokenInvalid, totpAlreadyEnrolled, totpInvalid } from './auth.errors';

/** Refuses a password the policy does not accept, naming every reason (src/auth/password-policy.ts). */
export function assertPasswordAcceptable(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) {
    throw new DomainException(AuthErrorCode.PASSWORD_WEAK, `密码不符合要求：${problems.map((p) => p.message).join('；')}`, 400,
      { problems: problems.map((p) => p.code) });
  }
}

/** What a signed-in account does to its own security: a new password, a second factor. */
@Injectable()
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiter,
    private readonly crypto: FieldCryptoService,
    private readonly audit: AuditService,
    private readonly config: ConfigService<AppEnv, true>,
  ) {}

  /**
   * The current password proves it is the account's owner at the keyboard; a wrong one counts toward the lock-out
   * like a failed sign-in. The other sessions end; this one continues with new tokens.
   */
  async changePassword(userId: string, sessionId: string, current: string, next: string, meta: RequestMeta): Promise<IssuedTokens> {
    const account = await this.mustFind(userId);
    await this.limiter.assertAllowed(account.username, meta.ip);
    if (!(await AuthService.verifyPassword(account.passwordHash, current))) {
      await this.limiter.failed(account.username, meta.ip);
      await this.record(account, 'auth.password', 'refused:CURRENT_PASSWORD_WRONG', meta);
      throw new DomainException(AuthErrorCode.CURRENT_PASSWORD_WRONG, '当前密码不正确', 400);
    }
    assertPasswordAcceptable(next, account.username);
    if (current === next) throw new DomainException(AuthErrorCode.PASSWORD_UNCHANGED, '新密码不能与当前密码相同', 400);
    await this.accounts.setPassword(userId, await AuthService.hashPassword(next), false);
    await this.sessions.revokeAll(userId, 'password changed', undefined, sessionId);
    await this.record(account, 'auth.password', 'ok', meta);
    return this.sessions.reissue(sessionId, userId);
  }

  /** A new secret, pending until a code from it is confirmed; asking again replaces the pending one. */
  async startTotpEnrolment(userId: string, meta: RequestMeta): Promise<{ secret: string; otpauthUri: string }> {
    const account = await this.mustFind(userId);
    if (account.totpEnabled) throw totpAlreadyEnrolled('已绑定动态口令；如需更换，请联系管理员重置');
    const secret = newTotpSecret();
    await this.accounts.setPendingTotp(userId, this.crypto.encrypt(secret));
    await this.record(account, 'auth.totp-enrol', 'ok:pending', meta);
    return { secret, otpauthUri: totpUri(secret, account.username, this.config.get('TOTP_ISSUER', { infer: true })) };
  }

  /** A correct code from the pending secret enables it; the recovery codes are shown this once, stored hashed. */
  async confirmTotp(userId: string, sessionId: string, code: string, meta: RequestMeta): Promise<IssuedTokens & { recoveryCodes: string[] }> {
    const account = await this.mustFind(userId);
    if (account.totpEnabled) throw totpAlreadyEnrolled();
    const pending = await this.accounts.pendingTotp(userId);
    if (!pending) throw conflict(AuthErrorCode.TOTP_NOT_STARTED, '请先获取动态口令密钥（绑定第一步）');
    const step = matchTotpStep(this.crypto.decrypt(pending), code.trim());
    if (step === null) {
      await this.record(account, 'auth.totp-enrol', 'refused:TOTP_INVALID', meta);
      throw totpInvalid('动态口令不正确，请核对手机时间后输入最新的口令', HttpStatus.BAD_REQUEST);
    }
    const recoveryCodes = newRecoveryCodes();
    if (!(await this.accounts.enableTotp(userId, step, recoveryCodes.map(recoveryCodeHash)))) {
      throw totpAlreadyEnrolled();
    }
    await this.record(account, 'auth.totp-enrol', 'ok', meta);
    return { ...(await this.sessions.reissue(sessionId, userId)), recoveryCodes };
  }

  private async mustFind(userId: string): Promise<Account> {
    const account = await this.accounts.byId(userId);
    if (!account) throw tokenInvalid();
    return account;
  }

  private record(account: Account, action: string, outcome: string, meta: RequestMeta): Promise<void> {
    return this.audit.record({ actor: account, action, resource: 'auth', resourceId: account.id, outcome, ...meta });
  }
}
