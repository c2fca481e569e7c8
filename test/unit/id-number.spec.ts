import { validate } from 'class-validator';
import { IsIdNumber, isValidIdNumber } from '../../src/common/validation/id-number';
import { makeIdNumber } from '../support/factories';

// Fixed "now" so birth-date bounds do not drift with the day the suite runs.
const NOW = new Date('2026-03-01T12:00:00+08:00');

describe(isValidIdNumber.name, () => {
  // Synthetic numbers (no real person); check digits computed with the GB 11643 weights.
  it.each([
    ['11010519491231002X', 'the example of GB 11643 itself, check digit X'],
    ['320703198001011237', 'Lianyungang, digit check'],
    ['320703200002290012', '29 February of a leap year'],
    ['320703190001010019', 'born 1900-01-01, the earliest accepted'],
    ['65010220010315456X', 'Xinjiang'],
  ])('accepts %s (%s)', (id) => {
    expect(isValidIdNumber(id, NOW)).toBe(true);
  });

  it('accepts the numbers the test factory makes', () => {
    for (let i = 0; i < 20; i++) expect(isValidIdNumber(makeIdNumber(), NOW)).toBe(true);
  });

  it.each([
    ['11010519491231002Y', 'letter other than X'],
    ['110105194912310021', 'wrong check digit'],
    ['320703198001011238', 'wrong check digit'],
    ['320703199902290012', '29 February of a common year (check digit right)'],
    ['320703189912310014', 'born before 1900 (check digit right)'],
    ['32070320991231001X', 'born in the future (check digit right)'],
    ['010105194912310026', 'no such province 01 (check digit right)'],
    ['11010519491231002', '17 characters'],
    ['110105194912310020X', '19 characters'],
    ['110105491231002', 'old 15-digit form'],
    ['', 'empty'],
  ])('rejects %j (%s)', (id) => {
    expect(isValidIdNumber(id, NOW)).toBe(false);
  });

  it('rejects a lower-case x: callers upper-case before validating', () => {
    expect(isValidIdNumber('11010519491231002x', NOW)).toBe(false);
  });

  it('compares the birth date with today in Beijing time', () => {
    const born = makeIdNumber('20260302');
    expect(isValidIdNumber(born, new Date('2026-03-01T15:59:59Z'))).toBe(false); // 23:59 on 03-01 in Beijing
    expect(isValidIdNumber(born, new Date('2026-03-01T16:00:00Z'))).toBe(true); // 00:00 on 03-02 in Beijing
  });
});

describe(IsIdNumber.name, () => {
  class Body {
    @IsIdNumber() idNumber: unknown;
  }

  it('reports the constraint isIdNumber with the Chinese message', async () => {
    const [error] = await validate(Object.assign(new Body(), { idNumber: '110105194912310021' }));
    expect(error.constraints).toEqual({ isIdNumber: '居民身份证号码格式或校验位不正确' });
  });

  it('passes a valid number', async () => {
    expect(await validate(Object.assign(new Body(), { idNumber: '11010519491231002X' }))).toHaveLength(0);
  });
});
