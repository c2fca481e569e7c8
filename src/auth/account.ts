import type { AuthUser, Role } from './role';

/** An account as sign-in sees it: the user row with what proves who it is. */
export interface Account extends AuthUser {
  passwordHash: string;
  active: boolean;
  tokenVersion: number;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  totpSecretEnc: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
}

/** What a signed-in account must do before it may do anything else. */
export type Requirement = 'password_change' | 'totp_enrolment';

/** Staff accounts need a second factor (GB/T 22239-2019 8.1.4.1 d); for institution accounts it is their choice. */
export const needsSecondFactor = (role: Role) => role !== 'institution';

export function requirementsOf(a: Pick<Account, 'role' | 'mustChangePassword' | 'passwordChangedAt' | 'totpEnabled'>,
  maxAgeDays: number, now = new Date()): Requirement[] {
  const out: Requirement[] = [];
  const expired = now.getTime() - a.passwordChangedAt.getTime() > maxAgeDays * 86_400_000;
  if (a.mustChangePassword || expired) out.push('password_change');
  if (needsSecondFactor(a.role) && !a.totpEnabled) out.push('totp_enrolment');
  return out;
}

export const REQUIREMENT_MESSAGES: Record<Requirement, string> = {
  password_change: '请先修改密码（初始密码或已超过有效期）',
  totp_enrolment: '请先绑定动态口令（身份验证器）',
};
