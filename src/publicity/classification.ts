import { DomainException } from '../common/errors/domain.exception';
import type { ClassificationThresholds, PolicyDocument } from '../policies/policy.types';
import type { Severity } from '../../workflows/contracts';
import { CommonErrorCode } from '../common/errors/common.errors';
import { PublicityErrorCode } from './publicity.errors';

/**
 * Which penalties are 轻微, 一般 and 严重 (docs/credit-classification.md). The rule is the floor: an officer may
 * raise a record's class with a reason, never lower it below what the rule gives.
 */

// 教育部令第53号《校外培训行政处罚暂行办法》 art. 5 lists these kinds of penalty; 其他 covers a law's own kinds.
export const PENALTY_CATEGORIES = [
  '警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '责令停止招收学员', '责令停止举办', '吊销许可证件', '限制从业', '其他',
] as const;
export type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];
export type Procedure = 'simple' | 'general';

export const CLASS_RANK: Record<Severity, number> = { minor: 1, general: 2, serious: 3 };
export const CLASS_LABELS: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' };

/**
 * Kinds of penalty whose class does not depend on an amount. 36号令 and its published explanations: 警告/通报批评
 * are 轻微; 没收 is 一般; 吊销许可证件, 责令停止举办 and 限制从业 are 严重. 责令停止招收学员 restricts the institution's
 * activity for a time without ending it, so it is 一般; 其他 is 一般 until an officer raises it.
 */
const CATEGORY_CLASS: Record<Exclude<PenaltyCategory, '罚款'>, Severity> = {
  警告: 'minor', 通报批评: 'minor', 没收违法所得: 'general', 没收非法财物: 'general', 责令停止招收学员: 'general',
  责令停止举办: 'serious', 吊销许可证件: 'serious', 限制从业: 'serious', 其他: 'general',
};

/** No binding source fixes these amounts: shipped as the policy's defaults (brief: "default" figures). */
export const DEFAULT_CLASSIFICATION: ClassificationThresholds = {
  minorFineMaxYuan: 3_000,
  seriousFineMinYuan: 100_000,
  seriousConfiscationMinYuan: 100_000,
};

export const classificationThresholds = (doc: PolicyDocument): ClassificationThresholds =>
  ({ ...DEFAULT_CLASSIFICATION, ...(doc.classification ?? {}) });

// 行政处罚法 art. 51: on the spot (简易程序) only 警告 or a fine of at most 200 yuan for a citizen, 3,000 for an organisation;
// 通报批评 (added to art. 9 in 2021) is not among them, so it takes the general procedure.
const SIMPLE_FINE_CAP_YUAN = { person: 200, organisation: 3_000 };
const SIMPLE_CATEGORIES: PenaltyCategory[] = ['警告', '罚款'];

export interface PenaltyFacts {
  procedure: Procedure;
  categories: readonly string[];
  /** 万元, as the 双公示 field set has it. */
  fineAmount?: number | null;
  confiscatedAmount?: number | null;
  /** The subject is a natural person (行政相对人类别 自然人): the simplified procedure's cap is lower. */
  naturalPerson?: boolean;
}

export interface Classification {
  class: Severity;
  /** What the rule alone gives: the floor an officer cannot go below. */
  ruleClass: Severity;
  raised: boolean;
  /** Each reason in Chinese, the rule's first, then the officer's if the class was raised. */
  reasons: string[];
}

/** 万元 with up to six decimals → whole fen, so thresholds compare exactly. */
const fen = (wan: number) => Math.round(wan * 1_000_000);
const yuanText = (wan: number) => `${(fen(wan) / 100).toLocaleString('zh-CN')} 元`;

const refuse = (code: string, field: string, message: string) =>
  new DomainException(code, message, 400, { fields: [{ field, message }] });

/** The rule's class with one reason per fact that set or confirmed it. */
export function classifyPenalty(f: PenaltyFacts, t: ClassificationThresholds): { class: Severity; reasons: string[] } {
  if (f.procedure === 'simple') {
    assertSimpleProcedure(f);
    return { class: 'minor', reasons: ['简易程序（当场）作出的行政处罚：轻微（国家发展改革委令第36号）'] };
  }
  const found: [Severity, string][] = [];
  for (const category of new Set(f.categories)) {
    if (category === '罚款') found.push(fineClass(f.fineAmount ?? 0, t));
    else if (category === '没收违法所得' && f.confiscatedAmount != null && fen(f.confiscatedAmount) >= t.seriousConfiscationMinYuan * 100) {
      found.push(['serious', `没收违法所得 ${yuanText(f.confiscatedAmount)}，达到 ${t.seriousConfiscationMinYuan.toLocaleString('zh-CN')} 元：严重`]);
    } else if (category in CATEGORY_CLASS) {
      const c = CATEGORY_CLASS[category as keyof typeof CATEGORY_CLASS];
      found.push([c, `${category}：${CLASS_LABELS[c]}`]);
    }
  }
  if (!found.length) throw refuse(CommonErrorCode.VALIDATION_FAILED, 'penaltyCategory', '缺少必填字段：处罚类别（penaltyCategory）');
  const top = found.reduce((a, [c]) => (CLASS_RANK[c] > CLASS_RANK[a] ? c : a), 'minor' as Severity);
  return { class: top, reasons: found.map(([, reason]) => reason) };
}

function fineClass(wan: number, t: ClassificationThresholds): [Severity, string] {
  const amount = fen(wan);
  if (amount >= t.seriousFineMinYuan * 100) return ['serious', `罚款 ${yuanText(wan)}，达到 ${t.seriousFineMinYuan.toLocaleString('zh-CN')} 元：严重`];
  if (amount > t.minorFineMaxYuan * 100) return ['general', `罚款 ${yuanText(wan)}，超过 ${t.minorFineMaxYuan.toLocaleString('zh-CN')} 元：一般`];
  return ['minor', `罚款 ${yuanText(wan)}，不超过 ${t.minorFineMaxYuan.toLocaleString('zh-CN')} 元：轻微`];
}

/** A penalty the simplified procedure cannot impose is a mistake in the form, not a class. */
function assertSimpleProcedure(f: PenaltyFacts): void {
  const other = f.categories.filter((c) => !SIMPLE_CATEGORIES.includes(c as PenaltyCategory));
  if (other.length) {
    throw refuse(PublicityErrorCode.PROCEDURE_INCONSISTENT, 'procedure', `简易程序只能作出警告或小额罚款，不能作出：${other.join('、')}（行政处罚法第五十一条）`);
  }
  const cap = f.naturalPerson ? SIMPLE_FINE_CAP_YUAN.person : SIMPLE_FINE_CAP_YUAN.organisation;
  if (f.categories.includes('罚款') && fen(f.fineAmount ?? 0) > cap * 100) {
    throw refuse(PublicityErrorCode.PROCEDURE_INCONSISTENT, 'fineAmount', `简易程序的罚款不能超过 ${cap} 元（行政处罚法第五十一条），请选择一般程序`);
  }
}

/**
 * The rule's class, or a higher one the officer chose with a reason. Lower than the rule is refused: the rule is
 * what 36号令 requires, and a lower class would publish for less time than it requires (or not at all).
 */
export function settleClass(rule: { class: Severity; reasons: string[] }, raise?: { to?: Severity | null; reason?: string | null }): Classification {
  const to = raise?.to ?? null;
  if (!to || to === rule.class) return { class: rule.class, ruleClass: rule.class, raised: false, reasons: rule.reasons };
  if (CLASS_RANK[to] < CLASS_RANK[rule.class]) {
    throw refuse(PublicityErrorCode.CLASS_BELOW_RULE, 'raiseClassTo',
      `按分类标准该处罚为${CLASS_LABELS[rule.class]}失信，不能降为${CLASS_LABELS[to]}；只能提高并说明理由`);
  }
  const reason = raise?.reason?.trim();
  if (!reason) throw refuse(CommonErrorCode.VALIDATION_FAILED, 'raiseReason', `提高为${CLASS_LABELS[to]}失信须说明理由（raiseReason）`);
  return { class: to, ruleClass: rule.class, raised: true, reasons: [...rule.reasons, `经办人提高为${CLASS_LABELS[to]}：${reason}`] };
}
