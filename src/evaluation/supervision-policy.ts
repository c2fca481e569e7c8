/**
 * The supervision half of the policy (evaluation, graded supervision, review, early warning, measures,
 * objection handling). Policy version 1 predates these fields, so each is optional in the stored document
 * and `supervisionPolicy()` fills what a version lacks from the defaults below. Migration 1764100000002
 * publishes them as a new policy version; change figures by publishing another version, never here.
 */
import type { Grade, PolicyDocument } from '../policies/policy.types';
import { GRADE_RULES, worse } from './grading-rules';

export type Severity = 'minor' | 'general' | 'serious';
export type ReviewOutcome = 'pass' | 'warn' | 'block';
export type ReviewPurpose = 'licence' | 'award';
export type MatterType = 'approval' | 'public_service' | 'inspection' | 'subsidy' | 'award';

export interface EvaluationPolicy {
  base: number;
  /** Points off per record kind and severity while the record is in publication; determinations use the catalogue item's deduction first. */
  deductions: Record<'determination' | 'penalty' | 'interview' | 'joint_sanction', Record<Severity, number>>;
  honourBonus: number;
  keptCommitmentBonus: number;
  /** A commitment the bureau verified as kept counts for this many months from the day it was verified. */
  keptCommitmentMonths: number;
  /** Bonuses offset deductions but never lift an institution above `base`. */
  maxBonus: number;
}

export interface GradeSupervision {
  /** Share of the institutions of this grade drawn into a plan (0–1). */
  ratio: number;
  /** Most inspections per calendar year; null means no cap. */
  maxPerYear: number | null;
}

export interface ReviewRules {
  bySeverity: Record<Severity, ReviewOutcome>;
  ban: ReviewOutcome;
  openRectification: ReviewOutcome;
  byGrade: Partial<Record<Grade, ReviewOutcome>>;
}

export interface MeasureRule {
  code: string;
  matterType: MatterType;
  kind: 'incentive' | 'constraint';
  title: string;
  /** The measure applies to institutions of these grades … */
  grades?: Grade[];
  /** … or with a record of one of these kinds in publication (e.g. joint_sanction). */
  recordKinds?: string[];
}

export interface SupervisionPolicy {
  evaluation: EvaluationPolicy;
  supervision: Record<Grade, GradeSupervision>;
  review: Record<ReviewPurpose, ReviewRules> & { validDays: number };
  earlyWarning: { scoreMargin: number; minorRepeatCount: number; minorRepeatMonths: number; deadlineWorkingDays: number; inboundMonths: number };
  objectionHandling: { acceptWorkingDays: number; answerWorkingDays: number };
  /** 双公示 pending items due within this many working days are listed as due soon. */
  publicationDueSoonWorkingDays: number;
  measures: MeasureRule[];
}

export type SupervisionPolicyDocument = PolicyDocument & Partial<SupervisionPolicy>;

export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  evaluation: {
    base: 1000,
    deductions: {
      determination: { minor: 10, general: 30, serious: 150 },
      penalty: { minor: 5, general: 20, serious: 100 },
      interview: { minor: 5, general: 5, serious: 10 },
      joint_sanction: { minor: 50, general: 50, serious: 50 },
    },
    honourBonus: 10,
    keptCommitmentBonus: 2,
    keptCommitmentMonths: 12,
    maxBonus: 20,
  },
  // brief §4, market-regulation practice: A ≤5 % at most once a year, B 5–20 % once, C 21–60 %, D 61–100 %.
  supervision: {
    A: { ratio: 0.05, maxPerYear: 1 },
    B: { ratio: 0.2, maxPerYear: 1 },
    C: { ratio: 0.6, maxPerYear: 2 },
    D: { ratio: 1, maxPerYear: 4 },
    E: { ratio: 1, maxPerYear: null },
  },
  review: {
    validDays: 30,
    licence: {
      bySeverity: { minor: 'pass', general: 'warn', serious: 'block' },
      ban: 'block',
      openRectification: 'block',
      byGrade: { D: 'warn', E: 'warn' },
    },
    award: {
      bySeverity: { minor: 'warn', general: 'block', serious: 'block' },
      ban: 'block',
      openRectification: 'block',
      // brief §4: D/E are excluded from awards and subsidies
      byGrade: { C: 'warn', D: 'block', E: 'block' },
    },
  },
  earlyWarning: { scoreMargin: 20, minorRepeatCount: 2, minorRepeatMonths: 12, deadlineWorkingDays: 5, inboundMonths: 6 },
  // Guangzhou practice (brief §5): accept within 2 working days, the data provider answers within 10.
  objectionHandling: { acceptWorkingDays: 2, answerWorkingDays: 10 },
  publicationDueSoonWorkingDays: 3,
  measures: [
    { code: 'GREEN-CHANNEL', matterType: 'approval', kind: 'incentive', title: '行政审批绿色通道、容缺受理', grades: ['A'] },
    { code: 'SERVICE-PRIORITY', matterType: 'public_service', kind: 'incentive', title: '公共服务优先办理', grades: ['A', 'B'] },
    { code: 'FEWER-INSPECTIONS', matterType: 'inspection', kind: 'incentive', title: '降低抽查比例和频次', grades: ['A'] },
    { code: 'AWARD-PRIORITY', matterType: 'award', kind: 'incentive', title: '评先评优同等条件下优先', grades: ['A'] },
    { code: 'MORE-INSPECTIONS', matterType: 'inspection', kind: 'constraint', title: '提高抽查比例和频次', grades: ['D', 'E'] },
    { code: 'NO-AWARDS', matterType: 'award', kind: 'constraint', title: '不得参加评先评优', grades: ['D', 'E'], recordKinds: ['joint_sanction'] },
    { code: 'NO-SUBSIDIES', matterType: 'subsidy', kind: 'constraint', title: '限制享受财政奖补资金', grades: ['D', 'E'], recordKinds: ['joint_sanction'] },
    { code: 'STRICT-APPROVAL', matterType: 'approval', kind: 'constraint', title: '审批从严审查，不适用告知承诺制', grades: ['E'], recordKinds: ['joint_sanction'] },
    { code: 'INDUSTRY-BAN', matterType: 'approval', kind: 'constraint', title: '被列入行业禁入的人员不得担任举办者、负责人', recordKinds: ['joint_sanction'] },
  ],
};

/** The supervision rules of a policy version, with defaults for what an older version does not define. */
export function supervisionPolicy(doc: SupervisionPolicyDocument): SupervisionPolicy & { grades: PolicyDocument['grades'] } {
  return {
    evaluation: doc.evaluation ?? DEFAULT_SUPERVISION.evaluation,
    supervision: doc.supervision ?? DEFAULT_SUPERVISION.supervision,
    review: doc.review ?? DEFAULT_SUPERVISION.review,
    earlyWarning: doc.earlyWarning ?? DEFAULT_SUPERVISION.earlyWarning,
    objectionHandling: doc.objectionHandling ?? DEFAULT_SUPERVISION.objectionHandling,
    publicationDueSoonWorkingDays: doc.publicationDueSoonWorkingDays ?? DEFAULT_SUPERVISION.publicationDueSoonWorkingDays,
    measures: doc.measures ?? DEFAULT_SUPERVISION.measures,
    grades: doc.grades,
  };
}

/** The grade a score earns under these bands (listed from A down). */
export function gradeFor(score: number, bands: PolicyDocument['grades']): Grade {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => score >= b.min) ?? sorted[sorted.length - 1]).grade;
}

/** The grade of an institution never evaluated: it has no records, so full marks held down by NO_RECORDS. */
export function gradeWithoutRecords(policy: { evaluation: EvaluationPolicy; grades: PolicyDocument['grades'] }): Grade {
  return worse(gradeFor(policy.evaluation.base, policy.grades), GRADE_RULES.NO_RECORDS.ceiling);
}
