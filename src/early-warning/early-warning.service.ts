import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { UNRECTIFIED_CASES_SQL } from '../evaluation/grading-rules';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';

/** A flag's facts, as jsonb_build_object made them: scores, counts, dates and titles. */
type FlagDetail = Record<string, string | number>;
type Flag = { code: string; detail: FlagDetail };

/**
 * Every reason to watch an institution, one row each, as of $1. $2 grade bands · $3 score margin · $4 minor count ·
 * $5 minor months · $6 deadline horizon (date) · $7 inbound months.
 */
const FLAGS_SQL = `
  WITH bands AS (SELECT b->>'grade' AS grade, (b->>'min')::int AS min FROM jsonb_array_elements($2::jsonb) b),
  flags AS (
    -- within the margin of the next lower grade; the lowest band has nowhere lower to fall
    SELECT e.institution_id, 'NEAR_DOWNGRADE' AS code, jsonb_build_object('score', e.score, 'grade', e.grade, 'floor', b.min) AS detail
      FROM institution_evaluations e JOIN bands b ON b.grade = e.grade
     WHERE b.min > (SELECT min(min) FROM bands) AND e.score - b.min < $3
    UNION ALL
    SELECT r.institution_id, 'REPEATED_MINOR', jsonb_build_object('count', count(*), 'months', $5::int)
      FROM credit_records r
     WHERE r.severity = 'minor' AND r.kind IN ('determination','penalty','inbound')
       AND r.decision_date <= $1 AND r.decision_date > ($1::date - make_interval(months => $5::int))::date
     GROUP BY r.institution_id HAVING count(*) >= $4
    UNION ALL
    SELECT c.institution_id, 'COMMITMENT_DUE', jsonb_build_object('commitmentId', c.id, 'dueDate', c.due_date::text)
      FROM commitments c WHERE c.status = 'active' AND c.due_date >= $1 AND c.due_date <= $6
    UNION ALL
    -- the institution's open rectification deadline (case workflow) falls within the horizon or has passed; a
    -- provisional one (its year's calendar unpublished) cannot lapse before it is recomputed (issue #21)
    SELECT k.institution_id, 'RECTIFICATION_AT_RISK', jsonb_build_object('caseNo', d.case_no, 'round', d.round, 'dueDate', d.due_date::text)
      FROM institution_deadlines d JOIN cases k ON k.case_no = d.case_no
     WHERE d.kind = 'rectification' AND d.status = 'open' AND NOT d.provisional AND d.due_date <= $6
    UNION ALL
    -- publication ended at the maximum period without rectification: watched until it rectifies (docs/credit-grading.md)
    SELECT u.institution_id, 'UNRECTIFIED_AFTER_PUBLICATION', jsonb_build_object('caseNo', u.case_no, 'closedOn', u.closed_on::text)
      FROM (${UNRECTIFIED_CASES_SQL}) u
    UNION ALL
    SELECT r.institution_id, 'INBOUND_REPORT', jsonb_build_object('recordId', r.id, 'title', r.title, 'date', r.decision_date::text)
      FROM credit_records r
     WHERE r.kind = 'inbound' AND r.decision_date <= $1 AND r.decision_date > ($1::date - make_interval(months => $7::int))::date
  )
  SELECT i.uscc, i.name, i.office_code AS "officeCode", e.score, e.grade,
         jsonb_agg(jsonb_build_object('code', f.code, 'detail', f.detail) ORDER BY f.code) AS flags
    FROM flags f JOIN institutions i ON i.id = f.institution_id
    LEFT JOIN institution_evaluations e ON e.institution_id = i.id
   WHERE ($8::text IS NULL OR i.office_code = $8) AND ($9::text IS NULL OR i.uscc = $9)
   GROUP BY i.uscc, i.name, i.office_code, e.score, e.grade
   ORDER BY count(*) DESC, e.score NULLS LAST, i.uscc
   LIMIT 500`;

const MESSAGES: Record<string, (d: FlagDetail) => string> = {
  NEAR_DOWNGRADE: (d) => `得分 ${d.score}，距 ${d.grade} 级下限 ${d.floor} 分不足预警幅度`,
  REPEATED_MINOR: (d) => `近 ${d.months} 个月有 ${d.count} 条轻微失信或处罚记录`,
  COMMITMENT_DUE: (d) => `信用承诺将于 ${d.dueDate} 到期，尚未确认履约`,
  RECTIFICATION_AT_RISK: (d) => `案件 ${d.caseNo} 的整改期限 ${d.dueDate} 临近或已逾期`,
  INBOUND_REPORT: (d) => `收到其他部门报送：${d.title}（${d.date}）`,
  UNRECTIFIED_AFTER_PUBLICATION: (d) => `案件 ${d.caseNo} 公示期满仍未整改到位（${d.closedOn} 结案），整改通过前持续预警`,
};

/** 失信预警 (brief §4): flag institutions before a determination is needed, and say why. */
@Injectable()
export class EarlyWarningService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
    private readonly calendar: CalendarService,
  ) {}

  async watchlist(opts: { officeCode?: string; uscc?: string } = {}) {
    const asOf = shanghaiToday();
    const { document } = await this.policies.active();
    const p = supervisionPolicy(document as SupervisionPolicyDocument);
    const w = p.earlyWarning;
    const horizon = await this.calendar.addWorkingDays(asOf, w.deadlineWorkingDays);
    const rows: { flags: Flag[] }[] = await this.ds.query(FLAGS_SQL, [
      asOf, JSON.stringify(p.grades), w.scoreMargin, w.minorRepeatCount, w.minorRepeatMonths, horizon, w.inboundMonths,
      opts.officeCode ?? null, opts.uscc ?? null,
    ]);
    return {
      asOf, horizon,
      items: rows.map((r) => ({ ...r, flags: r.flags.map((f) => ({ ...f, message: MESSAGES[f.code]?.(f.detail) ?? f.code })) })),
    };
  }
}
