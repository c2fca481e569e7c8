import { hash, verify } from '@node-rs/argon2';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import type { Account } from './account';
import { AccountRepository } from './account.repository';
import { LoginLimiter } from './login-limiter';
import { IssuedTokens, SessionService } from './session.service';
import { matchTotpStep, RECOVERY_CODE_PATTERN, recoveryCodeHash } from './totp';
import { AuthErrorCode, loginFailed, totpInvalid } from './auth.errors';

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZHVtbXlzYWx0ZHVtbXk$1y0uTU1M0yqLq7zQnHyXzvT0tJIvXvYd8m0Yp6fZb7c';

/** Who asked, for the audit log: the address Express trusts, our request id and the client's. */
export interface RequestMeta {
  ip?: string;
  requestId?: string;
  clientRequestId?: string;
}

export interface LoginInput {
  username: string;
  password: string;
  /** The current 6-digit code of the account's authenticator, or one of its recovery codes. */
  totp?: string;
}

/**
 * Sign-in: the password (argon2id), then the second factor once the account has one, then a session. Failures are
 * counted per username and per address (LoginLimiter) and every attempt is on record (GB/T 22239-2019 8.1.4.3:
 * 安全审计 of 重要的用户行为和重要安全事件).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiter,
    private readonly crypto: FieldCryptoService,
    private readonly audit: AuditService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  static verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
    return verify(passwordHash ?? DUMMY_HASH, password).catch(() => false);
  }

  async login(input: LoginInput, meta: RequestMeta): Promise<IssuedTokens> {
    await this.limiter.assertAllowed(input.username, meta.ip).catch(async (err: DomainException) => {
      await this.record(meta, undefined, input.username, `refused:${err.code}`);
      throw err;
    });
    const account = await this.accounts.byUsername(input.username);
    const ok = await AuthService.verifyPassword(account?.passwordHash, input.password);
    if (!account || !ok || !account.active) {
      await this.fail(input.username, meta, account, AuthErrorCode.LOGIN_FAILED);
      throw loginFailed();
    }
    if (account.totpEnabled) {
      // no code yet is a step of the form, not a guess: asked for, not counted
      if (!input.totp) throw new DomainException(AuthErrorCode.TOTP_REQUIRED, '请输入身份验证器上的 6 位动态口令', 401);
      if (!(await this.secondFactor(account, input.totp))) {
        await this.fail(input.username, meta, account, AuthErrorCode.TOTP_INVALID);
        throw totpInvalid('动态口令不正确或已使用，请输入最新的口令', HttpStatus.UNAUTHORIZED);
      }
    }
    await this.limiter.succeeded(input.username);
    const tokens = await this.sessions.open(account, meta.ip);
    await this.record(meta, account, account.id, tokens.requirements.length ? 'ok:setup' : 'ok');
    return tokens;
  }

  /** A TOTP code of a step not used before, or an unused recovery code (which is then spent). */
  async secondFactor(account: Account, given: string): Promise<boolean> {
    const code = given.trim();
    if (RECOVERY_CODE_PATTERN.test(code)) return this.accounts.useRecoveryCode(account.id, recoveryCodeHash(code));
    if (!account.totpSecretEnc) return false;
    const step = matchTotpStep(this.crypto.decrypt(account.totpSecretEnc), code);
    return step !== null && (account.totpLastStep === null || step > account.totpLastStep) && this.accounts.useTotpStep(account.id, step);
  }

  private async fail(username: string, meta: RequestMeta, account: Account | undefined, code: string): Promise<void> {
    await this.limiter.failed(username, meta.ip);
    await this.record(meta, account, account?.id ?? username, `refused:${code}`);
  }

  private record(meta: RequestMeta, actor: Account | undefined, resourceId: string, outcome: string): Promise<void> {
    return this.audit.record({ actor: actor ?? null, action: 'auth.login', resource: 'auth', resourceId: resourceId.slice(0, 64), outcome, ...meta });
  }
}
