import { createPrivateKey, createPublicKey, sign as opensslSign, verify as opensslVerify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/database/data-source';
import { keyFromPem, SM2_ALGORITHM, Sm2FileSigner } from '../../../src/documents/signing/sm2-file-signer';

/** The development signer: a throwaway key per test, generated on first use as production's first run would. */
describe(Sm2FileSigner.name, () => {
  let ds: DataSource;
  let dir: string;
  const previous = process.env.DOCUMENT_SIGNING_KEY_FILE;
  const useKeyFile = (name: string) => {
    process.env.DOCUMENT_SIGNING_KEY_FILE = join(dir, name);
    return new Sm2FileSigner(ds);
  };
  const pdf = Buffer.from('%PDF-1.7\n失信行为认定决定书 连区教信决〔2026〕3号\n%%EOF\n');

  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions()).initialize();
    dir = mkdtempSync(join(tmpdir(), 'edu-credit-signing-'));
  });
  afterAll(async () => {
    process.env.DOCUMENT_SIGNING_KEY_FILE = previous;
    rmSync(dir, { recursive: true, force: true });
    await ds.destroy();
  });

  it('generates its SM2 key on first use, readable by its owner only, and finds the same key again after a restart', async () => {
    const signer = useKeyFile('first-run/sm2-key.pem');
    const { keyId, algorithm } = await signer.identity();
    expect(algorithm).toBe(SM2_ALGORITHM);
    expect(keyId).toMatch(/^sm2-[0-9a-f]{16}$/);
    const file = join(dir, 'first-run/sm2-key.pem');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect((await new Sm2FileSigner(ds).identity()).keyId).toBe(keyId); // another process, same file
  });

  it('verifies its signature over the bytes, and refuses it when one byte changed', async () => {
    const signer = useKeyFile('one-byte.pem');
    const signature = await signer.sign(pdf);
    expect(await signer.verify(pdf, signature)).toBe(true);
    for (const at of [0, 12, pdf.length - 1]) {
      const changed = Buffer.from(pdf);
      changed[at] ^= 0x01;
      expect(await signer.verify(changed, signature)).toBe(false);
    }
    expect(await signer.verify(pdf, { ...signature, signature: signature.signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).toBe(false);
  });

  it('keeps verifying what an earlier key signed after the installation moves to a new key, and not under the wrong key', async () => {
    const old = useKeyFile('old.pem');
    const oldSignature = await old.sign(pdf);
    const current = useKeyFile('new.pem');
    const newSignature = await current.sign(pdf);
    expect(newSignature.keyId).not.toBe(oldSignature.keyId);
    expect(await current.verify(pdf, oldSignature)).toBe(true);
    expect(await current.verify(pdf, { ...oldSignature, keyId: newSignature.keyId })).toBe(false);
    expect(await current.verify(pdf, { ...oldSignature, keyId: 'sm2-unknown' })).toBe(false);
  });

  it('signs SM2 as GB/T 32918.2 defines it: with an empty signer ID the same library interoperates with OpenSSL both ways', async () => {
    // the signer uses the default ID 1234567812345678 (GB/T 35276); OpenSSL through Node only signs with an empty ID,
    // so the library is checked against OpenSSL with that ID: same curve, same Z, same equation
    const pem = readFileSync(join(dir, 'old.pem'), 'utf8');
    const key = keyFromPem(createPrivateKey(pem));
    const ours = sm2.doSignature(pdf, key.privateHex, { der: true, hash: true, publicKey: key.publicHex, userId: '' });
    expect(opensslVerify('sm3', pdf, createPublicKey(pem), Buffer.from(ours, 'hex'))).toBe(true);
    const theirs = opensslSign('sm3', pdf, createPrivateKey(pem));
    expect(sm2.doVerifySignature(pdf, theirs.toString('hex'), key.publicHex, { der: true, hash: true, userId: '' })).toBe(true);
    expect(sm2.doVerifySignature(pdf, theirs.toString('hex'), key.publicHex, { der: true, hash: true })).toBe(false); // IDs differ
    // the signer hashes SM3(Z ‖ M) itself; the library's own message-level check with the default ID agrees
    const signed = await useKeyFile('old.pem').sign(pdf);
    expect(sm2.doVerifySignature(pdf, signed.signature, key.publicHex, { der: true, hash: true })).toBe(true);
  });
});
