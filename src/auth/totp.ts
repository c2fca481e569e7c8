import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), what every authenticator app
 * speaks. A code is accepted one step either side of now, for clocks that drift; each step is accepted once
 * (RFC 6238 5.2), which the caller enforces with the step this returns.
 */
export const TOTP_PERIOD_S = 30;

const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S });

/** 160 random bits, base32: the size RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S }).toString();
}

export const totpStep = (at = Date.now()) => Math.floor(at / 1000 / TOTP_PERIOD_S);

export function totpCode(secret: string, at = Date.now()): string {
  return totp(secret).generate({ timestamp: at });
}

/** The step the code belongs to, within one step of `at`; null when it matches none. */
export function matchTotpStep(secret: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? null : totpStep(at) + delta;
}

// Recovery codes: ten of them, 50 bits each, from an alphabet without look-alikes (no 0/o, 1/l/i)
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_PATTERN = /^[a-z2-9]{5}[\s-]?[a-z2-9]{5}$/i;

export function newRecoveryCodes(count = 10): string[] {
  const one = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: count }, () => one().replace(/^(.{5})/, '$1-'));
}

/** Codes are random and long, so a plain SHA-256 is enough to store them; typing `ABCDE FGHIJ` still matches. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}
