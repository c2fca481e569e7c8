import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { conflict, notFound } from '../common/errors/domain.exception';
import { CreditFileService } from '../credit-file/credit-file.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { assertVisibleTo } from '../credit-file/visibility';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import type { DecideObjectionDto, RaiseObjectionDto } from './dto/objection.dto';

const COLUMNS = `o.id, o.record_id AS "recordId", o.uscc, o.type, o.reason, o.evidence, o.status, o.accept_due::text AS "acceptDue",
  o.answer_due::text AS "answerDue", o.submitted_at AS "submittedAt", o.decided_at AS "decidedAt",
  o.decision_reason AS "decisionReason", o.outcome_record_id AS "outcomeRecordId"`;

/**
 * 异议 and correction requests (brief §1, §5): the institution objects to any record in its file; officers answer
 * within the policy's working days; an upheld objection becomes a correction record — the original is never touched.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly creditFile: CreditFileService,
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
  ) {}

  async raise(uscc: string, recordId: string, dto: RaiseObjectionDto, actor: AuthUser) {
    const owner = assertVisibleTo(uscc, actor);
    const [record] = await this.ds.query(`SELECT id, institution_id, uscc FROM credit_records WHERE id = $1`, [recordId]);
    if (!record || record.uscc !== owner) throw notFound('CREDIT_RECORD_NOT_FOUND', '信用记录不存在');
    const { document } = await this.policies.active();
    const h = supervisionPolicy(document as SupervisionPolicyDocument).objectionHandling;
    const today = shanghaiToday();
    const [acceptDue, answerDue] = await Promise.all([
      this.calendar.addWorkingDays(today, h.acceptWorkingDays), this.calendar.addWorkingDays(today, h.answerWorkingDays)]);
    const rows = await this.ds.query(
      `INSERT INTO credit_objections (record_id, institution_id, uscc, type, reason, evidence, accept_due, answer_due, submitted_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (record_id) WHERE status = 'submitted' DO NOTHING RETURNING id`,
      [recordId, record.institution_id, owner, dto.type, dto.reason, JSON.stringify(dto.evidence ?? []), acceptDue, answerDue, actor.id]);
    if (!rows.length) throw conflict('OBJECTION_OPEN', '该记录已有尚未处理完毕的异议或更正申请');
    return this.get(rows[0].id, actor);
  }

  async get(id: string, actor: AuthUser) {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM credit_objections o WHERE o.id = $1`, [id]);
    if (!row || (actor.role === 'institution' && row.uscc !== actor.uscc)) throw notFound('OBJECTION_NOT_FOUND', '异议不存在');
    return { ...row, overdue: row.status === 'submitted' && row.answerDue < shanghaiToday() };
  }

  async list(opts: { status?: string; uscc?: string }, actor: AuthUser) {
    const uscc = actor.role === 'institution' ? actor.uscc : opts.uscc?.toUpperCase() ?? null;
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM credit_objections o WHERE ($1::text IS NULL OR o.status = $1) AND ($2::text IS NULL OR o.uscc = $2)
        ORDER BY o.answer_due, o.submitted_at LIMIT 500`, [opts.status ?? null, uscc]);
    const today = shanghaiToday();
    return { items: rows.map((r: { status: string; answerDue: string }) => ({ ...r, overdue: r.status === 'submitted' && r.answerDue < today })) };
  }

  /** Decided once; the same decision again is a retry and changes nothing. */
  async decide(id: string, dto: DecideObjectionDto, actor: AuthUser) {
    await this.ds.transaction(async (m) => {
      const [o] = await m.query(`SELECT status, record_id, uscc FROM credit_objections WHERE id = $1 FOR UPDATE`, [id]);
      if (!o) throw notFound('OBJECTION_NOT_FOUND', '异议不存在');
      if (o.status === dto.outcome) return;
      if (o.status !== 'submitted') throw conflict('OBJECTION_DECIDED', '该异议已处理完毕');
      let outcomeRecordId: string | null = null;
      if (dto.outcome === 'upheld') {
        const original = await this.creditFile.recordOf(o.record_id);
        const correct = dto.action === 'correct';
        const record = await this.creditFile.append({
          uscc: o.uscc, kind: 'correction', refersTo: original.id, decisionDate: shanghaiToday(),
          title: `${correct ? '更正' : '撤下'}：${original.title}`,
          severity: correct ? original.severity : null,
          // a corrected record stays in publication for the rest of the original window; a withdrawn one leaves it
          publicityFrom: correct && original.publicityFrom ? shanghaiToday() : null,
          publicityUntil: correct ? original.publicityUntil : null,
          payload: { objectionId: id, action: dto.action, reason: dto.reason, ...(correct ? { corrected: dto.corrected } : {}) },
          sourceRef: `objection:${id}`, createdBy: actor.id, officeCode: actor.officeCode,
        }, m);
        outcomeRecordId = record.id;
      }
      await m.query(
        `UPDATE credit_objections SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, outcome_record_id = $5
          WHERE id = $1`, [id, dto.outcome, actor.id, dto.reason, outcomeRecordId]);
    });
    return this.get(id, actor);
  }
}
