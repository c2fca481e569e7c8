import { mkdtempSync, readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSecrets, newKeyId, parseSecrets, rotateDataKey, rotateJwtSecret } from '../../scripts/secrets';
import { REPOSITORY_DATA_KEY, REPOSITORY_JWT_SECRET, validateEnv } from '../../src/config/env.schema';

/** `npm run up`'s secrets (issue #14 point 1): made per installation on the first run, private, reused afterwards. */
describe('the installation secrets file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'edu-credit-secrets-'));

  it('is created on the first run with fresh secrets the configuration accepts, readable by its owner only', () => {
    const file = join(dir(), 'secrets.env');
    const { created, secrets } = ensureSecrets(file);
    expect(created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecrets(readFileSync(file, 'utf8'))).toEqual(secrets);
    expect(secrets.JWT_SECRET.length).toBeGreaterThanOrEqual(64);
    expect(secrets.DATA_ENCRYPTION_KEYS).toMatch(/^k\d{8}:[A-Za-z0-9+/]{43}=$/);
    expect(() => validateEnv(secrets)).not.toThrow();
    expect(secrets.JWT_SECRET).not.toBe(REPOSITORY_JWT_SECRET);
  });

  it('is reused as it is on later runs, and two installations never share a secret', () => {
    const file = join(dir(), 'secrets.env');
    const first = ensureSecrets(file).secrets;
    expect(ensureSecrets(file)).toEqual({ created: false, secrets: first });
    expect(ensureSecrets(join(dir(), 'secrets.env')).secrets.JWT_SECRET).not.toBe(first.JWT_SECRET);
  });

  it('is made private again if someone opened it up', () => {
    const file = join(dir(), 'secrets.env');
    ensureSecrets(file);
    chmodSync(file, 0o644);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    ensureSecrets(file);
    spy.mockRestore();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that holds a secret once published in the repository', () => {
    const file = join(dir(), 'secrets.env');
    writeFileSync(file, `JWT_SECRET=x${'y'.repeat(40)}\nDATA_ENCRYPTION_KEYS=k1:${REPOSITORY_DATA_KEY}\n`, { mode: 0o600 });
    expect(() => ensureSecrets(file)).toThrow(/published in the repository/);
  });

  it('rotates the data key by putting a new one first and keeping the old ones to decrypt', () => {
    const file = join(dir(), 'secrets.env');
    const before = ensureSecrets(file).secrets.DATA_ENCRYPTION_KEYS;
    const id = rotateDataKey(file, new Date('2027-03-01T00:00:00Z'));
    const after = parseSecrets(readFileSync(file, 'utf8')).DATA_ENCRYPTION_KEYS;
    expect(id).toBe('k20270301');
    expect(after).toMatch(new RegExp(`^k20270301:[^,]+,${before.replace(/[+/]/g, '\\$&')}$`));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rotates the token key alone', () => {
    const file = join(dir(), 'secrets.env');
    const before = ensureSecrets(file).secrets;
    rotateJwtSecret(file);
    const after = parseSecrets(readFileSync(file, 'utf8'));
    expect(after.JWT_SECRET).not.toBe(before.JWT_SECRET);
    expect(after.DATA_ENCRYPTION_KEYS).toBe(before.DATA_ENCRYPTION_KEYS);
  });

  it('names a second key of the same day apart from the first', () => {
    expect(newKeyId(['k20270301'], new Date('2027-03-01T12:00:00Z'))).toBe('k20270301b');
  });
});
