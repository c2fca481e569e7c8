import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { ConfigService } from '@nestjs/config';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/role';
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

const PASSWORD = 'Test#Passw0rd';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
}

export async function createUser(
  ds: DataSource,
  role: Role,
  opts: { officeCode?: string | null; uscc?: string } = {},
): Promise<TestUser> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  const officeCode = opts.officeCode === undefined ? (role === 'institution' ? null : 'XWPX') : opts.officeCode;
  const [row] = await ds.query(
    `INSERT INTO users (username, password_hash, role, display_name, office_code, uscc)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [username, await hash(PASSWORD), role, `测试${role}`, officeCode, opts.uscc ?? null],
  );
  return { id: row.id, username, password: PASSWORD, role };
}

export interface TestInstitution {
  id: string;
  uscc: string;
}

let crypto: FieldCryptoService | undefined;
/** The app's own field encryption with the test environment's keys, so rows made here read back like real ones. */
function fieldCrypto(): FieldCryptoService {
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
    [uscc, `测试培训学校-${uscc.slice(-6)}`, fieldCrypto().encrypt(idNumber), fieldCrypto().blindIndex(idNumber), officeCode],
  );
  return { id: row.id, uscc };
}
