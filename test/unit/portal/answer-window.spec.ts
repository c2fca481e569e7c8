import { deadlineEndsAtMs, inTime } from '../../../src/portal/answer-window';

/** When an institution's answer is in time (issue #20): until 24:00 Beijing of the due date, a provisional date always. */
describe('the portal\'s answer window', () => {
  // due 2026-12-31: the deadline ends at 2027-01-01 00:00 Beijing = 2026-12-31 16:00 UTC
  const due = { dueDate: '2026-12-31', provisional: false };

  it('ends a deadline at 24:00 Beijing time of its due date', () => {
    expect(new Date(deadlineEndsAtMs('2026-12-31')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it.each([
    ['2026-12-20T02:00:00Z', true],
    ['2026-12-31T15:59:59.999Z', true], // 23:59:59.999 Beijing on the last day
    ['2026-12-31T16:00:00Z', false], // 24:00: the deadline has ended (DEADLINE_PASSED)
    ['2027-01-02T01:00:00Z', false],
  ])('an answer at %s is in time: %s', (at, expected) => {
    expect(inTime(due, Date.parse(at))).toBe(expected);
  });

  it('always takes an answer to a provisional deadline: it never lapses before its year is published', () => {
    expect(inTime({ ...due, provisional: true }, Date.parse('2027-01-03T00:00:00Z'))).toBe(true);
  });
});
