/**
 * 民办教育培训机构信用等级评价制度 (docs/credit-grading.md): what moves an institution between grades beyond its
 * score. Each rule is a ceiling — the best grade an institution can hold while the rule applies — and a named
 * predicate, a SQL branch that lists the institutions (and the records, bans or cases) it applies to on date $1.
 * The grade is the worse of the score's band and the ceilings of the rules that apply (grades compare as letters:
 * 'A' < 'E'). The figures of graded supervision stay in the policy; these rules are fixed by the plan and the brief.
 *
 * The predicates run inside the evaluation statement (evaluation.sql.ts) and may use its CTEs: `scope` (the
 * institutions evaluated: all, or the one in $6), `filed` (those with any record decided on or before $1), `live`
 * (records in publication on $1) and `contrib` (every scoring row; `evidence` for honours and verified kept commitments).
 */
import { maskName } from '../common/crypto/mask';
import type { Grade } from '../policies/policy.types';

export const GRADE_RULE_CODES = [
  'NO_RECORDS', 'A_REQUIRES_POSITIVE_EVIDENCE', 'UNRECTIFIED_AFTER_PUBLICATION', 'SERIOUS_DETERMINATION', 'JOINT_SANCTION',
  'INDUSTRY_BAN',
] as const;
export type GradeRuleCode = (typeof GRADE_RULE_CODES)[number];

/** One reason a rule applies: a record, a ban, a case — or nothing in particular for the rules about absence. */
export interface RuleHit {
  rule: GradeRuleCode;
  ref: string | null;
  label: string | null;
  onDate: string | null;
}

export interface GradeRule {
  ceiling: Grade;
  title: string;
  source: string;
  /** The SELECT of (institution_id, ref, label, on_date) this rule applies to on $1. */
  predicate: string;
  /** Why it applies, in Chinese, for the institution and the officer; a person's name leaves here masked. */
  because(hits: RuleHit[]): string;
}

const dated = (h: RuleHit) => `${h.label ?? ''}（${h.onDate ?? ''}）`;

/** The Beijing date of a timestamp, whatever the session's time zone. */
const beijingDate = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * A case closed when publication ended at the maximum period while rectification was never passed, and not rectified
 * since: a RECTIFICATION_PASSED event recorded for the case on or before $1 lifts it. Shared with the early warning.
 */
export const UNRECTIFIED_CASES_SQL = `
  SELECT k.institution_id, k.case_no, ${beijingDate('k.closed_at')} AS closed_on
    FROM cases k
   WHERE k.outcome = 'PUBLICATION_ENDED_UNRECTIFIED' AND ${beijingDate('k.closed_at')} <= $1::date
     AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_no = k.case_no AND e.type = 'RECTIFICATION_PASSED'
                        AND ${beijingDate('e.occurred_at')} <= $1::date)`;

export const GRADE_RULES: Record<GradeRuleCode, GradeRule> = {
  // Absence of information is not evidence of good credit: plan task 四 lowers inspections only for subjects
  // known to be 信用状况好、风险小; brief §8.
  NO_RECORDS: {
    ceiling: 'B',
    title: '无信用记录评为良好',
    source: '《连云区教育信用监管示范工程实施方案》任务四；领域简报 §8',
    predicate: `SELECT s.id, NULL::text, NULL::text, NULL::date FROM scope s LEFT JOIN filed f ON f.institution_id = s.id
      WHERE f.institution_id IS NULL`,
    because: () => '信用档案中尚无任何记录：没有记录不等于信用良好，评为 B（良好）',
  },
  // A is the grade of the green channel and the fewest inspections (brief §4): it needs something the bureau knows.
  A_REQUIRES_POSITIVE_EVIDENCE: {
    ceiling: 'B',
    title: 'A 级须有守信证据',
    source: '《连云区教育信用监管示范工程实施方案》任务四、任务六（守信激励）；领域简报 §8',
    predicate: `SELECT f.institution_id, NULL::text, NULL::text, NULL::date FROM filed f
      WHERE NOT EXISTS (SELECT 1 FROM contrib c WHERE c.institution_id = f.institution_id AND c.evidence)`,
    because: () => '没有公示中的表彰，也没有经教育局核实已履约的信用承诺：得分再高也不能评为 A',
  },
  // 36号令 ends publication at the maximum period and leaves an unrectified subject to the sector's rules
  // (brief §3 step 9); the plan's task 五 keeps such a subject under supervision until it rectifies.
  UNRECTIFIED_AFTER_PUBLICATION: {
    ceiling: 'C',
    title: '公示期满仍未整改',
    source: '国家发展改革委令第36号（最长公示期届满停止公示）；实施方案任务五（督促限期整改）；领域简报 §3 第 9 步',
    predicate: `SELECT u.institution_id, u.case_no, NULL::text, u.closed_on FROM (${UNRECTIFIED_CASES_SQL}) u
      JOIN scope s ON s.id = u.institution_id`,
    because: (hits) => `案件 ${hits.map((h) => `${h.ref}（${h.onDate} 结案）`).join('、')} 公示期满仍未整改到位，整改通过前最高评为 C`,
  },
  // A serious determination is 严重失信 (36号令 tiers, brief §5); task 四 raises inspections for 信用状况差、风险高.
  SERIOUS_DETERMINATION: {
    ceiling: 'D',
    title: '严重失信认定公示中',
    source: '《连云区教育信用监管示范工程实施方案》任务四；国家发展改革委令第36号（严重失信信息）；领域简报 §8',
    predicate: `SELECT l.institution_id, l.id::text, r.title, r.decision_date FROM live l JOIN credit_records r ON r.id = l.id
      WHERE l.kind = 'determination' AND l.severity = 'serious'`,
    because: (hits) => `严重失信认定公示中：${hits.map(dated).join('、')}，最高评为 D`,
  },
  // 联合惩戒 follows from the serious-dishonesty list (plan task 六); while a measure runs the grade is the lowest.
  JOINT_SANCTION: {
    ceiling: 'E',
    title: '联合惩戒执行中',
    source: '《连云区教育信用监管示范工程实施方案》任务六（联合惩戒）；领域简报 §8',
    predicate: `SELECT l.institution_id, l.id::text, r.title, r.decision_date FROM live l JOIN credit_records r ON r.id = l.id
      WHERE l.kind = 'joint_sanction'`,
    because: (hits) => `联合惩戒措施执行中：${hits.map(dated).join('、')}，评为 E`,
  },
  // 限制从业 is an administrative penalty (教育部令第53号 art. 5): it survives credit repair and runs to its term, so it
  // is read from the ban register, not from the record — a ban on the legal representative, or one imposed in
  // connection with this institution. Two branches, so each can use a hash join rather than an OR.
  INDUSTRY_BAN: {
    ceiling: 'E',
    title: '相关人员处于行业禁入期',
    source: '教育部令第53号《校外培训行政处罚暂行办法》第五条（限制从业）；实施方案任务六（行业禁入）；领域简报 §8',
    predicate: `SELECT s.id, b.id::text, b.person_name, b.until_date FROM scope s
        JOIN institutions i ON i.id = s.id JOIN industry_bans b ON b.person_id_hmac = i.legal_rep_id_hmac
       WHERE b.from_date <= $1::date AND b.until_date >= $1::date AND b.ended_on IS NULL
      UNION
      SELECT s.id, b.id::text, b.person_name, b.until_date FROM scope s JOIN industry_bans b ON b.institution_id = s.id
       WHERE b.from_date <= $1::date AND b.until_date >= $1::date AND b.ended_on IS NULL`,
    because: (hits) => `${hits.map((h) => `${maskName(h.label ?? '')} 处于行业禁入期（至 ${h.onDate}）`).join('、')}，评为 E`,
  },
};

/** Every rule's predicate as one CTE body: (institution_id, rule, ref, label, on_date). */
export const RULE_HITS_SQL = GRADE_RULE_CODES.map((code) =>
  `SELECT h.institution_id, '${code}'::text AS rule, h.ref, h.label, h.on_date
     FROM (${GRADE_RULES[code].predicate}) AS h(institution_id, ref, label, on_date)`).join('\n  UNION ALL\n  ');

/** The rules as a VALUES list of (rule, ceiling) for SQL: generated from the table above, never typed twice. */
export const CEILINGS_VALUES = `VALUES ${GRADE_RULE_CODES.map((c) => `('${c}', '${GRADE_RULES[c].ceiling}')`).join(', ')}`;

/** The worse of two grades. */
export const worse = (a: Grade, b: Grade): Grade => (a > b ? a : b);
