import { addMonths, nextDay } from '../../../src/calendar/iso-date';
import { DEFAULT_POLICY } from '../../../src/policies/policy.types';
import { publicityPeriods } from '../../../src/publicity/publicity-periods';

const windows = DEFAULT_POLICY.publicity; // 36号令: minor 0–3, general 3–12, serious 12–36 months

describe('counting months (民法典 art. 201–202)', () => {
  it.each([
    ['2026-03-15', 3, '2026-06-15', 'the day of the decision is not counted; the period ends on the corresponding day'],
    ['2026-01-31', 1, '2026-02-28', 'February has no 31st: the month’s last day'],
    ['2028-01-31', 1, '2028-02-29', 'a leap year’s February ends on the 29th'],
    ['2024-02-29', 12, '2025-02-28', 'a decision on 29 February, one year on'],
    ['2024-02-29', 36, '2027-02-28', 'three years on, still no 29 February'],
    ['2024-02-29', 48, '2028-02-29', 'four years on, 29 February again'],
    ['2026-04-30', 1, '2026-05-30', 'a month’s last day: the corresponding day, not the next month’s last'],
    ['2026-08-31', 3, '2026-11-30', 'the 31st into a 30-day month'],
    ['2026-12-31', 2, '2027-02-28', 'across the year end'],
    ['2025-10-01', 12, '2026-10-01', 'ends on 国庆 and is not moved off the holiday'],
  ])('%s + %i months ends on %s (%s)', (from, months, until) => {
    expect(addMonths(from, months)).toBe(until);
  });

  it('refuses a date that does not exist', () => {
    expect(() => addMonths('2026-02-29', 1)).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
    expect(() => addMonths('2026-03-01', 1.5)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('finds the day after across a month and a leap day', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe(publicityPeriods.name, () => {
  it('publishes a general record for its maximum of one year and opens repair the day after three months', () => {
    expect(publicityPeriods('general', '2026-04-15', windows))
      .toEqual({ publish: true, publicityUntil: '2027-04-15', repairableFrom: '2026-07-16' });
  });

  it('publishes a serious record for three years and opens repair the day after one year', () => {
    expect(publicityPeriods('serious', '2026-05-31', windows))
      .toEqual({ publish: true, publicityUntil: '2029-05-31', repairableFrom: '2027-06-01' });
  });

  it('opens repair on 1 March when the minimum ends on the last day of February', () => {
    expect(publicityPeriods('general', '2026-11-30', windows))
      .toEqual({ publish: true, publicityUntil: '2027-11-30', repairableFrom: '2027-03-01' });
    expect(publicityPeriods('general', '2027-11-30', windows).repairableFrom).toBe('2028-03-01'); // 2028-02-29 is the last day
  });

  it('does not publish a minor record, and lets it be repaired from the next day', () => {
    expect(publicityPeriods('minor', '2026-04-15', windows)).toEqual({ publish: false, publicityUntil: null, repairableFrom: '2026-04-16' });
    expect(publicityPeriods('minor', '2026-04-15', windows, { minorPublicationReason: '  ' }).publish).toBe(false);
  });

  it('publishes a minor record for at most three months when the officer recorded why it is necessary', () => {
    expect(publicityPeriods('minor', '2026-11-30', windows, { minorPublicationReason: '涉及众多学生权益，确有必要公示' }))
      .toEqual({ publish: true, publicityUntil: '2027-02-28', repairableFrom: '2026-12-01' });
  });
});

// Issue #16 point 6, computed by hand (民法典 art. 201–202): counting starts the day after the decision, a period in
// months ends on the corresponding day of its last month (no such day: that month's last day), repair opens the day
// after the minimum ends; publication ends on the maximum's last day, never moved off a holiday.
describe('repair dates for decisions on 31 January, 29 February and a month’s last day (issue #16)', () => {
  it.each([
    // decision, class, last day in publication, first day repair may be applied for
    ['2027-01-31', 'minor', null, '2027-02-01'], //    minimum 0 months: repairable from the day after the decision
    ['2027-01-31', 'general', '2028-01-31', '2027-05-01'], // 3 months end 2027-04-30 (April has no 31st)
    ['2027-01-31', 'serious', '2030-01-31', '2028-02-01'], // 12 months end 2028-01-31
    ['2028-02-29', 'general', '2029-02-28', '2028-05-30'], // 3 months end 2028-05-29; 12 months: 2029 has no 29 Feb
    ['2028-02-29', 'serious', '2031-02-28', '2029-03-01'], // 12 months end 2029-02-28 (the month's last day)
    ['2026-04-30', 'general', '2027-04-30', '2026-07-31'], // 3 months end 2026-07-30, the corresponding day, not the 31st
    ['2026-04-30', 'serious', '2029-04-30', '2027-05-01'], // 12 months end 2027-04-30
  ] as const)('a %s %s decision: published until %s, repairable from %s', (decision, severity, until, repairable) => {
    const p = publicityPeriods(severity, decision, windows);
    expect(p.publicityUntil).toBe(until);
    expect(p.repairableFrom).toBe(repairable);
  });

  it('is never one day early: repair is refused on the minimum’s last day itself', () => {
    expect(publicityPeriods('general', '2027-01-31', windows).repairableFrom > '2027-04-30').toBe(true);
    expect(publicityPeriods('serious', '2028-02-29', windows).repairableFrom > '2029-02-28').toBe(true);
  });
});
