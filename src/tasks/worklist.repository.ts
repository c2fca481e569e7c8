import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import type { WorklistQueryDto } from './dto/task.dto';
import { preparedRows } from '../common/db/prepared';

export interface WorklistItem {
  id: string; caseNo: string; kind: string; stage: string; status: string; candidateRole: string; candidateOffice: string | null;
  assigneeId: string | null; dueDate: string; followUpDate: string | null; priority: number; overdue: boolean;
  uscc: string; institutionName: string; severity: string; createdAt: string;
}

/**
 * Each order ends with the id, so a page is well defined, and is the order of an index (tasks_unassigned forwards or
 * backwards, tasks_unassigned_priority), so each branch reads its first rows and stops; -dueDate is the exact reverse.
 */
const ORDER = {
  dueDate: { branch: 't.due_date ASC, t.id', page: 'p.due_date ASC, p.id' },
  '-dueDate': { branch: 't.due_date DESC, t.id DESC', page: 'p.due_date DESC, p.id DESC' },
  priority: { branch: 't.priority DESC, t.due_date ASC, t.id', page: 'p.priority DESC, p.due_date ASC, p.id' },
} as const;

/** Numbers query parameters as they are used: PostgreSQL refuses a parameter that no clause refers to. */
class Params {
  readonly values: unknown[] = [];
  private readonly named = new Map<string, string>();
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
  once(name: string, value: unknown): string {
    if (!this.named.has(name)) this.named.set(name, this.add(value));
    return this.named.get(name)!;
  }
}

/**
 * The worklist query, written once and measured against hand-written SQL (bench/worklist.bench.ts). What a user may
 * see is split into disjoint branches — tasks claimed by the user, unclaimed tasks of the user's role in the user's
 * office, unclaimed tasks of that role with no office — each of which walks its own partial index (tasks_assignee,
 * tasks_unassigned) in the page's order and stops after offset + page size rows. The branches are merged, the page
 * is cut, and only its rows are joined to cases and institutions; the total is the sum of the branch counts. An OR
 * of the branches instead makes the planner read and sort every visible task for every page.
 */
@Injectable()
export class WorklistRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(user: AuthUser, q: WorklistQueryDto): Promise<{ items: WorklistItem[]; total: number }> {
    const p = new Params();
    const filters = this.filters(q, p);
    const from = (branch: string) => `FROM tasks t WHERE t.status IN ('open','claimed') AND ${[branch, ...filters].join(' AND ')}`;
    const branches = this.visibility(user, q.scope, p);
    const order = ORDER[q.sort];
    const offset = (q.page - 1) * q.pageSize;
    const upTo = p.add(offset + q.pageSize);
    const rows = await preparedRows<WorklistItem & { total: number }>(this.ds,
      `WITH page AS (
         SELECT p.id, p.due_date, p.priority FROM (
           ${branches.map((b) => `(SELECT t.id, t.due_date, t.priority ${from(b)} ORDER BY ${order.branch} LIMIT ${upTo})`).join(' UNION ALL ')}
         ) p ORDER BY ${order.page} LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offset)})
       SELECT n.total, t.id, t.case_no AS "caseNo", t.kind, t.stage, t.status, t.candidate_role AS "candidateRole",
              t.candidate_office AS "candidateOffice", t.assignee_id AS "assigneeId", t.due_date::text AS "dueDate",
              t.follow_up_date::text AS "followUpDate", t.priority, t.overdue, c.uscc, i.name AS "institutionName",
              t.case_severity AS severity, t.created_at AS "createdAt"
         FROM (SELECT (${branches.map((b) => `(SELECT count(*) ${from(b)})`).join(' + ')})::int AS total) n
         LEFT JOIN (page p JOIN tasks t ON t.id = p.id JOIN cases c ON c.case_no = t.case_no
                    JOIN institutions i ON i.id = c.institution_id) ON true
        ORDER BY ${order.page}`,
      p.values,
    );
    // with an empty page the count still comes back, on a row of its own
    const total = rows[0]?.total ?? 0;
    return { items: rows.filter((r) => r.id !== null).map(({ total: _, ...item }) => item), total };
  }

  /** Disjoint, so the branch counts add up and no task appears twice. */
  private visibility(user: AuthUser, scope: WorklistQueryDto['scope'], p: Params): string[] {
    const mine = () => `t.assignee_id = ${p.once('user', user.id)}`;
    const unclaimed = (office: string) => `t.assignee_id IS NULL AND t.candidate_role = ${p.once('role', user.role)} AND ${office}`;
    const offered = () => [
      ...(user.officeCode ? [unclaimed(`t.candidate_office = ${p.once('office', user.officeCode)}`)] : []),
      unclaimed('t.candidate_office IS NULL'),
    ];
    if (scope === 'mine') return [mine()];
    if (scope === 'unassigned') return offered();
    return [mine(), ...offered()];
  }

  /** Every filter is a condition on the task row (the case's severity is copied onto it), so counts need no join. */
  private filters(q: WorklistQueryDto, p: Params): string[] {
    const f: string[] = [];
    if (q.stage) f.push(`t.stage = ${p.add(q.stage)}`);
    if (q.caseNo) f.push(`t.case_no = ${p.add(q.caseNo)}`);
    if (q.officeCode) f.push(`t.candidate_office = ${p.add(q.officeCode)}`);
    if (q.dueBefore) f.push(`t.due_date <= ${p.add(q.dueBefore)}`);
    if (q.overdue !== undefined) f.push(`t.overdue = ${p.add(q.overdue)}`);
    if (q.severity) f.push(`t.case_severity = ${p.add(q.severity)}`);
    if (q.uscc) f.push(`t.case_no IN (SELECT case_no FROM cases WHERE uscc = ${p.add(q.uscc)})`);
    return f;
  }
}
