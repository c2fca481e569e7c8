import { deadlineEndsAtMs, portalAccepts } from '../../../src/portal/answer-window';

/** Who decides an institution's answer (issue #20): the portal, except in the last quarter hour of the deadline. */
describe('the portal\'s answer window', () => {
  // due 2026-12-31: the deadline ends at 2027-01-01 00:00 Beijing = 2026-12-31 16:00 UTC; the case decides from 15:45 UTC
  const due = { dueDate: '2026-12-31', provisional: false };

  it('ends a deadline at 24:00 Beijing time of its due date', () => {
    expect(new Date(deadlineEndsAtMs('2026-12-31')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it.each([
    ['2026-12-20T02:00:00Z', true],
    ['2026-12-31T15:44:59Z', true],
    ['2026-12-31T15:45:00Z', false], // 23:45 Beijing on the last day: the case orders its timer and the answer
    ['2026-12-31T16:30:00Z', false], // past: the case refuses it as late (DEADLINE_PASSED)
  ])('at %s the portal accepts: %s', (at, expected) => {
    expect(portalAccepts(due, Date.parse(at))).toBe(expected);
  });

  it('always accepts an answer to a provisional deadline: it never lapses before its year is published', () => {
    expect(portalAccepts({ ...due, provisional: true }, Date.parse('2027-01-03T00:00:00Z'))).toBe(true);
  });
});
