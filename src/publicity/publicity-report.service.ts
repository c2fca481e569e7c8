import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { toDayNumber } from '../calendar/iso-date';
import { shanghaiToday } from '../credit-file/credit-status';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';

export interface OverdueItem {
  id: string;
  kind: string;
  /** Null for a natural person's decision; the name is then the person's (staff only). */
  uscc: string | null;
  institutionName: string;
  officeCode: string | null;
  documentNo: string;
  decisionDate: string;
  dueDate: string;
  state: 'late' | 'due_soon';
}

export interface OverdueReport {
  asOf: string;
  dueSoonUntil: string;
  byOffice: { officeCode: string | null; late: number; dueSoon: number }[];
  items: OverdueItem[];
}

/**
 * Pending items past due first, then those due within N working days. Both read the partial index on pending
 * decisions only, so the report costs the same with 1,000 or 1,000,000 published decisions behind it.
 */
export const BY_OFFICE_SQL = `
  SELECT office_code AS "officeCode", count(*) FILTER (WHERE due_date < $1)::int AS late,
         count(*) FILTER (WHERE due_date >= $1)::int AS "dueSoon"
    FROM publicity_decisions
   WHERE status = 'pending' AND due_date <= $2 AND ($3::text IS NULL OR office_code = $3)
   GROUP BY office_code ORDER BY late DESC, office_code`;

export const ITEMS_SQL = `
  SELECT d.id, d.kind, d.uscc, COALESCE(i.name, s.name) AS "institutionName", d.office_code AS "officeCode", d.document_no AS "documentNo",
         d.decision_date::text AS "decisionDate", d.due_date::text AS "dueDate",
         CASE WHEN d.due_date < $1 THEN 'late' ELSE 'due_soon' END AS state
    FROM publicity_decisions d LEFT JOIN institutions i ON i.id = d.institution_id LEFT JOIN subjects s ON s.id = d.subject_id
   WHERE d.status = 'pending' AND d.due_date <= $2 AND ($3::text IS NULL OR d.office_code = $3)
   ORDER BY d.due_date, d.id LIMIT $4`;

export const STATISTICS_SQL = `
  SELECT kind, severity AS class, status, count(*)::int AS count
    FROM publicity_decisions WHERE decision_date BETWEEN $1 AND $2
   GROUP BY kind, severity, status ORDER BY kind, severity NULLS FIRST, status`;

@Injectable()
export class PublicityReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
  ) {}

  /** What is late (due date before `asOf`) or due soon, by office; a decision is due on its due date itself. */
  async overdue(opts: { asOf?: string; officeCode?: string; limit?: number } = {}): Promise<OverdueReport> {
    const asOf = opts.asOf ?? shanghaiToday();
    toDayNumber(asOf);
    const { document } = await this.policies.active();
    const dueSoonUntil = await this.calendar.addWorkingDays(
      asOf, supervisionPolicy(document as SupervisionPolicyDocument).publicationDueSoonWorkingDays);
    const params = [asOf, dueSoonUntil, opts.officeCode ?? null];
    const [byOffice, items] = await Promise.all([
      this.ds.query(BY_OFFICE_SQL, params),
      this.ds.query(ITEMS_SQL, [...params, Math.min(Math.max(opts.limit ?? 200, 1), 1000)]),
    ]);
    return { asOf, dueSoonUntil, byOffice, items };
  }

  /** Decisions by kind, class and status: a minor record that is not published still counts. */
  async statistics(opts: { from?: string; to?: string } = {}) {
    const to = opts.to ?? shanghaiToday();
    const from = opts.from ?? `${to.slice(0, 4)}-01-01`;
    toDayNumber(from);
    toDayNumber(to);
    return { from, to, rows: await this.ds.query(STATISTICS_SQL, [from, to]) };
  }
}
