import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { toDayNumber } from '../calendar/iso-date';
import { shanghaiToday } from '../credit-file/credit-status';
import { gradeWithoutRecords, supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import { jsonAnswer, JsonAnswer } from '../common/http/json-answer';
import { Coalescer } from './coalescer';
import { REPORT_QUERIES } from './report-gate';

/**
 * Rectifications past their deadline and not yet passed: the first missed (or still open but past) rectification
 * deadline of an open case that has no RECTIFICATION_PASSED since. A case whose report was passed drops out; an open
 * provisional one is not overdue until its year is published and the recomputed date has passed.
 */
export const OVERDUE_RECTIFICATIONS_SQL = `
  SELECT c.case_no AS "caseNo", c.uscc, i.name AS "institutionName", c.office_code AS "officeCode",
         min(d.due_date)::text AS "dueDate", max(d.round)::int AS round
    FROM institution_deadlines d
    JOIN cases c ON c.case_no = d.case_no
    JOIN institutions i ON i.id = c.institution_id
   WHERE d.kind = 'rectification' AND d.due_date < $1
     -- a provisional date (its year's calendar not yet published) does not lapse before it is recomputed (issue #21)
     AND (d.status = 'missed' OR (d.status = 'open' AND NOT d.provisional))
     AND c.closed_at IS NULL AND c.stage NOT IN ('CLOSED', 'WITHDRAWN')
     AND ($2::text IS NULL OR c.office_code = $2)
     AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_no = c.case_no AND e.type = 'RECTIFICATION_PASSED')
   GROUP BY c.case_no, c.uscc, i.name, c.office_code
   ORDER BY min(d.due_date), c.case_no
   LIMIT 1000`;

interface OverdueRow { caseNo: string; uscc: string; institutionName: string; officeCode: string | null; dueDate: string; round: number }
interface OverdueRectifications { asOf: string; items: (OverdueRow & { overdueWorkingDays: number })[] }

@Injectable()
export class ReportsService {
  /** Identical reports asked at once are computed once (coalescer.ts); each answer was read after it was asked. */
  private readonly overdue = new Coalescer<JsonAnswer>(REPORT_QUERIES);
  private readonly grades = new Coalescer<{ asOf: string; grades: { grade: string; count: number }[] }>(REPORT_QUERIES);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
  ) {}

  /** For the manager dashboard: each overdue rectification with how many working days it is late. */
  overdueRectifications(opts: { asOf?: string; officeCode?: string } = {}, askedAt?: number): Promise<JsonAnswer> {
    const asOf = opts.asOf ?? shanghaiToday();
    toDayNumber(asOf);
    const officeCode = opts.officeCode ?? null;
    // up to 1,000 rows, serialised once for everyone who shares the computation (json-answer.ts)
    return this.overdue.run(JSON.stringify([asOf, officeCode]), async () => jsonAnswer(await this.computeOverdueRectifications(asOf, officeCode)), askedAt);
  }

  private async computeOverdueRectifications(asOf: string, officeCode: string | null): Promise<OverdueRectifications> {
    const rows: OverdueRow[] = await this.ds.query(OVERDUE_RECTIFICATIONS_SQL, [asOf, officeCode]);
    const late = await this.calendar.workingDaysUntil(rows.map((r) => r.dueDate), asOf);
    return { asOf, items: rows.map((r) => ({ ...r, overdueWorkingDays: Math.max(1, late.get(r.dueDate)!) })) };
  }

  /** Institutions per grade from the last evaluation; one never evaluated has no records (docs/credit-grading.md). */
  gradeDistribution(askedAt?: number) {
    return this.grades.run('all', () => this.computeGradeDistribution(), askedAt);
  }

  private async computeGradeDistribution() {
    const { document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    const baseGrade = gradeWithoutRecords(policy);
    const rows: { grade: string; count: number }[] = await this.ds.query(
      `SELECT COALESCE(e.grade, $1) AS grade, count(*)::int AS count
         FROM institutions i LEFT JOIN institution_evaluations e ON e.institution_id = i.id
        GROUP BY 1 ORDER BY 1`, [baseGrade]);
    const grades = policy.grades.map((b) => ({ grade: b.grade as string, count: rows.find((r) => r.grade === b.grade)?.count ?? 0 }));
    return { asOf: shanghaiToday(), grades };
  }
}
