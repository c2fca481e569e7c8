import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, InstitutionDeadlineKind, RecordedAnswer } from '../../workflows/contracts';
import { DEADLINE_DOCUMENT_LATERAL } from '../documents/deadline-documents.sql';
import { CaseEventRepository } from './case-event.repository';

export const DEADLINE_LABELS: Record<InstitutionDeadlineKind | 'repair', string> = {
  objection: '提出异议', rectification: '提交整改报告', repair: '信用修复申请', statement: '陈述申辩',
};

export interface NewSubmission {
  caseNo: string; kind: InstitutionDeadlineKind | 'repair'; round: number; deadlineId: string | null; actor: Actor; text: string;
  fileIds: string[]; routes?: string[]; key: string;
  /** When it was received, if not the transaction's start: the portal's one instant for the answer (issue #20). */
  atMs?: number;
}

export interface DeadlineEnd { caseNo: string; deadlineId: string; kind: InstitutionDeadlineKind; dueDate: string }

/** A deadline row as the portal decides an answer on it. */
export interface DeadlineState { id: string; round: number; status: 'open' | 'answered' | 'missed' | 'cancelled'; dueDate: string; provisional: boolean }

export interface OpenDeadlineRow {
  caseNo: string; kind: InstitutionDeadlineKind; round: number; dueDate: string; provisional: boolean; status: string; stage: string;
  documentNo: string | null; documentTitle: string | null; servedOn: string | null;
}

const DEADLINE_STATE = `id, round, status, due_date::text AS "dueDate", provisional`;

/** The institution's deadlines (`institution_deadlines`) and its answers to them (`case_submissions`). */
@Injectable()
export class CaseDeadlineRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: CaseEventRepository,
  ) {}

  /** Opens a deadline once per key; answers with the due date stored. */
  async open(m: EntityManager, a: { caseNo: string; uscc: string; key: string; kind: InstitutionDeadlineKind; round: number; dueDate: string; provisional?: boolean }) {
    const [row] = await m.query(
      `INSERT INTO institution_deadlines (case_no, uscc, kind, round, due_date, idempotency_key, provisional) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, due_date::text AS due_date, provisional`,
      [a.caseNo, a.uscc, a.kind, a.round, a.dueDate, `${a.caseNo}:deadline:${a.key}`, a.provisional ?? false]);
    return { deadlineId: row.id as string, dueDate: row.due_date as string, provisional: row.provisional as boolean };
  }

  /**
   * Stores a recomputed due date of an open deadline; answers the date it had before, or null when nothing changed
   * (closed meanwhile, or a retry that already stored it).
   */
  async recompute(m: EntityManager, deadlineId: string, dueDate: string, provisional: boolean): Promise<string | null> {
    // TypeORM answers an UPDATE with [rows, count]
    const [rows]: [{ before: string }[], number] = await m.query(
      `UPDATE institution_deadlines d SET due_date = $2, provisional = $3 FROM institution_deadlines old
       WHERE d.id = $1 AND old.id = d.id AND d.status = 'open' AND (d.due_date <> $2::date OR d.provisional <> $3)
       RETURNING old.due_date::text AS before`,
      [deadlineId, dueDate, provisional]);
    return rows[0]?.before ?? null;
  }

  /** Cases with an open provisional deadline in `year`: recomputed once the year is published. */
  async provisionalCases(m: EntityManager, year: number): Promise<string[]> {
    const rows: { case_no: string }[] = await m.query(
      `SELECT DISTINCT case_no FROM institution_deadlines WHERE provisional AND status = 'open' AND extract(year FROM due_date) >= $1`, [year]);
    return rows.map((r) => r.case_no);
  }

  /**
   * A missed deadline is a fact on the case: who missed what, and when it was due. Closed only if still open (an
   * earlier attempt, an answer or a withdrawal closed it otherwise); the period ends at 24:00 of its last day.
   */
  async missed(m: EntityManager, a: DeadlineEnd): Promise<void> {
    // TypeORM answers an UPDATE with [rows, count]
    const [, closed] = await m.query(
      `UPDATE institution_deadlines SET status = 'missed', closed_at = now() WHERE id = $1 AND status = 'open'`, [a.deadlineId]);
    if (closed > 0) {
      await this.events.insert(m, {
        caseNo: a.caseNo, type: 'DEADLINE_MISSED', reason: `机构逾期未${DEADLINE_LABELS[a.kind]}（期限至 ${a.dueDate} 24 时届满）`,
        payload: { deadlineId: a.deadlineId, kind: a.kind, dueDate: a.dueDate, party: 'institution' }, idempotencyKey: `${a.deadlineId}:missed`,
      });
    }
  }

  async cancelOpen(m: EntityManager, caseNo: string): Promise<void> {
    await m.query(`UPDATE institution_deadlines SET status = 'cancelled', closed_at = now() WHERE case_no = $1 AND status = 'open'`, [caseNo]);
  }

  /**
   * An answer to a deadline: its submission written once and the deadline closed as answered, in one statement. The
   * close does not depend on the insert: a key already used is this same answer written before, so closing is right.
   */
  async answered(m: EntityManager, a: NewSubmission & { deadlineId: string }): Promise<void> {
    await m.query(
      `WITH closed AS (UPDATE institution_deadlines SET status = 'answered', closed_at = now() WHERE id = $4 AND status = 'open')
       INSERT INTO case_submissions (case_no, kind, round, deadline_id, text, routes, file_ids, submitted_by, idempotency_key, submitted_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, coalesce(to_timestamp($10::float8 / 1000), now())) ON CONFLICT (idempotency_key) DO NOTHING`,
      [a.caseNo, a.kind, a.round, a.deadlineId, a.text, a.routes ?? [], a.fileIds, a.actor.id, a.key, a.atMs ?? null]);
  }

  async insertSubmission(m: EntityManager, a: NewSubmission): Promise<void> {
    await m.query(
      `INSERT INTO case_submissions (case_no, kind, round, deadline_id, text, routes, file_ids, submitted_by, idempotency_key)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (idempotency_key) DO NOTHING`,
      [a.caseNo, a.kind, a.round, a.deadlineId, a.text, a.routes ?? [], a.fileIds, a.actor.id, a.key]);
  }

  /** The open deadlines of one institution, soonest first (the portal's list), with the document that set each. */
  openForInstitution(uscc: string | null): Promise<OpenDeadlineRow[]> {
    return this.ds.query(
      `SELECT d.case_no AS "caseNo", d.kind, d.round, d.due_date::text AS "dueDate", d.provisional, d.status, c.stage,
              sd.doc_no AS "documentNo", sd.title AS "documentTitle", sd.served_on AS "servedOn"
         FROM institution_deadlines d JOIN cases c ON c.case_no = d.case_no ${DEADLINE_DOCUMENT_LATERAL}
        WHERE d.uscc = $1 AND d.status = 'open' ORDER BY d.due_date`, [uscc]);
  }

  /** The case's latest deadline of this kind (one at a time is open; a later round opens after the earlier closed). */
  async latestOf(caseNo: string, kind: InstitutionDeadlineKind): Promise<DeadlineState | null> {
    const [row] = await this.ds.query(
      `SELECT ${DEADLINE_STATE} FROM institution_deadlines WHERE case_no = $1 AND kind = $2 ORDER BY round DESC, opened_at DESC LIMIT 1`, [caseNo, kind]);
    return row ?? null;
  }

  /** The deadline row under its row lock: what the portal decides an answer on (issue #20). */
  async locked(m: EntityManager, deadlineId: string): Promise<DeadlineState> {
    const [row] = await m.query(`SELECT ${DEADLINE_STATE} FROM institution_deadlines WHERE id = $1 FOR UPDATE`, [deadlineId]);
    return row;
  }

  /** The answer filed to a deadline, with its author as an actor, if there is one (an answered deadline has one). */
  async answerTo(m: EntityManager, deadlineId: string): Promise<RecordedAnswer | null> {
    const [row] = await m.query(
      // the actor as the API makes it (case-gateway.ts actorOf): an institution account acts for no office
      `SELECT s.text, s.file_ids AS "fileIds", round(extract(epoch FROM s.submitted_at) * 1000)::float8 AS "atMs",
              CASE WHEN u.role = 'institution' THEN json_build_object('id', u.id, 'role', u.role, 'officeCode', NULL, 'uscc', u.uscc)
                   ELSE json_build_object('id', u.id, 'role', u.role, 'officeCode', u.office_code) END AS actor
         FROM case_submissions s JOIN institution_deadlines d ON d.id = s.deadline_id AND d.status = 'answered'
         JOIN users u ON u.id = s.submitted_by
        WHERE s.deadline_id = $1 ORDER BY s.submitted_at LIMIT 1`, [deadlineId]);
    return row ?? null;
  }

}
