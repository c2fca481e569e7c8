import { matchTotpStep, newRecoveryCodes, newTotpSecret, RECOVERY_CODE_PATTERN, recoveryCodeHash, totpCode, totpUri } from '../../../src/auth/totp';

// RFC 6238 Appendix B, the SHA-1 rows: the secret is the ASCII "12345678901234567890"; a 6-digit code is the last
// six digits of the RFC's 8-digit value
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [number, string][] = [
  [59, '287082'], [1111111109, '081804'], [1111111111, '050471'], [1234567890, '005924'], [2000000000, '279037'], [20000000000, '353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('gives the RFC test vector at T = %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it('accepts a code one 30-second step either side of now, for phones whose clock drifts, and names the step', () => {
    const at = 1234567890_000; // step 41152263
    expect(matchTotpStep(RFC_SECRET, '005924', at)).toBe(41152263);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, at - 30_000), at)).toBe(41152262);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, at + 30_000), at)).toBe(41152264);
  });

  it('refuses a code two steps old, a code of another secret and anything that is not six digits', () => {
    const at = 1234567890_000;
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, at - 60_000), at)).toBeNull();
    const other = newTotpSecret();
    const foreign = totpCode(other, at);
    if (![-1, 0, 1].some((d) => totpCode(RFC_SECRET, at + d * 30_000) === foreign)) expect(matchTotpStep(RFC_SECRET, foreign, at)).toBeNull();
    for (const bad of ['05924', '0059245', 'abcdef', '']) expect(matchTotpStep(RFC_SECRET, bad, at)).toBeNull();
  });

  it('makes 160-bit base32 secrets and an otpauth URI an authenticator app reads', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'officer1', '海州教育信用')).toBe(
      `otpauth://totp/${encodeURIComponent('海州教育信用')}:officer1?issuer=${encodeURIComponent('海州教育信用')}&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  });

  it('makes ten distinct recovery codes without look-alike characters, matched however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    const typed = codes[0].toUpperCase().replace('-', ' ');
    expect(RECOVERY_CODE_PATTERN.test(typed)).toBe(true);
    expect(recoveryCodeHash(typed)).toBe(recoveryCodeHash(codes[0]));
  });
});
