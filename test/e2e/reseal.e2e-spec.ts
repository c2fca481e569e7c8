import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APPEND_ONLY, reseal, resealTargets } from '../../scripts/reseal';
import { FieldCryptoService } from '../../src/common/crypto/field-crypto.service';
import { validateEnv } from '../../src/config/env.schema';
import { verifyAllChains } from '../../src/credit-file/chain-audit';
import { dataSourceOptions } from '../../src/database/data-source';
import { createTestApp, TestApp } from '../support/app';
import { registerBan } from '../support/bans';
import { createUser, makeIdNumber, makeUscc } from '../support/factories';
import { auth } from '../support/http-case';

const newKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/**
 * scripts/reseal.ts on a small database of its own: rows written by the running app under the test run's key, then
 * a rotation to a new first key. The test run's key id is `ktest` (scripts/lib.sh throwaway_secrets).
 */
describe('re-sealing personal data after a data-key rotation', () => {
  const env = validateEnv(process.env);
  const url = `${env.DATABASE_URL.replace(/\/[^/?]+(\?.*)?$/, '')}/${env.DATABASE_URL.split('/').pop()!.split('?')[0]}_reseal`;
  const oldKeys = env.DATA_ENCRYPTION_KEYS!;
  const k2 = newKey('k2');
  const k3 = newKey('k3');
  const crypto2 = FieldCryptoService.fromKeyList(`${k2},${oldKeys}`);
  let ds: DataSource;
  const person = makeIdNumber('19850312');
  const rep = makeIdNumber('19790101');
  let uscc: string;

  beforeAll(async () => {
    const admin = await new DataSource({ type: 'postgres', url: url.replace(/\/[^/]+$/, '/postgres') }).initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${url.split('/').pop()}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${url.split('/').pop()}"`);
    await admin.destroy();
    ds = await new DataSource(dataSourceOptions({ ...env, DATABASE_URL: url })).initialize();
    await ds.runMigrations();
    await populate();
  }, 120_000);
  afterAll(() => ds?.destroy());

  /** What the app itself seals: an institution, a commitment, a ban, a review matter, second-factor secrets. */
  async function populate() {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    let t: TestApp | undefined;
    try {
      t = await createTestApp();
      const officer = (await t.loginAs('officer')).token;
      const approver = (await t.loginAs('approver')).token;
      uscc = makeUscc();
      await t.http().post('/api/institutions').set(auth(officer)).send({
        uscc, name: '密钥轮换测试培训学校', type: 'off_campus_training', officeCode: 'XWPX', legalRepresentative: { name: '陈明', idNumber: rep },
      }).expect(201);
      const inst = await t.loginAs('institution', { uscc });
      await t.http().post('/api/commitments').set(auth(inst.token)).send({
        uscc, purpose: 'annual', reference: 'CN-RESEAL', content: '本机构承诺依法依规诚信办学，接受社会监督', signerName: '陈明', signerIdNumber: rep,
      }).expect(201);
      await registerBan(t, officer, approver, { personName: '王某', personIdNumber: person, uscc, fromDate: '2026-05-01', untilDate: '2031-04-30' });
      await t.http().post('/api/review-matters').set(auth(officer)).send({ type: 'licence', uscc, title: '设立审批', persons: [{ name: '王某', idNumber: person }] }).expect(201);
      await t.http().post('/api/auth/totp/enroll').set(auth(inst.token)).expect(201); // a pending secret
      for (let i = 0; i < 3; i++) await createUser(t.ds, 'auditor', { officeCode: null }); // sealed second factors
    } finally {
      await t?.close();
      process.env.DATABASE_URL = saved;
    }
  }

  /** Sealed values under a key, anywhere outside append-only evidence: every column of every row, as text. */
  async function sealedUnder(keyId: string): Promise<string[]> {
    const tables: { name: string }[] = await ds.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`);
    const found: string[] = [];
    for (const { name } of tables.filter((x) => !APPEND_ONLY.includes(x.name))) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ~ $1`, [`(^|[^A-Za-z0-9])${keyId}:[A-Za-z0-9+/=]{16}:`]);
      if (n) found.push(`${name}: ${n}`);
    }
    return found;
  }

  it('finds every sealed column and document in the schema', async () => {
    const names = (await resealTargets(ds)).map((t) => `${t.table}.${t.column}${t.hmac ? `+${t.hmac}` : ''}`);
    expect(names).toEqual(expect.arrayContaining([
      'institutions.legal_rep_id_enc+legal_rep_id_hmac', 'industry_bans.person_id_enc+person_id_hmac', 'commitments.signer_id_enc+signer_id_hmac',
      'users.totp_secret_enc', 'users.totp_pending_enc', 'review_matters.persons', 'platform_submissions.payload',
    ]));
    expect(names.filter((n) => APPEND_ONLY.some((t) => n.startsWith(`${t}.`)))).toEqual([]);
  });

  it('moves every sealed value to the new first key and recomputes the blind indexes under it', async () => {
    expect((await sealedUnder('ktest')).length).toBeGreaterThan(3);
    const report = await reseal(ds, crypto2);
    expect(report.failures).toEqual([]);
    expect(await sealedUnder('ktest')).toEqual([]);
    const only2 = FieldCryptoService.fromKeyList(k2);
    const [inst] = await ds.query(`SELECT legal_rep_id_enc, legal_rep_id_hmac FROM institutions WHERE uscc = $1`, [uscc]);
    expect(only2.decrypt(inst.legal_rep_id_enc)).toBe(rep);
    expect(inst.legal_rep_id_hmac).toBe(only2.blindIndex(rep));
    // the lookups the app makes with the new key find the same person: the ban, the matter's persons, the commitment
    const [ban] = await ds.query(`SELECT person_id_enc FROM industry_bans WHERE person_id_hmac = $1`, [only2.blindIndex(person)]);
    expect(only2.decrypt(ban.person_id_enc)).toBe(person);
    const [matter] = await ds.query(`SELECT persons, person_hmacs FROM review_matters WHERE uscc = $1`, [uscc]);
    expect(matter.person_hmacs).toEqual([only2.blindIndex(person)]);
    expect(only2.decrypt(matter.persons[0].idEnc)).toBe(person);
    const [commitment] = await ds.query(`SELECT signer_id_hmac FROM commitments WHERE uscc = $1`, [uscc]);
    expect(commitment.signer_id_hmac).toBe(only2.blindIndex(rep));
    const totps = await ds.query(`SELECT totp_secret_enc AS s FROM users WHERE totp_secret_enc IS NOT NULL`);
    for (const { s } of totps) expect(only2.decrypt(s)).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('changes nothing when run again', async () => {
    const again = await reseal(ds, crypto2);
    expect(again.targets.filter((t) => t.resealed)).toEqual([]);
  });

  it('leaves the hash-chained credit file as it was, and counts what stays under the old key', async () => {
    const report = await reseal(ds, crypto2, { dryRun: true });
    expect(report.appendOnly.ktest).toBeGreaterThan(0); // the ban's record names the person, sealed when it was written
    for await (const { result } of verifyAllChains(ds)) expect(result.ok).toBe(true);
  });

  it('finishes after a crash half-way when run again', async () => {
    const crypto3 = FieldCryptoService.fromKeyList(`${k3},${k2},${oldKeys}`);
    let transactions = 0;
    const crashing = new Proxy(ds, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (...args: Parameters<DataSource['transaction']>) => {
          if (++transactions === 3) return Promise.reject(new Error('power cut'));
          return (target.transaction as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
    await expect(reseal(crashing, crypto3, { batch: 1 })).rejects.toThrow('power cut');
    expect((await sealedUnder('k3')).length).toBeGreaterThan(0); // some rows moved…
    expect((await sealedUnder('k2')).length).toBeGreaterThan(0); // …some not yet
    const report = await reseal(ds, crypto3, { batch: 1 });
    expect(report.failures).toEqual([]);
    expect(await sealedUnder('k2')).toEqual([]);
    expect(await sealedUnder('ktest')).toEqual([]);
  });

  it('reports a value no configured key opens, and leaves it as it is', async () => {
    const report = await reseal(ds, FieldCryptoService.fromKeyList(newKey('k4')), { dryRun: true });
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures[0]).toMatch(/unknown data encryption key k3/);
  });
});
