import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import type { WorklistQueryDto } from './dto/task.dto';

export interface WorklistItem {
  id: string; caseNo: string; kind: string; stage: string; status: string; candidateRole: string; candidateOffice: string | null;
  assigneeId: string | null; dueDate: string; followUpDate: string | null; priority: number; overdue: boolean;
  uscc: string; institutionName: string; severity: string; createdAt: string;
}

const ORDER = { dueDate: 't.due_date ASC, t.id', '-dueDate': 't.due_date DESC, t.id', priority: 't.priority DESC, t.due_date ASC, t.id' };

/**
 * The worklist query, written once: the open-task partial indexes serve the visibility test and the due-date
 * order; cases and institutions join by primary key only for the rows on the page (bench/worklist.bench.ts).
 */
@Injectable()
export class WorklistRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(user: AuthUser, q: WorklistQueryDto): Promise<{ items: WorklistItem[]; total: number }> {
    const where: string[] = [`t.status IN ('open','claimed')`];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    // parameters are numbered only when used: PostgreSQL refuses a parameter that no clause refers to
    const mine = () => `t.assignee_id = ${arg(user.id)}`;
    const offered = () =>
      `(t.assignee_id IS NULL AND t.candidate_role = ${arg(user.role)} AND (t.candidate_office IS NULL OR t.candidate_office = ${arg(user.officeCode)}::text))`;
    if (q.scope === 'mine') where.push(mine());
    else if (q.scope === 'unassigned') where.push(offered());
    else where.push(`(${mine()} OR ${offered()})`);
    if (q.stage) where.push(`t.stage = ${arg(q.stage)}`);
    if (q.caseNo) where.push(`t.case_no = ${arg(q.caseNo)}`);
    if (q.officeCode) where.push(`t.candidate_office = ${arg(q.officeCode)}`);
    if (q.dueBefore) where.push(`t.due_date <= ${arg(q.dueBefore)}`);
    if (q.overdue !== undefined) where.push(`t.overdue = ${arg(q.overdue)}`);
    if (q.uscc) where.push(`c.uscc = ${arg(q.uscc)}`);
    if (q.severity) where.push(`c.severity = ${arg(q.severity)}`);
    const from = `FROM tasks t JOIN cases c ON c.case_no = t.case_no WHERE ${where.join(' AND ')}`;
    const filterArgs = [...args];
    const limit = arg(q.pageSize);
    const offset = arg((q.page - 1) * q.pageSize);
    const [items, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT t.id, t.case_no AS "caseNo", t.kind, t.stage, t.status, t.candidate_role AS "candidateRole",
                t.candidate_office AS "candidateOffice", t.assignee_id AS "assigneeId", t.due_date::text AS "dueDate",
                t.follow_up_date::text AS "followUpDate", t.priority, t.overdue, c.uscc, i.name AS "institutionName",
                c.severity, t.created_at AS "createdAt"
           ${from.replace('WHERE', 'JOIN institutions i ON i.id = c.institution_id WHERE')}
          ORDER BY ${ORDER[q.sort]} LIMIT ${limit} OFFSET ${offset}`,
        args,
      ),
      this.ds.query(`SELECT count(*)::int AS total ${from}`, filterArgs),
    ]);
    return { items, total };
  }
}
