/**
 * How instants map to Chinese calendar dates. The real clock is Beijing time; tests substitute a clock that
 * maps the time-skipping server's "now" onto a chosen 2026 date, so holiday arithmetic can be checked by hand.
 */
import { beijingDateOf, beijingInstant } from '../src/common/time/beijing';

export interface CaseClock {
  /** The Beijing calendar date of an instant. */
  dateOf(ms: number): string;
  /** An instant on a Beijing calendar date at hh:mm; 24:00 is the midnight that ends the day (a deadline). */
  at(date: string, hhmm: string): number;
}

export const beijingClock: CaseClock = { dateOf: beijingDateOf, at: beijingInstant };

/** A clock whose calendar is `offsetMs` behind real instants (for tests only). */
export function shiftedClock(offsetMs: number): CaseClock {
  return {
    dateOf: (ms) => beijingClock.dateOf(ms - offsetMs),
    at: (date, hhmm) => beijingClock.at(date, hhmm) + offsetMs,
  };
}
