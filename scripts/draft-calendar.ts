import type { CalendarService } from '../src/calendar/calendar.service';
import { statutoryHolidays } from '../src/calendar/statutory-holidays';

export const DRAFT_BASIS = '测试/演示环境：按《全国年节及纪念日放假办法》推算的法定假日，不含调休，非国务院通知';

/**
 * Test, demo and bench environments only: publishes each of `years` the calendar lacks as its statutory holidays,
 * so a deadline that crosses into a year the State Council has not announced yet can still be computed. Production
 * enters the State Council's notice through PUT /api/calendar/years/:year instead. Answers the years published.
 */
export async function publishDraftYears(calendar: CalendarService, years: number[]): Promise<number[]> {
  if (process.env.NODE_ENV === 'production') throw new Error('a draft calendar is never published in production');
  const known = new Set(await calendar.knownYears());
  const missing = years.filter((y) => !known.has(y));
  for (const y of missing) await calendar.publishYear(y, { holidays: oncePerDate(statutoryHolidays(y)), workdays: [], basis: DRAFT_BASIS }, null);
  return missing;
}

/** Two festivals may fall on one date (中秋节 on 2028-10-03, inside 国庆节): one day off, both names. */
function oncePerDate(days: { date: string; name: string }[]): { date: string; name: string }[] {
  const byDate = new Map<string, string>();
  for (const d of days) byDate.set(d.date, byDate.has(d.date) ? `${byDate.get(d.date)}、${d.name}` : d.name);
  return [...byDate].map(([date, name]) => ({ date, name }));
}
