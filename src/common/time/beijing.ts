/**
 * The one place the server turns instants into Beijing calendar dates and back (the console's counterpart is
 * web/src/lib/dates.ts). China keeps UTC+8 all year (no daylight saving since 1991), so the offset is fixed.
 */
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDateOf(instant: Date | number): string {
  return FORMAT.format(instant);
}

/** Today's date where the bureau is; a record's status, a deadline, a birthday turn at midnight Beijing time. */
export function beijingToday(now: Date = new Date()): string {
  return beijingDateOf(now);
}

/** The instant of hh:mm Beijing time on a date; 24:00 is the midnight that ends the day (a deadline). */
export function beijingInstant(date: string, hhmm: string): number {
  return hhmm === '24:00' ? Date.parse(`${date}T00:00:00+08:00`) + 86_400_000 : Date.parse(`${date}T${hhmm}:00+08:00`);
}
