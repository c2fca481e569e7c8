import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { ConfigService } from '@nestjs/config';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/role';
import { newTotpSecret, TOTP_PERIOD_S, totpCode } from '../../src/auth/totp';
import { FieldCryptoService } from '../../src/common/crypto/field-crypto.service';
import { AppEnv, validateEnv } from '../../src/config/env.schema';

/** Computes a valid GB 32100-2015 check character, so tests can make as many distinct USCCs as they need. */
export function makeUscc(body17?: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = body17 ?? `52320700MJ${Array.from({ length: 7 }, () => chars[Math.floor(Math.random() * 31)]).join('')}`;
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

/** Computes a valid GB 11643 ID number for a given birth date. */
export function makeIdNumber(birth = '19800101', area = '320703'): string {
  const body = `${area}${birth}${String(Math.floor(Math.random() * 900) + 100)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

const PASSWORD = 'Test#Passw0rd-Qz';
let passwordHash: Promise<string> | undefined; // argon2 on purpose slow: hashed once for every test account

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  /** Base32 TOTP secret when the account has a second factor (every staff account, as the rules require). */
  totpSecret: string | null;
}

/**
 * An account as it is after its first sign-in: its own password, and for staff a second factor already enrolled
 * (`totp: false` leaves it out, `mustChangePassword` asks for the change a new account has to make).
 */
export async function createUser(
  ds: DataSource,
  role: Role,
  opts: { officeCode?: string | null; uscc?: string; totp?: boolean; mustChangePassword?: boolean } = {},
): Promise<TestUser> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  const officeCode = opts.officeCode === undefined ? (role === 'institution' ? null : 'XWPX') : opts.officeCode;
  const totpSecret = opts.totp ?? role !== 'institution' ? newTotpSecret() : null;
  const uscc = opts.uscc ?? (role === 'institution' ? makeUscc() : null); // an institution account always names its institution
  const [row] = await ds.query(
    `INSERT INTO users (username, password_hash, role, display_name, office_code, uscc, totp_secret_enc, totp_enabled_at, must_change_password,
                        enforcement_cert_no)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END, $8, $9) RETURNING id`,
    [username, await (passwordHash ??= hash(PASSWORD)), role, `测试${role}`, officeCode, uscc,
      totpSecret && fieldCrypto().encrypt(totpSecret), opts.mustChangePassword ?? false,
      // officers investigate penalties: each has an enforcement certificate (行政处罚法 art. 42)
      role === 'officer' ? `ZF-${randomUUID().slice(0, 8)}` : null],
  );
  return { id: row.id, username, password: PASSWORD, role, totpSecret };
}

/** What the account's authenticator shows now (or `stepsAhead` steps of 30 s later: a step is accepted only once). */
export const totpOf = (user: Pick<TestUser, 'totpSecret'>, stepsAhead = 0): string | undefined =>
  user.totpSecret ? totpCode(user.totpSecret, Date.now() + stepsAhead * TOTP_PERIOD_S * 1000) : undefined;

export interface TestInstitution {
  id: string;
  uscc: string;
}

let crypto: FieldCryptoService | undefined;
/** The app's own field encryption with the test environment's keys, so rows made here read back like real ones. */
export function fieldCrypto(): FieldCryptoService {
  const env = validateEnv(process.env);
  crypto ??= new FieldCryptoService({ get: (k: keyof AppEnv) => env[k] } as ConfigService<AppEnv, true>);
  return crypto;
}

/** Inserts an institution row directly (the HTTP route is tested on its own in institutions.e2e-spec). */
export async function createInstitution(ds: DataSource, officeCode = 'XWPX'): Promise<TestInstitution> {
  const uscc = makeUscc();
  const idNumber = makeIdNumber();
  const [row] = await ds.query(
    `INSERT INTO institutions (uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code)
     VALUES ($1, $2, 'off_campus_training', '测试', $3, $4, $5) RETURNING id`,
    // the suffix in lower case: six capitals read as a machine code, which the browser tests refuse to show a person
    [uscc, `测试培训学校-${uscc.slice(-6).toLowerCase()}`, fieldCrypto().encrypt(idNumber), fieldCrypto().blindIndex(idNumber), officeCode],
  );
  return { id: row.id, uscc };
}
