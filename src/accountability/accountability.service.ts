import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toDayNumber } from '../calendar/iso-date';
import { shanghaiToday } from '../credit-file/credit-status';
import { validationFailed } from '../common/errors/common.errors';

/**
 * 通报 data per office and period ($1 from, $2 to, $3 today): the plan asks leadership to name offices that are
 * slow to publish, share or use credit information. Each figure counts items whose due date falls in the period, and
 * only what the office itself controls (issue #22):
 * - 未报送共享 counts submissions the platform sent back for correction (`needs_fix`: the office's data is wrong);
 *   a submission still pending or retrying waits on the platform (an outage), which is no office's failing.
 * - "decided without review" is gone: a review matter cannot be decided without its review (the four-eyes rule), so
 *   the column was 0 by construction and told leadership nothing.
 */
const SQL = `
  WITH late_pub AS (
    SELECT office_code, count(*)::int AS n FROM publicity_decisions
     WHERE due_date BETWEEN $1 AND $2 AND ((status = 'pending' AND due_date < $3) OR published_on > due_date)
     GROUP BY office_code),
  not_shared AS (
    SELECT office_code, count(*)::int AS n FROM platform_submissions
     WHERE created_at >= $1::date AND created_at < $2::date + 1 AND status = 'needs_fix' GROUP BY office_code),
  overdue_tasks AS (
    SELECT COALESCE(t.candidate_office, c.office_code) AS office_code, count(*)::int AS n
      FROM tasks t JOIN cases c ON c.case_no = t.case_no
     WHERE t.overdue AND t.due_date BETWEEN $1 AND $2 GROUP BY 1),
  late_objections AS (
    SELECT office_code, count(*)::int AS n FROM (
      SELECT i.office_code FROM credit_objections o JOIN institutions i ON i.id = o.institution_id
       WHERE o.answer_due BETWEEN $1 AND $2
         AND ((o.status = 'submitted' AND o.answer_due < $3) OR (o.decided_at AT TIME ZONE 'Asia/Shanghai')::date > o.answer_due)
      -- a person's objection entered at the counter is answered by the same deadline (issue #19 review)
      UNION ALL
      SELECT c.office_code FROM counter_intakes c
       WHERE c.kind = 'objection' AND c.answer_due BETWEEN $1 AND $2
         AND ((c.status = 'received' AND c.answer_due < $3) OR (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date > c.answer_due)
    ) x GROUP BY office_code)
  SELECT o.code AS "officeCode", o.name AS "officeName",
         COALESCE(lp.n, 0) AS "latePublications", COALESCE(ns.n, 0) AS "notShared",
         COALESCE(ot.n, 0) AS "overdueTasks",
         COALESCE(lo.n, 0) AS "lateObjections"
    FROM offices o
    LEFT JOIN late_pub lp ON lp.office_code = o.code LEFT JOIN not_shared ns ON ns.office_code = o.code
    LEFT JOIN overdue_tasks ot ON ot.office_code = o.code
    LEFT JOIN late_objections lo ON lo.office_code = o.code
   ORDER BY COALESCE(lp.n, 0) + COALESCE(ns.n, 0) + COALESCE(ot.n, 0) + COALESCE(lo.n, 0) DESC, o.code`;

@Injectable()
export class AccountabilityService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async report(from: string, to: string) {
    toDayNumber(from);
    toDayNumber(to);
    if (to < from) throw validationFailed('结束日期不能早于开始日期');
    const rows: Record<string, number>[] = await this.ds.query(SQL, [from, to, shanghaiToday()]);
    const totals = rows.map((r) => r.latePublications + r.notShared + r.overdueTasks + r.lateObjections);
    return {
      from, to, generatedOn: shanghaiToday(),
      // ties rank as ties (1, 1, 3): offices with the same total share the place of the first of them
      offices: rows.map((r, i) => ({ rank: 1 + totals.filter((t) => t > totals[i]).length, ...r, total: totals[i] })),
    };
  }
}
