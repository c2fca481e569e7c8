import { calendarAlerts } from '../../../src/ops/alert-rules';

/** The calendar alert from 1 November, Beijing date (hand-computed days around the turn). */
describe('calendar alerts', () => {
  const codes = (today: string, known: number[]) => calendarAlerts(today, known).map((a) => a.code);

  it('asks for next year from 1 November, not on 31 October', () => {
    expect(codes('2026-10-31', [2025, 2026])).toEqual([]);
    expect(codes('2026-11-01', [2025, 2026])).toEqual(['CALENDAR_NEXT_YEAR_MISSING']);
    expect(codes('2026-12-31', [2025, 2026])).toEqual(['CALENDAR_NEXT_YEAR_MISSING']);
    expect(calendarAlerts('2026-12-06', [2026])[0].action).toContain('2027 年');
  });

  it('is silent once next year is published, and critical when even this year is missing', () => {
    expect(codes('2026-11-01', [2026, 2027])).toEqual([]);
    expect(codes('2027-01-02', [2026])).toEqual(['CALENDAR_YEAR_MISSING']);
    expect(calendarAlerts('2027-01-02', [2026])[0].severity).toBe('critical');
  });
});
