import { validate } from 'class-validator';
import { isValidUscc, IsUscc } from '../../src/common/validation/uscc';
import { makeUscc } from '../support/factories';

describe(isValidUscc.name, () => {
  // Published codes of real organisations; each check character recomputed by hand with the GB 32100 weights.
  it.each([
    ['91440300708461136T', '企业 (Shenzhen)'],
    ['12100000400000624D', '事业单位'],
    ['9144030071526726XG', '企业, X inside the organisation code'],
    ['91330100716105852F', '企业 (Hangzhou)'],
    ['914403001922038216', '企业, digit check character'],
    ['91110108551385082Q', '企业 (Beijing)'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('accepts the codes the test factory makes', () => {
    for (let i = 0; i < 50; i++) expect(isValidUscc(makeUscc())).toBe(true);
  });

  it.each([
    ['91440300708461136A', 'wrong check character'],
    ['12100000400000624E', 'wrong check character'],
    ['91440300708461163T', 'two characters swapped'],
    ['9144030070846I136T', 'forbidden letter I'],
    ['91440300O08461136T', 'forbidden letter O'],
    ['914403007084611S6T', 'forbidden letter S'],
    ['9144030070846V136T', 'forbidden letter V'],
    ['9144030070846Z136T', 'forbidden letter Z'],
    ['91440300708461136', '17 characters'],
    ['91440300708461136TT', '19 characters'],
    ['', 'empty'],
    [' 91440300708461136T', 'leading space'],
  ])('rejects %j (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('rejects lower case: callers normalise before validating, so stored codes are canonical', () => {
    expect(isValidUscc('9144030071526726xg')).toBe(false);
    expect(isValidUscc('9144030071526726XG'.toLowerCase())).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isValidUscc(91440300708461136 as unknown as string)).toBe(false);
    expect(isValidUscc(undefined as unknown as string)).toBe(false);
  });
});

describe(IsUscc.name, () => {
  class Body {
    @IsUscc() uscc: unknown;
  }
  const check = (uscc: unknown) => validate(Object.assign(new Body(), { uscc }));

  it('reports the constraint isUscc with the Chinese message when the code is wrong', async () => {
    const [error] = await check('91440300708461136A');
    expect(error.constraints).toEqual({ isUscc: '统一社会信用代码不符合 GB 32100-2015 校验规则' });
  });

  it('passes a valid code and fails a missing one', async () => {
    expect(await check('12100000400000624D')).toHaveLength(0);
    expect(await check(undefined)).toHaveLength(1);
  });
});
