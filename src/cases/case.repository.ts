import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseInput, CaseStage, CaseWrite, Severity } from '../../workflows/contracts';
import { CaseDeadlineRepository } from './case-deadline.repository';
import { CaseEventRepository } from './case-event.repository';
import { CaseTaskRepository } from './case-task.repository';
import { CASE_VIEW_SQL, CaseListRow, CaseViewRow, WAITING_COLUMNS, withWaitingFor } from './case-view.sql';
import { findingsOf } from './findings.sql';

/** A case with the names its notices and credit records need. */
export interface CaseRow {
  case_no: string; uscc: string; institution_id: string; name: string; title: string; behaviour_code: string; catalogue_version: number;
  facts: string; findings: string | null; severity: Severity; office_code: string | null; determination_record_id: string | null;
  /** The institution's legal representative: a name the personal-data guard keeps out of the case's public text. */
  legal_rep_name: string | null;
}

export interface BlockedCaseRow {
  caseNo: string; stage: CaseStage; code: string; reason: string; since: Date; officeCode: string | null; institutionName: string;
}

export interface CaseListFilter {
  uscc?: string; stage?: string; open?: boolean; page: number; pageSize: number;
  /** An institution's name (part of it), a USCC or the start of a case number. */
  q?: string; severity?: string; officeCode?: string;
  /** Registered from / to, Beijing days as the console shows them. */
  from?: string; to?: string;
}

/**
 * Every query on a case's own rows (`cases`, `interviews`) and the one place queued writes land (`applyWrites`).
 * Tasks, events and deadlines have their repositories beside this one; the services decide the transactions.
 */
@Injectable()
export class CaseRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: CaseEventRepository,
    private readonly tasks: CaseTaskRepository,
    private readonly deadlines: CaseDeadlineRepository,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  /**
   * Applies writes the workflow queued (the `CaseWrite` type), in order, inside the caller's transaction: a stage
   * change and the task it opens land together. Each carries a natural key, so a retried activity writes nothing twice.
   */
  async applyWrites(m: EntityManager, caseNo: string, writes: CaseWrite[] = []): Promise<void> {
    for (const w of writes) {
      switch (w.write) {
        case 'transition':
          await this.events.transition(m, { ...w, caseNo, idempotencyKey: w.key });
          break;
        case 'task-completed':
          await this.tasks.change(m, { taskId: w.taskId, type: 'TASK_COMPLETED', actor: w.actor, key: w.key, outcome: w.outcome });
          break;
        case 'answered':
          await this.deadlines.answered(m, { ...w, caseNo, routes: [] });
          break;
      }
    }
  }

  /** Inserts the case row once; false if a retried registration finds it there. */
  async insert(m: EntityManager, input: CaseInput): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts,
                          source, severity, stage, office_code, registered_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'REGISTERED',$10,$11) ON CONFLICT (case_no) DO NOTHING RETURNING case_no`,
      [input.caseNo, input.institutionId, input.uscc, input.behaviourCode, input.catalogueVersion, input.policyVersion,
        input.facts, input.source, input.severity, input.officeCode, input.registeredBy.id],
    );
    return inserted.length > 0;
  }

  /** LY-2026-000123: a gap-tolerant counter per year (a failed start leaves a gap, never a duplicate). */
  async nextCaseNo(): Promise<string> {
    const [{ year, value }] = await this.ds.query(
      `INSERT INTO case_number_counters (year, last_value)
       VALUES (extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = case_number_counters.last_value + 1
       RETURNING year, last_value AS value`,
    );
    return `LY-${year}-${String(value).padStart(6, '0')}`;
  }

  /** The case with its institution's name and the catalogue item's title. */
  async withParties(m: EntityManager, caseNo: string): Promise<CaseRow> {
    const [row] = await m.query(
      `SELECT c.*, ${findingsOf('c')} AS findings, i.name, i.legal_rep_name, ci.title FROM cases c JOIN institutions i ON i.id = c.institution_id
         JOIN catalogue_items ci ON ci.version = c.catalogue_version AND ci.code = c.behaviour_code
        WHERE c.case_no = $1`, [caseNo]);
    return row;
  }

  /** The institution a notice about the case goes to. */
  async institutionOf(m: EntityManager | null, caseNo: string): Promise<{ uscc: string; name: string }> {
    const [c] = await (m ?? this.ds).query(
      `SELECT c.uscc, i.name FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE c.case_no = $1`, [caseNo]);
    return c;
  }

  /** The case page in one statement (case-view.sql.ts); undefined if there is no such case. */
  async view(caseNo: string): Promise<CaseViewRow | undefined> {
    const [row] = await this.ds.query(CASE_VIEW_SQL, [caseNo]);
    return row;
  }

  async list(f: CaseListFilter) {
    const where: string[] = ['true'];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (f.uscc) where.push(`c.uscc = ${arg(f.uscc)}`);
    if (f.stage) where.push(`c.stage = ${arg(f.stage)}`);
    if (f.open !== undefined) where.push(f.open ? 'c.closed_at IS NULL' : 'c.closed_at IS NOT NULL');
    if (f.q?.trim()) {
      const text = f.q.trim();
      const like = arg(`%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`(i.name ILIKE ${like} OR c.uscc = ${arg(text.toUpperCase())} OR c.case_no ILIKE ${arg(`${text.toUpperCase().replace(/[\\%_]/g, '')}%`)})`);
    }
    if (f.severity) where.push(`c.severity = ${arg(f.severity)}`);
    if (f.officeCode) where.push(`c.office_code = ${arg(f.officeCode)}`);
    if (f.from) where.push(`(c.registered_at AT TIME ZONE 'Asia/Shanghai')::date >= ${arg(f.from)}::date`);
    if (f.to) where.push(`(c.registered_at AT TIME ZONE 'Asia/Shanghai')::date <= ${arg(f.to)}::date`);
    const filter = [...args];
    const rows: (CaseListRow & Record<string, unknown>)[] = await this.ds.query(
      `SELECT c.case_no AS "caseNo", c.uscc, i.name AS "institutionName", c.behaviour_code AS "behaviourCode", c.severity, c.stage,
              c.office_code AS "officeCode", c.registered_at AS "registeredAt", c.decision_date::text AS "decisionDate", c.outcome,
              ${WAITING_COLUMNS}
         FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE ${where.join(' AND ')}
        ORDER BY c.registered_at DESC LIMIT ${arg(f.pageSize)} OFFSET ${arg((f.page - 1) * f.pageSize)}`, args);
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE ${where.join(' AND ')}`, filter);
    return { items: rows.map(withWaitingFor), total: total as number };
  }

  /** Whether any document of the case has been served on its institution (from then on the case is its own to see). */
  async servedOnInstitution(m: EntityManager, caseNo: string): Promise<boolean> {
    const [row] = await m.query(
      `SELECT 1 FROM documents d JOIN document_services s ON s.document_id = d.id
        WHERE d.case_no = $1 AND d.to_subject AND d.status = 'issued' LIMIT 1`, [caseNo]);
    return Boolean(row);
  }

  async belongsTo(caseNo: string, uscc: string | null): Promise<boolean> {
    const [own] = await this.ds.query(`SELECT 1 FROM cases WHERE case_no = $1 AND uscc = $2`, [caseNo, uscc]);
    return Boolean(own);
  }

  async setDetermination(m: EntityManager, d: {
    caseNo: string; decisionDate: string; severity: Severity; recordId: string; repairableFrom: string; publicityUntil: string | null;
  }): Promise<void> {
    await m.query(
      `UPDATE cases SET decision_date = $2, severity = $3, determination_record_id = $4, repairable_from = $5, publicity_until = $6,
                        updated_at = now() WHERE case_no = $1`,
      [d.caseNo, d.decisionDate, d.severity, d.recordId, d.repairableFrom, d.publicityUntil]);
  }

  /** Locks the case row: taken before its tasks, the order a severity correction's trigger takes them. */
  async lock(m: EntityManager, caseNo: string): Promise<void> {
    await m.query(`SELECT 1 FROM cases WHERE case_no = $1 FOR UPDATE`, [caseNo]);
  }

  /** Closes the case once: a retry keeps the first closing time. */
  async close(m: EntityManager, caseNo: string, outcome: string): Promise<void> {
    await m.query(`UPDATE cases SET closed_at = COALESCE(closed_at, now()), outcome = $2, updated_at = now() WHERE case_no = $1`, [caseNo, outcome]);
  }

  /** Marks the case blocked on a step no retry fixes; false if there is no case row yet (registration failed). */
  async markBlocked(m: EntityManager, b: { caseNo: string; code: string; reason: string; atMs: number }): Promise<boolean> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count]
    const [rows] = await m.query(
      `UPDATE cases SET blocked_code = $2, blocked_reason = $3, blocked_at = to_timestamp($4 / 1000.0), updated_at = now()
        WHERE case_no = $1 RETURNING case_no`, [b.caseNo, b.code, b.reason, b.atMs]);
    return rows.length > 0;
  }

  /** Clears the block; false if there is no case row. */
  async clearBlocked(m: EntityManager, caseNo: string): Promise<boolean> {
    const [rows] = await m.query(
      `UPDATE cases SET blocked_code = NULL, blocked_reason = NULL, blocked_at = NULL, updated_at = now()
        WHERE case_no = $1 RETURNING case_no`, [caseNo]);
    return rows.length > 0;
  }

  /** Open cases that are blocked, longest blocked first. */
  blocked(): Promise<BlockedCaseRow[]> {
    return this.ds.query(
      `SELECT c.case_no AS "caseNo", c.stage, c.blocked_code AS code, c.blocked_reason AS reason, c.blocked_at AS since,
              c.office_code AS "officeCode", i.name AS "institutionName"
         FROM cases c JOIN institutions i ON i.id = c.institution_id
        WHERE c.blocked_at IS NOT NULL AND c.closed_at IS NULL ORDER BY c.blocked_at, c.case_no`);
  }

  /** Whether a case is blocked and still open, and its office; undefined if there is no such case. */
  async blockState(caseNo: string): Promise<{ officeCode: string | null; blockedAt: Date | null; closedAt: Date | null } | undefined> {
    const [row] = await this.ds.query(
      `SELECT office_code AS "officeCode", blocked_at AS "blockedAt", closed_at AS "closedAt" FROM cases WHERE case_no = $1`, [caseNo]);
    return row;
  }

  /** Schedules the interview of a round once; answers with its id. */
  async scheduleInterview(m: EntityManager, a: { caseNo: string; kind: string; round: number; scheduledAt: string; place: string; attendees: string[] }) {
    const [row] = await m.query(
      `INSERT INTO interviews (case_no, kind, round, scheduled_at, place, planned_attendees) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (case_no, round) DO UPDATE SET case_no = EXCLUDED.case_no RETURNING id`,
      [a.caseNo, a.kind, a.round, a.scheduledAt, a.place, a.attendees]);
    return row.id as string;
  }

  async interviewHeld(m: EntityManager, a: { interviewId: string; attendees: string[]; minutes: string; outcome: string; recordId: string }) {
    await m.query(`UPDATE interviews SET status = 'held', held_at = now(), attendees = $2, minutes = $3, outcome = $4, credit_record_id = $5 WHERE id = $1`,
      [a.interviewId, a.attendees, a.minutes, a.outcome, a.recordId]);
  }
}
