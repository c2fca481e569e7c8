import { DomainException } from '../common/errors/domain.exception';
import { CalendarErrorCode } from './calendar.errors';
import { toDayNumber, weekday } from './iso-date';
import type { NamedDay } from './statutory-holidays';

/** A year's schedule as the State Council's notice gives it: days off, weekends worked (调休), and the notice. */
export interface YearSchedule {
  holidays: NamedDay[];
  workdays: NamedDay[];
  basis: string;
}

/** Refuses a schedule with a day outside its year, a day twice, a weekday as 调休 or no holidays (400, in Chinese). */
export function checkSchedule(year: number, { holidays, workdays }: YearSchedule): void {
  const seen = new Set<string>();
  for (const d of [...holidays, ...workdays]) {
    const day = toDayNumber(d.date);
    if (!d.date.startsWith(`${year}-`)) throw new DomainException(CalendarErrorCode.CALENDAR_DATE_OUTSIDE_YEAR, `${d.date} 不在 ${year} 年内`, 400);
    if (seen.has(d.date)) throw new DomainException(CalendarErrorCode.CALENDAR_DATE_REPEATED, `${d.date} 重复出现`, 400);
    seen.add(d.date);
    const wd = weekday(day);
    if (workdays.includes(d) && wd >= 1 && wd <= 5) {
      throw new DomainException(CalendarErrorCode.CALENDAR_WORKDAY_NOT_WEEKEND, `${d.date} 本来就是工作日，调休上班日应为周六或周日`, 400);
    }
  }
  if (!holidays.length) throw new DomainException(CalendarErrorCode.CALENDAR_HOLIDAYS_EMPTY, '发布年度日历须至少包含法定节假日', 400);
}
