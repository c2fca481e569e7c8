import type { Granularity } from './dto/statistics.dto';

export interface Period {
  label: string;
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/**
 * The calendar periods (Beijing days) from the one holding `from` to the one holding `to`: months, quarters or years.
 * Pure date arithmetic on YYYY-MM-DD strings, no clock; at most 120 periods, so a request cannot ask for a century of months.
 */
export function periodsBetween(granularity: Granularity, from: string, to: string): Period[] {
  const step = MONTHS[granularity];
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  let y = fy;
  let m = Math.floor((fm - 1) / step) * step + 1;
  const out: Period[] = [];
  while (y < ty || (y === ty && m <= tm)) {
    const endMonth = m + step - 1;
    const label = granularity === 'year' ? `${y}年` : granularity === 'quarter' ? `${y}年第${(m + 2) / 3}季度` : `${y}年${m}月`;
    out.push({ label, from: iso(y, m, 1), to: iso(y, endMonth, lastDay(y, endMonth)) });
    if (out.length > 120) return out;
    m += step;
    if (m > 12) { m -= 12; y += 1; }
  }
  return out;
}

export const REPORT_PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
const REPORT_MONTHS: Record<ReportPeriod, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The periods a report to the credit offices covers: the n-th month, quarter or half of a year, or the year; null when n is out of range. */
export function reportPeriod(kind: ReportPeriod, year: number, n: number): Period | null {
  const step = REPORT_MONTHS[kind];
  if (!Number.isInteger(n) || n < 1 || n > 12 / step) return null;
  const first = (n - 1) * step + 1;
  const last = first + step - 1;
  const label = { month: `${year}年${n}月`, quarter: `${year}年第${n}季度`, half: `${year}年${n === 1 ? '上' : '下'}半年`, year: `${year}年度` }[kind];
  return { label, from: iso(year, first, 1), to: iso(year, last, lastDay(year, last)) };
}

/**
 * The columns of the periodic report: the period, the same period a year earlier, and the year to the period's end
 * (left out for a whole year, where it is the period itself).
 */
export function reportColumns(kind: ReportPeriod, year: number, n: number): Period[] | null {
  const current = reportPeriod(kind, year, n);
  const before = reportPeriod(kind, year - 1, n);
  if (!current || !before) return null;
  const columns = [{ ...current, label: '本期' }, { ...before, label: '上年同期' }];
  return kind === 'year' ? columns : [...columns, { label: '本年累计', from: iso(year, 1, 1), to: current.to }];
}
