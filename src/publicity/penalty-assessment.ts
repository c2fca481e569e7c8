import { toDayNumber } from '../calendar/iso-date';
import { shanghaiToday } from '../credit-file/credit-status';
import type { PolicyDocument } from '../policies/policy.types';
import { classificationThresholds, Classification, classifyPenalty, settleClass } from './classification';
import type { PenaltyDecisionDto, PenaltyPreviewDto } from './dto/penalty-decision.dto';
import { PublicityPeriods, publicityPeriods } from './publicity-periods';
import { checkPublicText, PublicTextFinding } from './public-text-guard';
import { validationFailed } from '../common/errors/common.errors';

export interface PenaltyAssessment {
  classification: Classification;
  periods: PublicityPeriods;
  /** Kept only for a minor record: the officer's reason why publishing it is necessary. */
  minorPublicationReason: string | null;
  /** The public text (公示文本) to be signed off: the decision's wording, with the parts `publicText` rewords. */
  publicText: Record<string, string>;
  /** Where each text field came from in the request, so the guard's marks land on the input the clerk typed. */
  fieldOf: Record<string, string>;
}

type Input = PenaltyPreviewDto | PenaltyDecisionDto;

/**
 * Class, periods and public text of a penalty, before anything is stored: registration stores exactly this, and the
 * console's preview shows it while the clerk types. Pure but for today's date: the policy is the caller's. A decision
 * dated after today is refused here, before any period is counted from it.
 */
export function assessPenalty(dto: Input, policy: PolicyDocument, today = shanghaiToday()): PenaltyAssessment {
  toDayNumber(dto.decisionDate);
  if (dto.decisionDate > today) {
    throw validationFailed('处罚决定日期不能晚于今天', { fields: [{ field: 'decisionDate', message: '处罚决定日期不能晚于今天' }] });
  }
  const rule = classifyPenalty({
    procedure: dto.procedure, categories: dto.penaltyCategory, fineAmount: dto.fineAmount, confiscatedAmount: dto.confiscatedAmount,
    naturalPerson: dto.subjectCategory === '自然人',
  }, classificationThresholds(policy));
  const classification = settleClass(rule, { to: dto.raiseClassTo, reason: dto.raiseReason });
  const reason = classification.class === 'minor' ? dto.minorPublicationReason?.trim() || null : null;
  const periods = publicityPeriods(classification.class, dto.decisionDate, policy.publicity, { minorPublicationReason: reason });
  const own = {
    title: dto.decisionNo ? `行政处罚决定（${dto.decisionNo}）` : undefined,
    violationType: dto.violationType, facts: dto.facts, basis: dto.basis, content: dto.content,
  };
  return { classification, periods, minorPublicationReason: reason, ...reword(own, { ...dto.publicText }, 'decisionNo') };
}

/**
 * A public text from a decision's own wording with the parts the officer reworded; `fieldOf` names the request field
 * each part came from (the title from `titleFrom`), so the guard's marks land on what the clerk typed.
 */
export function reword(
  own: Record<string, string | undefined>, reworded: Record<string, string | undefined> | undefined, titleFrom: string,
): Pick<PenaltyAssessment, 'publicText' | 'fieldOf'> {
  const publicText: Record<string, string> = {};
  const fieldOf: Record<string, string> = {};
  for (const [key, value] of Object.entries(own)) {
    const changed = reworded?.[key]?.trim() ? reworded[key]! : null;
    const text = changed ?? value;
    if (!text?.trim()) continue;
    publicText[key] = text;
    fieldOf[key] = changed ? `publicText.${key}` : key === 'title' ? titleFrom : key;
  }
  return { publicText, fieldOf };
}

/** The guard's findings on an assessment's public text, each under the request field it came from. */
export function publicTextFindings(a: Pick<PenaltyAssessment, 'publicText' | 'fieldOf'>, names: readonly string[]): PublicTextFinding[] {
  return checkPublicText(a.publicText, names).map((f) => ({ ...f, field: a.fieldOf[f.field] ?? f.field }));
}

/** The sentence the console shows under the class before saving. */
export function periodsNotice(p: PublicityPeriods): string {
  return p.publish ? `公示至 ${p.publicityUntil}（含当日），${p.repairableFrom} 起可申请信用修复` : '不予公示（轻微失信）：记录并报送市级平台，履行义务后可申请信用修复';
}
