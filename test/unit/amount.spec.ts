import 'reflect-metadata';
import { createValidationPipe } from '../../src/common/http/validation.pipe';
import { DomainException } from '../../src/common/errors/domain.exception';
import { hasAtMostPlaces } from '../../src/common/validation/amount';
import { FinePaymentDto } from '../../src/record-repairs/dto/record-repair.dto';

describe(hasAtMostPlaces.name, () => {
  it.each([[0, 2], [1200, 2], [0.07, 2], [1999.99, 2], [12.345678, 6], [1e21, 2]])('accepts %p with %p places', (v, places) => {
    expect(hasAtMostPlaces(v, places)).toBe(true);
  });

  it.each([[1.005, 2], [0.001, 2], [5e-324, 2], [1e-7, 6], [Number.NaN, 2], [Infinity, 2], ['12', 2], [null, 2]])(
    'refuses %p with %p places', (v, places) => {
      expect(hasAtMostPlaces(v, places)).toBe(false);
    });
});

describe('a fine payment with an amount in exponent notation', () => {
  // found by the fuzzer: class-validator's IsNumber({ maxDecimalPlaces }) threw on 5e-324 and the API answered 500
  it('is refused as a user mistake, field by field, not as a server error', async () => {
    const pipe = createValidationPipe();
    const body = { paidOn: '2026-12-01', receiptNo: 'FS-2026-0001', amountYuan: 5e-324 };
    const refusal = await pipe.transform(body, { type: 'body', metatype: FinePaymentDto, data: '' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainException);
    const { code, status, details } = refusal as DomainException;
    expect([code, status]).toEqual(['VALIDATION_FAILED', 400]);
    expect((details as { fields: unknown[] }).fields).toEqual([expect.objectContaining({ field: 'amountYuan', message: expect.stringContaining('最多两位小数') })]);
  });
});
