import { validatePolicy } from '../../../src/policies/policy-validation';
import { DEFAULT_POLICY, PolicyDocument } from '../../../src/policies/policy.types';
import { DEFAULT_CLASSIFICATION } from '../../../src/publicity/classification';

const base: PolicyDocument = { ...DEFAULT_POLICY, classification: DEFAULT_CLASSIFICATION };
const withWindow = (severity: 'minor' | 'general' | 'serious', minMonths: number, maxMonths: number): PolicyDocument =>
  ({ ...base, publicity: { ...base.publicity, [severity]: { minMonths, maxMonths } } });
const refusal = (doc: PolicyDocument) => {
  try {
    validatePolicy(doc);
  } catch (e) {
    return e as { code: string; details: { fields: { field: string; message: string }[] } };
  }
  throw new Error('the policy was accepted');
};

describe('publicity periods a policy may set (国家发展改革委令第36号)', () => {
  it('accepts the legal periods and a shorter maximum', () => {
    expect(() => validatePolicy(base)).not.toThrow();
    expect(() => validatePolicy(withWindow('general', 3, 6))).not.toThrow();
    expect(() => validatePolicy(withWindow('minor', 0, 0))).not.toThrow();
  });

  it.each([
    ['minor', 0, 4, 'publicity.minor.maxMonths'],
    ['minor', 1, 3, 'publicity.minor.minMonths'],
    ['general', 2, 12, 'publicity.general.minMonths'],
    ['general', 4, 12, 'publicity.general.minMonths'],
    ['general', 3, 13, 'publicity.general.maxMonths'],
    ['general', 3, 2, 'publicity.general.maxMonths'],
    ['serious', 11, 36, 'publicity.serious.minMonths'],
    ['serious', 12, 37, 'publicity.serious.maxMonths'],
    ['serious', 12, 60, 'publicity.serious.maxMonths'],
  ] as const)('refuses %s with minimum %i and maximum %i months', (severity, min, max, field) => {
    const e = refusal(withWindow(severity, min, max));
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.details.fields).toEqual([expect.objectContaining({ field, message: expect.stringContaining('国家发展改革委令第36号') })]);
  });

  it('refuses months that are not whole numbers', () => {
    expect(refusal(withWindow('general', 3, 6.5)).details.fields).toEqual([expect.objectContaining({ field: 'publicity.general' })]);
  });

  it('refuses classification thresholds that are not whole yuan or out of order', () => {
    expect(refusal({ ...base, classification: { ...DEFAULT_CLASSIFICATION, minorFineMaxYuan: 3000.5 } }).details.fields)
      .toEqual([expect.objectContaining({ field: 'classification' })]);
    expect(refusal({ ...base, classification: { ...DEFAULT_CLASSIFICATION, seriousFineMinYuan: 3_000 } }).details.fields)
      .toEqual([expect.objectContaining({ field: 'classification.seriousFineMinYuan' })]);
  });
});
