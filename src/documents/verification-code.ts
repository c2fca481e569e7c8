import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648 base32: no 0/1/8/9 to misread on paper
export const CODE_PATTERN = /^[A-Z2-7]{26}$/;

/** 128 random bits as 26 base32 characters: unguessable, and short enough to type from a printed document. */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out + ALPHABET[(value << (5 - bits)) & 31];
}

/** Only the hash is stored: the code exists on the document itself, so a database leak does not hand codes out. */
export const hashVerificationCode = (code: string): string => createHash('sha256').update(code).digest('hex');

/** What a person typed or a scanner read: case, spaces and hyphens do not matter. */
export const normaliseCode = (raw: string): string => raw.toUpperCase().replace(/[\s-]/g, '');

export const verificationUrl = (base: string, code: string): string => `${base}${base.includes('?') ? '&' : '?'}code=${code}`;
