import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppEnv } from '../../config/env.schema';

/**
 * Encrypts personal data (ID numbers) at rest with AES-256-GCM.
 * Ciphertext is `keyId:iv:tag:data` (base64), so keys can rotate: the first configured key encrypts,
 * every configured key decrypts, and `reencrypt` moves old rows to the current key.
 * A keyed HMAC gives a blind index to find a person by ID number without decrypting every row.
 */
@Injectable()
export class FieldCryptoService {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  constructor(config: ConfigService<AppEnv, true>) {
    const entries = config.get('DATA_ENCRYPTION_KEYS', { infer: true }).split(',').map((pair: string) => {
      const [id, b64] = pair.split(':');
      const key = Buffer.from(b64, 'base64');
      if (key.length !== 32) throw new Error(`data encryption key ${id} must be 32 bytes`);
      return [id, key] as const;
    });
    this.keys = new Map(entries);
    this.currentKeyId = entries[0][0];
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

  /** Blind index: always keyed with the first key ever used ('k1' by convention) so lookups survive rotation. */
  blindIndex(value: string): string {
    const key = this.keys.get('k1') ?? this.keys.get(this.currentKeyId)!;
    return createHmac('sha256', key).update(value.toUpperCase()).digest('hex');
  }
}
