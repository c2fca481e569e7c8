import { DomainException } from '../common/errors/domain.exception';
import { validationFailed } from '../common/errors/common.errors';
import { CalendarErrorCode } from './calendar.errors';

/**
 * Calendar dates as whole days since 1970-01-01, computed in UTC so that neither the server's time zone
 * nor daylight saving can move a date: '2026-02-14' is the same day on every machine.
 */
const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toDayNumber(iso: string): number {
  const m = typeof iso === 'string' ? SHAPE.exec(iso) : null;
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || fromDayNumber(ms / DAY_MS) !== iso) {
    throw new DomainException(CalendarErrorCode.DATE_INVALID, `日期“${String(iso)}”无效，应为 YYYY-MM-DD 格式的真实日期`, 400);
  }
  return ms / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/**
 * The last day of a period of `months` months from `iso` (民法典 art. 201–202): the day of `iso` itself is not counted,
 * and the period ends on the corresponding day of the last month — the same day of the month as `iso` — or on that
 * month's last day when it has no such day. Nothing is moved off week-ends or holidays here: publicity periods do not
 * move (brief §7). 2026-01-31 + 1 → 2026-02-28; 2024-02-29 + 12 → 2025-02-28; 2026-04-30 + 1 → 2026-05-30.
 */
export function addMonths(iso: string, months: number): string {
  toDayNumber(iso);
  if (!Number.isInteger(months)) throw validationFailed(`月数“${String(months)}”应为整数`);
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The calendar day after `iso` (what opens the day after a period ends). */
export function nextDay(iso: string): string {
  return fromDayNumber(toDayNumber(iso) + 1);
}
