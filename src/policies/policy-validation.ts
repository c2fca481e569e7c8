import type { PolicyDocument } from './policy.types';
import { policyInvalid } from './policy.errors';

/** Working- or calendar-day figures an admin may change, with the bounds a sane policy stays within. */
const DAY_FIGURES: Partial<Record<keyof PolicyDocument, [number, number, string]>> = {
  investigationDays: [1, 60, '调查期限'], approvalDays: [1, 30, '审核期限'], objectionDays: [1, 30, '异议期'],
  objectionReviewDays: [1, 60, '异议处理期限'], publicationDays: [1, 30, '公示期限'], rectificationCalendarDays: [1, 365, '整改期限'],
  rectificationReviewDays: [1, 60, '整改核查期限'], interviewScheduleDays: [1, 30, '约谈安排期限'], interviewRecordDays: [1, 30, '约谈记录期限'],
  reminderInterviewDays: [1, 60, '提示性约谈后整改期限'], warningInterviewDays: [1, 60, '警示性约谈后整改期限'],
  repairAcceptanceDays: [1, 30, '修复受理期限'], repairDecisionDays: [1, 60, '修复决定期限'], reminderBeforeDueDays: [0, 10, '到期提醒提前天数'],
};

type FieldError = { field: string; message: string };

/**
 * 国家发展改革委令第36号《信用修复管理办法》 (in force 2026-04-01; the same tiers in 国办发〔2025〕22号): 轻微 is not
 * published, or at most 3 months; 一般 at least 3 months and at most 1 year; 严重 at least 1 year and at most 3 years.
 * The minimum is when the institution may first apply for repair, a right the order fixes, so a policy cannot move it;
 * the maximum is a ceiling a policy may stay under but never exceed.
 */
export const PUBLICITY_BOUNDS: Record<'minor' | 'general' | 'serious', { minMonths: number; maxCeiling: number; label: string }> = {
  minor: { minMonths: 0, maxCeiling: 3, label: '轻微' },
  general: { minMonths: 3, maxCeiling: 12, label: '一般' },
  serious: { minMonths: 12, maxCeiling: 36, label: '严重' },
};

function publicityErrors(doc: PolicyDocument): FieldError[] {
  return (Object.entries(PUBLICITY_BOUNDS) as [keyof typeof PUBLICITY_BOUNDS, (typeof PUBLICITY_BOUNDS)['minor']][]).flatMap(([severity, b]) => {
    const w = doc.publicity?.[severity];
    const field = `publicity.${severity}`;
    if (!w || !Number.isInteger(w.minMonths) || !Number.isInteger(w.maxMonths)) return [{ field, message: `${b.label}失信的公示期应为整数月` }];
    const errors: FieldError[] = [];
    if (w.minMonths !== b.minMonths) {
      errors.push({ field: `${field}.minMonths`, message: `${b.label}失信的最短公示期为 ${b.minMonths} 个月（国家发展改革委令第36号），不能改动` });
    }
    if (w.maxMonths < b.minMonths || w.maxMonths > b.maxCeiling) {
      errors.push({ field: `${field}.maxMonths`, message: `${b.label}失信的最长公示期应为 ${b.minMonths}–${b.maxCeiling} 个月（国家发展改革委令第36号）` });
    }
    return errors;
  });
}

/** Thresholds are optional in older versions; when present they must be whole yuan and in order. */
function classificationErrors(doc: PolicyDocument): FieldError[] {
  const c = doc.classification;
  if (c === undefined) return [];
  const whole = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1e10;
  if (!c || ![c.minorFineMaxYuan, c.seriousFineMinYuan, c.seriousConfiscationMinYuan].every(whole)) {
    return [{ field: 'classification', message: '分类标准的金额应为 0–10000000000 之间的整数（元）' }];
  }
  return c.seriousFineMinYuan > c.minorFineMaxYuan ? []
    : [{ field: 'classification.seriousFineMinYuan', message: '严重失信的罚款下限应高于轻微失信的罚款上限' }];
}

/** Checks a whole policy document; every problem is named, so an admin can fix them in one go. */
export function validatePolicy(doc: PolicyDocument): void {
  const errors: FieldError[] = [];
  for (const [key, [min, max, label]] of Object.entries(DAY_FIGURES) as [keyof PolicyDocument, [number, number, string]][]) {
    const v = doc[key];
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) errors.push({ field: key, message: `${label}应为 ${min}–${max} 之间的整数` });
  }
  errors.push(...publicityErrors(doc), ...classificationErrors(doc));
  const bands = doc.grades ?? [];
  const descending = bands.every((b, i) => i === 0 || b.min < bands[i - 1].min);
  if (bands.length !== 5 || !descending || bands[bands.length - 1]?.min !== 0) {
    errors.push({ field: 'grades', message: '信用等级须为 A–E 五档，分数下限由高到低，E 档下限为 0' });
  }
  if (errors.length) throw policyInvalid(errors);
}
