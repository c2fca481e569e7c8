import type { ConfigService } from '@nestjs/config';
import { maskIdNumber, maskName } from '../../src/common/crypto/mask';
import { FieldCryptoService } from '../../src/common/crypto/field-crypto.service';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');
const service = (keys: string) => new FieldCryptoService({ get: () => keys } as unknown as ConfigService<never, true>);

describe(FieldCryptoService.name, () => {
  const id = '320706198503124417';

  it('stores no readable trace of the plain value and reads it back', () => {
    const crypto = service(`k1:${key(1)}`);
    const sealed = crypto.encrypt(id);
    expect(sealed).not.toContain(id);
    expect(sealed).not.toEqual(crypto.encrypt(id)); // fresh IV each time
    expect(crypto.decrypt(sealed)).toBe(id);
  });

  it('decrypts data sealed with a retired key after rotation and marks it for re-encryption', () => {
    const before = service(`k1:${key(1)}`).encrypt(id);
    const rotated = service(`k2:${key(2)},k1:${key(1)}`);
    expect(rotated.decrypt(before)).toBe(id);
    expect(rotated.needsRotation(before)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt(id))).toBe(false);
  });

  it('detects tampering', () => {
    const crypto = service(`k1:${key(1)}`);
    const [k, iv, tag, data] = crypto.encrypt(id).split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => crypto.decrypt([k, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('keys the blind index with the current key, so a leaked old key is no dictionary for new indexes', () => {
    const old = service(`k1:${key(1)}`).blindIndex(id);
    const rotated = service(`k2:${key(2)},k1:${key(1)}`);
    expect(rotated.blindIndex(id)).not.toBe(old);
    expect(rotated.blindIndex(id)).toBe(service(`k2:${key(2)}`).blindIndex(id));
    // what scripts/reseal.ts recognises an index made before the rotation by
    expect(rotated.blindIndexUnderEveryKey(id)).toEqual([rotated.blindIndex(id), old]);
  });

  it('refuses to start without keys rather than invent one', () => {
    expect(() => service('')).toThrow(/DATA_ENCRYPTION_KEYS is not set/);
  });
});

describe('masking', () => {
  it('keeps only the first four and last four characters of an ID number', () => {
    expect(maskIdNumber('320706198503124417')).toBe('3207**********4417');
  });

  it('keeps only the surname', () => {
    expect(maskName('陈明')).toBe('陈*');
  });
});
