import { addMonths } from '../calendar/iso-date';

/**
 * What a decision does to an institution, as objects with a legal basis, a start, an end and the event that ended
 * them (issue #16). Two types that end differently (brief §3 steps 9–10):
 * - credit measures (失信惩戒措施): publication, sharing, each joint-sanction measure, the grade deduction, exclusion
 *   from awards, a list entry. Repair, withdrawal, annulment or revocation of the record ends them all together
 *   (国家发展改革委令第36号 art. 3);
 * - administrative penalties (a 限制从业 ban, a fine): they survive repair and end at their term or when their own
 *   decision is revoked, changed or annulled (行政处罚法 art. 9; 教育部令第53号 art. 5).
 */
export const EFFECT_TYPES = ['credit-measure', 'penalty'] as const;
export type EffectType = (typeof EFFECT_TYPES)[number];

export const EFFECT_KINDS = [
  'publication', 'sharing', 'joint-sanction-measure', 'grade-deduction', 'award-exclusion', 'list-entry', 'ban', 'fine',
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

export const ENDED_BY = ['repair', 'withdrawal', 'annulment', 'revocation', 'change', 'expiry', 'maximum-period'] as const;
export type EndedBy = (typeof ENDED_BY)[number];

export const EFFECT_KIND_LABELS: Record<EffectKind, string> = {
  publication: '公示', sharing: '共享', 'joint-sanction-measure': '联合惩戒措施', 'grade-deduction': '信用评价扣分',
  'award-exclusion': '限制评先评优及补贴', 'list-entry': '列入严重失信主体名单', ban: '限制从业（行业禁入）', fine: '罚款',
};

const PUBLICATION_BASIS = '国家发展改革委令第36号《信用修复管理办法》：公示期限与信用修复';
const SHARING_BASIS = '国家发展改革委令第36号第三条：修复后停止共享和使用';
const DEDUCTION_BASIS = '民办教育培训机构信用等级评价制度（docs/credit-grading.md）：公示期内扣分';
const AWARD_BASIS = '分级分类监管：严重失信主体不得参加评先评优、不得享受财政补贴（简报第4节）';
const BAN_BASIS = '教育部令第53号《校外培训行政处罚暂行办法》第五条：限制从业（行政处罚，不因信用修复而解除）';
/** 36号令: a serious record is published for at most three years; a joint sanction cannot outlast that. */
export const SERIOUS_MAXIMUM_MONTHS = 36;

export interface NewEffect {
  type: EffectType;
  kind: EffectKind;
  basis: string;
  startsOn: string;
  endsOn: string | null;
  measureId?: string | null;
  measure?: string | null;
  departments?: string[];
  /** Unique per record: opening twice opens once. */
  key: string;
}

/** The record as the rule reads it (a credit record just appended, or one read back by the migration). */
export interface EffectSource {
  id: string;
  kind: string;
  decisionDate: string;
  severity: string | null;
  publicityFrom: string | null;
  publicityUntil: string | null;
  payload: Record<string, unknown>;
}

/**
 * The effects a credit record opens. A joint sanction's measures last their own term (a measure's `until`, else the
 * record's window) capped by `determinationUntil`, the publication end of the determination it rests on (its case),
 * and by the 36号令 maximum for a serious record from the sanction's decision; never the decision date itself nor a
 * ban's end.
 */
export function effectsFor(r: EffectSource, determinationUntil?: string | null): NewEffect[] {
  const out: NewEffect[] = [];
  const until = r.publicityUntil;
  if (r.kind === 'determination' || r.kind === 'penalty') {
    if (r.publicityFrom) {
      out.push({ type: 'credit-measure', kind: 'publication', basis: PUBLICATION_BASIS, startsOn: r.publicityFrom, endsOn: until, key: 'publication' });
    }
    out.push({ type: 'credit-measure', kind: 'sharing', basis: SHARING_BASIS, startsOn: r.decisionDate, endsOn: until, key: 'sharing' });
  }
  if (r.kind === 'determination') {
    out.push({ type: 'credit-measure', kind: 'grade-deduction', basis: DEDUCTION_BASIS, startsOn: r.decisionDate, endsOn: until, key: 'grade-deduction' });
    if (r.severity === 'serious') {
      out.push({ type: 'credit-measure', kind: 'award-exclusion', basis: AWARD_BASIS, startsOn: r.decisionDate, endsOn: until, key: 'award-exclusion' });
    }
  }
  if (r.kind === 'penalty') out.push(...penaltyEffects(r));
  if (r.kind === 'joint_sanction') out.push(...jointSanctionEffects(r, determinationUntil));
  return out;
}

const FINE_BASIS = '教育部令第53号《校外培训行政处罚暂行办法》第五条：罚款（行政处罚，不因信用修复而解除）';

/** A 双公示 penalty decision's own penalties: its fine (no term) and a 限制从业 for the decision's term (处罚有效期). */
function penaltyEffects(r: EffectSource): NewEffect[] {
  const categories = strings(r.payload.penaltyCategory);
  const out: NewEffect[] = [];
  if (categories.includes('罚款')) {
    out.push({ type: 'penalty', kind: 'fine', basis: FINE_BASIS, startsOn: r.decisionDate, endsOn: null, measure: '罚款', key: 'fine' });
  }
  if (categories.includes('限制从业')) {
    out.push({ type: 'penalty', kind: 'ban', basis: BAN_BASIS, startsOn: r.decisionDate, endsOn: str(r.payload.validUntil) ?? null, measure: '限制从业', key: 'ban' });
  }
  return out;
}

function jointSanctionEffects(r: EffectSource, determinationUntil?: string | null): NewEffect[] {
  const p = r.payload;
  const out: NewEffect[] = [];
  // a ban registered on its own (src/measures) is a penalty for its own term
  if (p.measure === '行业禁入') {
    return [{ type: 'penalty', kind: 'ban', basis: BAN_BASIS, startsOn: r.publicityFrom ?? r.decisionDate, endsOn: r.publicityUntil, measure: '行业禁入', key: 'ban' }];
  }
  const cap = minDate(determinationUntil ?? null, addMonths(r.decisionDate, SERIOUS_MAXIMUM_MONTHS));
  const persons = Array.isArray(p.persons) ? (p.persons as Record<string, unknown>[]) : [];
  // the record's own window is the measures' term, unless it is what the workflow used to write instead of one:
  // the decision date itself (public for a day) or the latest ban's end (a penalty's term, not the measures')
  const banEnds = persons.map((x) => x.banUntil).filter((x): x is string => typeof x === 'string');
  const recordTerm = r.publicityUntil && r.publicityUntil > r.decisionDate && !banEnds.includes(r.publicityUntil) ? r.publicityUntil : null;
  const departments = strings(p.departments);
  for (const [i, m] of measuresOf(p.measures).entries()) {
    out.push({
      type: 'credit-measure', kind: 'joint-sanction-measure', basis: m.basis ?? '国家发展改革委令第36号第三条；联合惩戒备忘录',
      startsOn: r.decisionDate, endsOn: minDate(m.until ?? recordTerm, cap), measureId: m.id ?? String(i + 1), measure: m.name,
      departments: m.departments.length ? m.departments : departments,
      key: `measure:${m.id ?? i + 1}`,
    });
  }
  for (const [i, person] of persons.entries()) {
    if (typeof person.banUntil !== 'string') continue;
    out.push({
      type: 'penalty', kind: 'ban', basis: BAN_BASIS, startsOn: typeof person.banFrom === 'string' ? person.banFrom : r.decisionDate,
      // no name here: effects are shown to the institution and listed widely; the ban register names the person
      endsOn: person.banUntil, measure: `限制从业（第${i + 1}人）`, key: `ban:${i + 1}`,
    });
  }
  return out;
}

/**
 * Measures are names (what the workflow confirmed before the catalogue) or catalogue objects with an id, a basis,
 * the departments that apply that measure and a term (the list entry's).
 */
function measuresOf(v: unknown): { id?: string; name: string; basis?: string; until: string | null; departments: string[] }[] {
  if (!Array.isArray(v)) return [];
  return v.map((m) => (typeof m === 'string'
    ? { name: m, until: null, departments: [] }
    : {
      id: str(m?.id), name: str(m?.name) ?? str(m?.measure) ?? '联合惩戒措施', basis: str(m?.basis), until: str(m?.until) ?? null,
      departments: strings(m?.departments),
    }));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const minDate = (a: string | null, b: string): string => (a && a < b ? a : b);
