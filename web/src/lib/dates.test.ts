import { describe, expect, it } from 'vitest';
import { addDays, beijingToday, formatDate, formatDateTime } from './dates';

// Beijing is UTC+8 all year (no daylight saving): 16:00 UTC is midnight in Beijing.
describe('Beijing dates', () => {
  it('takes today from Beijing, not from the browser: 31 Dec 16:30 UTC is already New Year in Beijing', () => {
    expect(beijingToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(beijingToday(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
  });

  it('shows a registration time stamped 1 March 17:30 UTC on 2 March, its day in Beijing', () => {
    expect(formatDate('2026-03-01T17:30:00.000Z')).toBe('2026年3月2日');
    expect(formatDateTime('2026-03-01T17:30:00.000Z')).toBe('2026年3月2日 01:30');
  });

  it('shows a plain date as it is', () => {
    expect(formatDate('2026-10-08')).toBe('2026年10月8日');
    expect(formatDate(null)).toBe('');
  });

  it('adds calendar days across a month end', () => {
    expect(addDays('2026-12-06', 30)).toBe('2027-01-05');
  });
});
