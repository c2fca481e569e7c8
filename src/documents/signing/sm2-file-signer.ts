import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sm2 } from 'sm-crypto-v2';
import { DataSource, EntityManager } from 'typeorm';
import type { DocumentSignature, DocumentSigner, SignerIdentity } from './document-signer';

export const SM2_ALGORITHM = 'SM2-SM3';
const HOLDER = 'edu-credit development signer';

interface Sm2Key {
  keyId: string;
  privateHex: string;
  publicHex: string;
}

export const signingKeyFile = (): string => resolve(process.env.DOCUMENT_SIGNING_KEY_FILE ?? 'var/document-signing/sm2-key.pem');

/**
 * The development signer: one SM2 key per installation, generated on first use into var/ (PKCS#8 PEM, mode 0600,
 * git-ignored), its public key registered in document_signing_keys so that every document it ever signed keeps
 * verifying after the key is replaced. Signatures are SM2 with the SM3 digest and the default signer ID
 * 1234567812345678 (GB/T 32918.2, GB/T 35276) from sm-crypto-v2 — Node's OpenSSL signs SM2 too, but only with an
 * empty ID and only for keys read back from PEM, and Node cannot set the ID.
 */
@Injectable()
export class Sm2FileSigner implements DocumentSigner {
  private readonly logger = new Logger(Sm2FileSigner.name);
  private key?: Sm2Key;
  private registered = false;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async identity(): Promise<SignerIdentity> {
    return { keyId: this.load().keyId, algorithm: SM2_ALGORITHM, holder: HOLDER };
  }

  async sign(data: Buffer, m: EntityManager = this.ds.manager): Promise<DocumentSignature> {
    const key = this.load();
    if (!this.registered) {
      await m.query(
        `INSERT INTO document_signing_keys (key_id, algorithm, public_key, holder) VALUES ($1, $2, $3, $4) ON CONFLICT (key_id) DO NOTHING`,
        [key.keyId, SM2_ALGORITHM, key.publicHex, HOLDER]);
      this.registered = !m.queryRunner?.isTransactionActive; // inside a transaction the row is ours only once it commits
    }
    const signature = sm2.doSignature(digest(data, key.publicHex), key.privateHex, { der: true, hash: false });
    return { keyId: key.keyId, algorithm: SM2_ALGORITHM, signature };
  }

  /** Checks with the public key recorded for the key id, whichever key this installation holds now. */
  async verify(data: Buffer, s: DocumentSignature, m: EntityManager = this.ds.manager): Promise<boolean> {
    if (s.algorithm !== SM2_ALGORITHM) return false;
    const [row] = await m.query(`SELECT public_key FROM document_signing_keys WHERE key_id = $1 AND algorithm = $2`, [s.keyId, s.algorithm]);
    if (!row) return false;
    try {
      return sm2.doVerifySignature(digest(data, row.public_key), s.signature, row.public_key, { der: true, hash: false });
    } catch {
      return false; // a malformed signature is an invalid one
    }
  }

  private load(): Sm2Key {
    if (this.key) return this.key;
    const file = signingKeyFile();
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch {
      pem = this.generate(file);
    }
    this.key = keyFromPem(createPrivateKey(pem));
    if (process.env.NODE_ENV === 'production') {
      this.logger.warn(`documents are signed with the development SM2 key ${this.key.keyId}: bind the bureau's electronic-seal service (docs/documents.md)`);
    }
    return this.key;
  }

  /** First run: a new key, written only if no other process wrote one meanwhile (flag wx), readable by us alone. */
  private generate(file: string): string {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
      this.logger.log(`generated the development document signing key ${file}`);
      return pem;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
      throw err;
    }
  }
}

/**
 * e = SM3(Z ‖ M), the value SM2 signs (GB/T 32918.2 6.1), Z from the signer's public key and the default ID. Hashed
 * natively: the library hashing a 200 KB PDF itself (through hex strings) took 170 ms of a 175 ms signature.
 */
function digest(data: Buffer, publicHex: string): Buffer {
  return createHash('sm3').update(sm2.getZ(publicHex)).update(data).digest();
}

/** The raw scalar and point of an SM2 key, as sm-crypto-v2 takes them, and its id: `sm2-` + 16 hex of SM3(public key). */
export function keyFromPem(privateKey: KeyObject): Sm2Key {
  const der = privateKey.export({ type: 'pkcs8', format: 'der' }); // wraps the ECPrivateKey (a key read from PEM is an SM2 key, which OpenSSL will not write as SEC1)
  const at = der.indexOf(Buffer.from([0x02, 0x01, 0x01, 0x04, 0x20])); // ECPrivateKey: version 1, privateKey OCTET STRING(32)
  if (at < 0) throw new Error('the document signing key is not an SM2 private key');
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const publicHex = spki.subarray(spki.length - 65).toString('hex'); // 04 || x || y
  return {
    keyId: `sm2-${createHash('sm3').update(Buffer.from(publicHex, 'hex')).digest('hex').slice(0, 16)}`,
    privateHex: der.subarray(at + 5, at + 37).toString('hex'),
    publicHex,
  };
}
