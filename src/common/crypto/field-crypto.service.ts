import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppEnv } from '../../config/env.schema';

/**
 * Encrypts personal data (ID numbers, second-factor secrets) at rest with AES-256-GCM.
 * Ciphertext is `keyId:iv:tag:data` (base64), so keys can rotate: the first configured key encrypts,
 * every configured key decrypts, and scripts/reseal.ts moves old rows to the current key.
 * A keyed HMAC gives a blind index to find a person by ID number without decrypting every row; it is keyed with the
 * current key too, so a leaked old key stops being a dictionary for ID numbers once reseal has recomputed them.
 */
@Injectable()
export class FieldCryptoService {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(config: ConfigService<AppEnv, true>) {
    const list = config.get('DATA_ENCRYPTION_KEYS', { infer: true });
    if (!list) {
      throw new Error('DATA_ENCRYPTION_KEYS is not set: `npm run up` generates var/secrets.env; a deployment sets its own (docs/identity.md)');
    }
    const entries = parseKeyList(list);
    this.keys = new Map(entries);
    this.currentKeyId = entries[0][0];
  }

  /** For scripts outside Nest (reseal, seeds): the same service from a key list. */
  static fromKeyList(list: string): FieldCryptoService {
    return new FieldCryptoService({ get: () => list } as unknown as ConfigService<AppEnv, true>);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [this.currentKeyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [keyId, iv, tag, data] = sealed.split(':');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`unknown data encryption key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  needsRotation(sealed: string): boolean {
    return !sealed.startsWith(`${this.currentKeyId}:`);
  }

  /** The key id a sealed value names, without decrypting it. */
  static keyIdOf(sealed: string): string {
    return sealed.split(':', 1)[0];
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.keys.get(this.currentKeyId)!).update(value.toUpperCase()).digest('hex');
  }

  /** The blind index of a value under every configured key: what reseal maps an older index from. */
  blindIndexUnderEveryKey(value: string): string[] {
    return [...this.keys.values()].map((key) => createHmac('sha256', key).update(value.toUpperCase()).digest('hex'));
  }
}

function parseKeyList(list: string): [string, Buffer][] {
  return list.split(',').map((pair: string) => {
    const [id, b64] = pair.split(':');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`data encryption key ${id} must be 32 bytes`);
    return [id, key] as [string, Buffer];
  });
}
