import { get } from '../../api/client';

export interface LeagueRow {
  rank: number;
  officeCode: string;
  officeName: string;
  latePublications: number;
  notShared: number;
  decidedWithoutReview: number;
  overdueTasks: number;
  lateObjections: number;
  total: number;
}

export interface CoverageRow {
  officeCode: string;
  type: string;
  decided: number;
  withReview: number;
  approved: number;
  blocked: number;
  coverage: number;
}

export interface PublicityOverdue {
  asOf: string;
  dueSoonUntil: string;
  byOffice: { officeCode: string | null; late: number; dueSoon: number }[];
  items: { id: string; kind: string; institutionName: string; officeCode: string | null; documentNo: string; decisionDate: string; dueDate: string; state: 'late' | 'due_soon' }[];
}

/** Overdue rectifications by office and by how many working days they are overdue. */
export interface OverdueRectifications {
  asOf: string;
  items: { caseNo: string; uscc: string; institutionName: string; officeCode: string | null; dueDate: string; overdueWorkingDays: number; round?: number }[];
}

export interface GradeDistribution {
  asOf?: string;
  grades: { grade: string; count: number }[];
}

export interface Period {
  from: string;
  to: string;
}

export const reports = {
  league: (p: Period) => get<{ offices: LeagueRow[]; from: string; to: string; generatedOn: string }>('/accountability', { ...p }),
  coverage: (p: Period) => get<{ rows: CoverageRow[] }>('/credit-review/coverage', { ...p }),
  publicity: () => get<PublicityOverdue>('/publicity/overdue'),
  rectifications: () => get<OverdueRectifications>('/reports/overdue-rectifications'),
  grades: () => get<GradeDistribution>('/reports/grade-distribution'),
};

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
