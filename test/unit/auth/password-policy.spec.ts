import { passwordProblems } from '../../../src/auth/password-policy';

const codes = (password: string, username = 'wangjingban') => passwordProblems(password, username).map((p) => p.code);

/** GB/T 22239-2019 level 3 (8.1.4.1 a), as issue #14 point 9 asks for every account. */
describe('password policy', () => {
  it("refuses the penetration test's passwords", () => {
    expect(codes('password12')).toEqual(expect.arrayContaining(['TOO_SHORT', 'TOO_SIMPLE', 'COMMON']));
    expect(codes('1111111111a')).toEqual(expect.arrayContaining(['TOO_SHORT', 'TOO_SIMPLE']));
  });

  it('wants at least 12 characters from three of the four classes, not a few characters repeated', () => {
    expect(codes('Haizhou#2026')).toEqual([]); // 12 characters, four classes
    expect(codes('Haizhou#202')).toEqual(['TOO_SHORT']);
    expect(codes('haizhoujiaoyu2026')).toEqual(['TOO_SIMPLE']); // two classes
    expect(codes('HAIZHOU-JIAOYU-2026')).toEqual([]); // upper, digit, symbol
    expect(codes('Aa1!Aa1!Aa1!Aa1!')).toEqual(['TOO_SIMPLE']);
  });

  it('counts Chinese characters as symbols and their length in characters', () => {
    expect(codes('海州区教育局Jiaoyu26')).toEqual([]);
  });

  it('refuses a common password, also with digits and symbols around it, whatever its case', () => {
    for (const common of ['Password2026!', 'Qwerty123456', '!!Iloveyou2026', 'Sunshine#20261', 'P@ssw0rd12345']) {
      expect([common, codes(common)]).toEqual([common, expect.arrayContaining(['COMMON'])]);
    }
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(codes('WangJingBan#2026')).toContain('CONTAINS_USERNAME');
    expect(codes('Abc#2026xyzDEF', 'ab')).toEqual([]); // a username shorter than 3 is not searched for
  });

  it('says why in Chinese', () => {
    expect(passwordProblems('abc', 'x').map((p) => p.message)).toEqual(expect.arrayContaining(['至少 12 位']));
  });
});
