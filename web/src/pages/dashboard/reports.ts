import { get } from '../../api/client';
import { beijingToday, formatDate } from '../../lib/dates';
import type {
  AccountabilityReport, GradeDistribution, OfficeAccountability, OverdueRectifications, PublicityOverdueReport, ReviewCoverage,
} from '../../api/types';

export type { GradeDistribution, OverdueRectifications };
export type LeagueRow = OfficeAccountability;
export type CoverageRow = ReviewCoverage['rows'][number];
export type PublicityOverdue = PublicityOverdueReport;

export interface Period {
  from: string;
  to: string;
}

export const reports = {
  league: (p: Period) => get<AccountabilityReport>('/accountability', { ...p }),
  coverage: (p: Period) => get<ReviewCoverage>('/credit-review/coverage', { ...p }),
  publicity: () => get<PublicityOverdueReport>('/publicity/overdue'),
  rectifications: () => get<OverdueRectifications>('/reports/overdue-rectifications'),
  grades: () => get<GradeDistribution>('/reports/grade-distribution'),
};

/** An exported sheet's heading for a dashboard table: its title and the period chosen above the dashboard. */
export const periodHeading = (title: string, p?: Period) => ({ title, period: p ? `${formatDate(p.from)} 至 ${formatDate(p.to)}` : `截至 ${formatDate(beijingToday())}` });

export const AGE_BUCKETS = [
  { key: '1–5', min: 1, max: 5 },
  { key: '6–10', min: 6, max: 10 },
  { key: '11–20', min: 11, max: 20 },
  { key: '20 以上', min: 21, max: Infinity },
];

/** office → counts per age bucket, for the stacked bar. */
export function bucketByOffice(items: OverdueRectifications['items']) {
  const offices = [...new Set(items.map((i) => i.officeCode ?? '未指定'))].sort();
  const series = AGE_BUCKETS.map((b) => ({
    name: `逾期 ${b.key} 个工作日`,
    data: offices.map((o) => items.filter((i) => (i.officeCode ?? '未指定') === o && i.overdueWorkingDays >= b.min && i.overdueWorkingDays <= b.max).length),
  }));
  return { offices, series };
}
