import { getLunarDate } from 'chinese-days';
import { fromDayNumber, toDayNumber } from './iso-date';

export interface NamedDay {
  date: string;
  name: string;
}

/**
 * The days off that 《全国年节及纪念日放假办法》 (as amended with effect from 2025) fixes for every year: 元旦 1, 春节 4
 * (除夕 and 正月初一至初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The State Council's yearly notice adds the
 * bridging days and the weekends worked in exchange (调休), which no rule predicts: this is the skeleton an
 * administrator starts from, never a published calendar by itself.
 */
export function statutoryHolidays(year: number): NamedDay[] {
  const springFestival = toDayNumber(lunarDay(year, 1, 1, `${year}-01-15`));
  const days: NamedDay[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((d) => ({ date: fromDayNumber(springFestival + d), name: '春节' })),
    { date: qingming(year), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunarDay(year, 5, 5, `${year}-05-20`), name: '端午节' },
    { date: lunarDay(year, 8, 15, `${year}-09-01`), name: '中秋节' },
    ...['10-01', '10-02', '10-03'].map((md) => ({ date: `${year}-${md}`, name: '国庆节' })),
  ];
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/*
 * chinese-days' lunar→solar conversion and its solar-term dates read the server's local time zone (a day off west of
 * Greenwich), while its solar→lunar conversion of a 'YYYY-MM-DD' string does not: so search forward from a date
 * before the festival (each festival falls within 40 days of the given start) with the safe direction.
 */
function lunarDay(year: number, month: number, day: number, searchFrom: string): string {
  const start = toDayNumber(searchFrom);
  for (let d = start; d < start + 45; d++) {
    const iso = fromDayNumber(d);
    const lunar = getLunarDate(iso);
    if (lunar.lunarMon === month && lunar.lunarDay === day && !lunar.isLeap) return iso;
  }
  throw new Error(`lunar ${month}/${day} not found after ${searchFrom}`);
}

/** 清明 by the standard 21st-century formula (寿星通用公式, C = 4.81), exact for 2000–2099 (no listed exceptions). */
function qingming(year: number): string {
  if (year < 2000 || year > 2099) throw new RangeError(`清明 formula covers 2000–2099, not ${year}`);
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}
