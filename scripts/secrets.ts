import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { REPOSITORY_DATA_KEY, REPOSITORY_JWT_SECRET } from '../src/config/env.schema';

/**
 * The secrets of one installation, in a git-ignored file (var/secrets.env, mode 0600) that `npm run up` creates on
 * its first run and reuses afterwards (issue #14 point 1). Nothing here ever comes from the repository.
 *
 *   node dist/scripts/secrets.js ensure [file]            create if missing, check and reuse otherwise; prints created|reused
 *   node dist/scripts/secrets.js rotate-data-key [file]   prepend a new data key (then run scripts/reseal.ts)
 *   node dist/scripts/secrets.js rotate-jwt-secret [file] replace the token key (access tokens die; sessions refresh)
 */
export const DEFAULT_SECRETS_FILE = 'var/secrets.env';

export type Secrets = Record<string, string>;

export const newJwtSecret = () => randomBytes(48).toString('base64url');
export const newDataKey = () => randomBytes(32).toString('base64');

/** `k` + the day it was made, so an operator can tell keys apart; a second key the same day gets a letter. */
export function newKeyId(taken: string[], now = new Date()): string {
  const day = `k${now.toISOString().slice(0, 10).replace(/-/g, '')}`;
  for (const suffix of ['', ...'bcdefghijklmnopqrstuvwxyz']) if (!taken.includes(day + suffix)) return day + suffix;
  throw new Error('too many data keys made today');
}

export function parseSecrets(text: string): Secrets {
  const out: Secrets = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

const keyIds = (list: string) => list.split(',').map((pair) => pair.split(':')[0]);

function render(s: Secrets): string {
  return [
    '# edu-credit: the secrets of this installation (scripts/secrets.ts). Private: mode 0600, never committed or copied',
    '# into a ticket. Rotation and re-sealing: docs/identity.md.',
    ...Object.entries(s).map(([k, v]) => `${k}=${v}`),
    '',
  ].join('\n');
}

/** Written beside the target and renamed over it, so a crash never leaves half a file; 0600 from the first byte. */
function write(file: string, s: Secrets): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, render(s), { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
}

function refuseRepositoryValues(s: Secrets, file: string): void {
  if (s.JWT_SECRET === REPOSITORY_JWT_SECRET || (s.DATA_ENCRYPTION_KEYS ?? '').includes(REPOSITORY_DATA_KEY)) {
    throw new Error(`${file} holds a secret once published in the repository; remove the line and run again`);
  }
}

/** Creates the file with fresh secrets, or completes and reuses an existing one. */
export function ensureSecrets(file = DEFAULT_SECRETS_FILE): { created: boolean; secrets: Secrets } {
  if (!existsSync(file)) {
    const secrets = { JWT_SECRET: newJwtSecret(), DATA_ENCRYPTION_KEYS: `${newKeyId([])}:${newDataKey()}` };
    write(file, secrets);
    return { created: true, secrets };
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600); // readable by others until now: say so, the operator may want to rotate
    console.error(`${file} was readable by other users; it is now 0600 — consider rotating its secrets`);
  }
  const secrets = parseSecrets(readFileSync(file, 'utf8'));
  refuseRepositoryValues(secrets, file);
  const missing = { JWT_SECRET: newJwtSecret(), DATA_ENCRYPTION_KEYS: `${newKeyId([])}:${newDataKey()}` };
  let changed = false;
  for (const [k, v] of Object.entries(missing)) {
    if (!secrets[k]) {
      secrets[k] = v;
      changed = true;
    }
  }
  if (changed) write(file, secrets);
  return { created: false, secrets };
}

/** A new first key: it encrypts from the next start on; the old ones stay to decrypt until reseal has run. */
export function rotateDataKey(file = DEFAULT_SECRETS_FILE, now = new Date()): string {
  const { secrets } = ensureSecrets(file);
  const id = newKeyId(keyIds(secrets.DATA_ENCRYPTION_KEYS), now);
  secrets.DATA_ENCRYPTION_KEYS = `${id}:${newDataKey()},${secrets.DATA_ENCRYPTION_KEYS}`;
  write(file, secrets);
  return id;
}

export function rotateJwtSecret(file = DEFAULT_SECRETS_FILE): void {
  const { secrets } = ensureSecrets(file);
  secrets.JWT_SECRET = newJwtSecret();
  write(file, secrets);
}

function main(): void {
  const [command, file = DEFAULT_SECRETS_FILE] = process.argv.slice(2);
  if (command === 'ensure') console.log(ensureSecrets(file).created ? 'created' : 'reused');
  else if (command === 'rotate-data-key') console.log(`new data key ${rotateDataKey(file)} in ${file}: restart, then run scripts/reseal.ts`);
  else if (command === 'rotate-jwt-secret') {
    rotateJwtSecret(file);
    console.log(`new JWT_SECRET in ${file}: restart the API; signed-in users get new tokens at their next refresh`);
  } else {
    console.error('usage: secrets.ts ensure|rotate-data-key|rotate-jwt-secret [file]');
    process.exit(2);
  }
}

if (require.main === module) main();
