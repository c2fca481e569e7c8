/**
 * The figures the brief marks as defaults, gathered in one versioned, admin-editable document.
 * Units: plain numbers are working days; `…CalendarDays` are calendar days; `…Months` are months.
 * Type-only for workflows: a workflow may `import type` this, never the constant.
 */
import type { CasePolicy, Severity } from '../../workflows/contracts';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

export interface PublicityWindow {
  /** After this many months from the decision the institution may apply for repair. */
  minMonths: number;
  /** At this many months the record leaves publication, repaired or not. */
  maxMonths: number;
}

/**
 * Amounts (in yuan) that move a penalty between classes (src/publicity/classification.ts). No binding source fixes
 * them: defaults of the policy, which an admin may change by publishing a new version.
 */
export interface ClassificationThresholds {
  /** A fine up to and including this is 轻微 (the default is 行政处罚法 art. 51's cap for organisations, 3,000 yuan). */
  minorFineMaxYuan: number;
  /** A fine of at least this is 严重 (a "very large" fine). */
  seriousFineMinYuan: number;
  /** Confiscated illegal income of at least this is 严重. */
  seriousConfiscationMinYuan: number;
}

export interface GradeBand {
  grade: Grade;
  /** Lowest score (of 1000) that still earns this grade; bands are listed from A down to E. */
  min: number;
}

/** The case figures the workflow waits by (`CasePolicy`, the workflow's contract) and the rest of the policy. */
export interface PolicyDocument extends CasePolicy {
  publicationDays: number;
  rectificationCalendarDays: number;
  publicity: Record<Severity, PublicityWindow>;
  grades: GradeBand[];
  /** Absent before migration 1765400000000; `classificationThresholds()` fills a missing one from the defaults. */
  classification?: ClassificationThresholds;
}

/**
 * Policy version 1. Migration 1764000000001 inserts exactly this, so changing it changes what a fresh
 * database gets: publish new figures as a new policy version instead of editing these.
 */
export const DEFAULT_POLICY: PolicyDocument = {
  investigationDays: 10,
  approvalDays: 5,
  objectionDays: 5,
  // Guangzhou practice: the data provider answers an objection within 10 working days.
  objectionReviewDays: 10,
  // 双公示: licences and penalties are published within 7 working days of the decision.
  publicationDays: 7,
  rectificationCalendarDays: 30,
  rectificationReviewDays: 10,
  interviewScheduleDays: 5,
  interviewRecordDays: 10,
  reminderInterviewDays: 10,
  warningInterviewDays: 10,
  repairAcceptanceDays: 3,
  repairDecisionDays: 10,
  reminderBeforeDueDays: 1,
  // 国家发展改革委令第36号《信用修复管理办法》 and 国办发〔2025〕22号: the same three tiers.
  publicity: {
    minor: { minMonths: 0, maxMonths: 3 },
    general: { minMonths: 3, maxMonths: 12 },
    serious: { minMonths: 12, maxMonths: 36 },
  },
  // A and E follow Tianjin's off-campus training scheme (A 980–1000, E below 800); B–D are local policy.
  grades: [
    { grade: 'A', min: 980 },
    { grade: 'B', min: 900 },
    { grade: 'C', min: 850 },
    { grade: 'D', min: 800 },
    { grade: 'E', min: 0 },
  ],
};
