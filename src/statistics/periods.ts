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
