import { DomainException } from '../common/errors/domain.exception';
import type { PolicyDocument } from './policy.types';

/** Working- or calendar-day figures an admin may change, with the bounds a sane policy stays within. */
const DAY_FIGURES: Partial<Record<keyof PolicyDocument, [number, number, string]>> = {
  investigationDays: [1, 60, '调查期限'], approvalDays: [1, 30, '审核期限'], objectionDays: [1, 30, '异议期'],
  objectionReviewDays: [1, 60, '异议处理期限'], publicationDays: [1, 30, '公示期限'], rectificationCalendarDays: [1, 365, '整改期限'],
  rectificationReviewDays: [1, 60, '整改核查期限'], interviewScheduleDays: [1, 30, '约谈安排期限'], interviewRecordDays: [1, 30, '约谈记录期限'],
  reminderInterviewDays: [1, 60, '提示性约谈后整改期限'], warningInterviewDays: [1, 60, '警示性约谈后整改期限'],
  repairAcceptanceDays: [1, 30, '修复受理期限'], repairDecisionDays: [1, 60, '修复决定期限'], reminderBeforeDueDays: [0, 10, '到期提醒提前天数'],
};

type FieldError = { field: string; message: string };

/** Checks a whole policy document; every problem is named, so an admin can fix them in one go. */
export function validatePolicy(doc: PolicyDocument): void {
  const errors: FieldError[] = [];
  for (const [key, [min, max, label]] of Object.entries(DAY_FIGURES) as [keyof PolicyDocument, [number, number, string]][]) {
    const v = doc[key];
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) errors.push({ field: key, message: `${label}应为 ${min}–${max} 之间的整数` });
  }
  for (const severity of ['minor', 'general', 'serious'] as const) {
    const w = doc.publicity?.[severity];
    if (!w || !Number.isInteger(w.minMonths) || !Number.isInteger(w.maxMonths) || w.minMonths < 0 || w.maxMonths < w.minMonths || w.maxMonths > 60) {
      errors.push({ field: `publicity.${severity}`, message: '公示期应为整数月，且最短期限不超过最长期限（最长 60 个月）' });
    }
  }
  const bands = doc.grades ?? [];
  const descending = bands.every((b, i) => i === 0 || b.min < bands[i - 1].min);
  if (bands.length !== 5 || !descending || bands[bands.length - 1]?.min !== 0) {
    errors.push({ field: 'grades', message: '信用等级须为 A–E 五档，分数下限由高到低，E 档下限为 0' });
  }
  if (errors.length) throw new DomainException('POLICY_INVALID', errors[0].message, 400, { fields: errors });
}
