import { beijingClock, type CaseClock } from '../../activities/case-clock';

/**
 * A calendar that runs fast: from `startMs` (a real instant) one calendar day lasts `dayMs` real milliseconds,
 * beginning at `calendarStart` (a Beijing instant). The fault suite's worker computes every due date with it, so
 * working-day deadlines pass — and must be escalated — while faults are injected, minutes instead of weeks.
 * The suite uses the same clock to tell which deadlines have passed when it checks the invariants.
 */
export interface CompressedCalendar {
  startMs: number;
  calendarStart: string;
  dayMs: number;
}

export function compressedClock({ startMs, calendarStart, dayMs }: CompressedCalendar): CaseClock {
  const speed = 86_400_000 / dayMs;
  const base = Date.parse(calendarStart);
  return {
    dateOf: (ms) => beijingClock.dateOf(base + (ms - startMs) * speed),
    at: (date, hhmm) => Math.round(startMs + (beijingClock.at(date, hhmm) - base) / speed),
  };
}

export const calendarFromEnv = (env: NodeJS.ProcessEnv): CompressedCalendar => ({
  startMs: Number(env.FAULT_CLOCK_START_MS),
  calendarStart: env.FAULT_CLOCK_CALENDAR_START ?? '',
  dayMs: Number(env.FAULT_CLOCK_DAY_MS),
});

export const calendarToEnv = (c: CompressedCalendar): Record<string, string> => ({
  FAULT_CLOCK_START_MS: String(c.startMs),
  FAULT_CLOCK_CALENDAR_START: c.calendarStart,
  FAULT_CLOCK_DAY_MS: String(c.dayMs),
});
