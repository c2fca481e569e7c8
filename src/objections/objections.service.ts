import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { conflict } from '../common/errors/domain.exception';
import { assertMayPropose } from '../common/four-eyes/four-eyes.rules';
import { FourEyesService, ProposalView } from '../common/four-eyes/four-eyes.service';
import { CreditFileService } from '../credit-file/credit-file.service';
import { creditRecordNotFound } from '../credit-file/credit-record.errors';
import { DocumentsService } from '../documents/documents.service';
import { EffectsService } from '../effects/effects.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { assertVisibleTo } from '../credit-file/visibility';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import type { DecideObjectionDto, RaiseObjectionDto } from './dto/objection.dto';
import { objectionDecided, ObjectionErrorCode, objectionNotFound } from './objection.errors';

const COLUMNS = `o.id, o.record_id AS "recordId", o.uscc, o.type, o.reason, o.evidence, o.status, o.accept_due::text AS "acceptDue",
  o.answer_due::text AS "answerDue", o.submitted_at AS "submittedAt", o.decided_at AS "decidedAt",
  o.decision_reason AS "decisionReason", o.outcome_record_id AS "outcomeRecordId", o.referred_to AS "referredTo"`;

/** The objection, locked, with what the four-eyes rule needs: the record's owning office and who determined it. */
interface Subject {
  status: string;
  recordId: string;
  uscc: string;
  submittedBy: string | null;
  office: string | null;
  kind: string;
  department: string | null;
}

/**
 * 异议 and correction requests (brief §1, §5): the institution objects to any record in its file; officers answer
 * within the policy's working days; an upheld objection becomes a correction record — the original is never touched.
 * Four eyes (docs/four-eyes.md): an officer of the office that owns the record proposes the outcome, an approver of
 * that office who neither proposed nor raised it decides. A record another department determined is referred back
 * to it (谁认定谁修复, 国家发展改革委令第36号), never corrected or withdrawn here.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly creditFile: CreditFileService,
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
    private readonly fourEyes: FourEyesService,
    private readonly effects: EffectsService,
    private readonly documents: DocumentsService,
  ) {
    fourEyes.register('objection_decision', (m, p, decider) =>
      this.decideIn(m, p.subjectRef, p.change as unknown as DecideObjectionDto, decider, p.id));
  }

  async raise(uscc: string, recordId: string, dto: RaiseObjectionDto, actor: AuthUser) {
    const owner = assertVisibleTo(uscc, actor);
    const [record] = await this.ds.query(`SELECT id, institution_id, uscc FROM credit_records WHERE id = $1`, [recordId]);
    if (!record || record.uscc !== owner) throw creditRecordNotFound();
    const { document } = await this.policies.active();
    const h = supervisionPolicy(document as SupervisionPolicyDocument).objectionHandling;
    const today = shanghaiToday();
    const [acceptDue, answerDue] = await Promise.all([
      this.calendar.addWorkingDays(today, h.acceptWorkingDays), this.calendar.addWorkingDays(today, h.answerWorkingDays)]);
    const rows = await this.ds.query(
      `INSERT INTO credit_objections (record_id, institution_id, uscc, type, reason, evidence, accept_due, answer_due, submitted_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (record_id) WHERE status = 'submitted' DO NOTHING RETURNING id`,
      [recordId, record.institution_id, owner, dto.type, dto.reason, JSON.stringify(dto.evidence ?? []), acceptDue, answerDue, actor.id]);
    if (!rows.length) throw conflict(ObjectionErrorCode.OBJECTION_OPEN, '该记录已有尚未处理完毕的异议或更正申请');
    return this.get(rows[0].id, actor);
  }

  /** Staff also see the proposal waiting for a decision; the institution sees its objection and the outcome only. */
  async get(id: string, actor: AuthUser) {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM credit_objections o WHERE o.id = $1`, [id]);
    if (!row || (actor.role === 'institution' && row.uscc !== actor.uscc)) throw objectionNotFound();
    const view = { ...row, overdue: row.status === 'submitted' && row.answerDue < shanghaiToday() };
    if (actor.role === 'institution') return view;
    return { ...view, proposal: await this.fourEyes.pendingFor('objection_decision', id) };
  }

  async list(opts: { status?: string; uscc?: string }, actor: AuthUser) {
    const uscc = actor.role === 'institution' ? actor.uscc : opts.uscc?.toUpperCase() ?? null;
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM credit_objections o WHERE ($1::text IS NULL OR o.status = $1) AND ($2::text IS NULL OR o.uscc = $2)
        ORDER BY o.answer_due, o.submitted_at LIMIT 500`, [opts.status ?? null, uscc]);
    const today = shanghaiToday();
    return { items: rows.map((r: { status: string; answerDue: string }) => ({ ...r, overdue: r.status === 'submitted' && r.answerDue < today })) };
  }

  /** The officer's proposed outcome (承办意见); it takes effect when an approver decides it (/api/decision-proposals). */
  async propose(id: string, dto: DecideObjectionDto, actor: AuthUser): Promise<ProposalView> {
    return this.ds.transaction(async (m) => {
      const o = await this.subject(m, id);
      if (o.status !== 'submitted') throw objectionDecided();
      if (o.kind === 'inbound') throw determinedElsewhere(o.department);
      assertMayPropose(actor, o.office);
      const verdict = dto.outcome === 'rejected' ? '不成立' : dto.action === 'withdraw' ? '成立，撤下该记录' : '成立，更正该记录';
      return this.fourEyes.propose({
        kind: 'objection_decision', subjectRef: id, office: o.office, decidingRole: 'approver', raisedBy: o.submittedBy,
        summary: `异议处理意见：${verdict}`, reason: dto.reason,
        change: { outcome: dto.outcome, reason: dto.reason, ...(dto.action ? { action: dto.action } : {}), ...(dto.corrected ? { corrected: dto.corrected } : {}) },
      }, actor, m);
    });
  }

  /** 谁认定谁修复: an objection to another department's record is referred back to it, a recorded outcome. */
  async refer(id: string, reason: string, actor: AuthUser) {
    await this.ds.transaction(async (m) => {
      const o = await this.subject(m, id);
      if (o.status !== 'submitted') throw objectionDecided();
      if (o.kind !== 'inbound') throw conflict(ObjectionErrorCode.DETERMINED_HERE, '该记录由本局认定，应提出处理意见并经审核人决定，不能转交');
      assertMayPropose(actor, o.office);
      await m.query(
        `UPDATE credit_objections SET status = 'referred', referred_to = $2, decided_by = $3, decided_at = now(), decision_reason = $4
          WHERE id = $1`, [id, o.department ?? '原认定部门', actor.id, reason]);
    });
    return this.get(id, actor);
  }

  /** The approved decision, in the approval's transaction: a correction record, or the reasons it was not upheld. */
  private async decideIn(m: EntityManager, id: string, dto: DecideObjectionDto, decider: AuthUser, proposalId: string): Promise<void> {
    const o = await this.subject(m, id);
    if (o.status !== 'submitted') throw objectionDecided();
    if (o.kind === 'inbound') throw determinedElsewhere(o.department);
    let outcomeRecordId: string | null = null;
    if (dto.outcome === 'upheld') {
      const original = await this.creditFile.recordOf(o.recordId);
      const correct = dto.action === 'correct';
      const record = await this.creditFile.append({
        uscc: o.uscc, kind: 'correction', refersTo: original.id, decisionDate: shanghaiToday(),
        title: `${correct ? '更正' : '撤下'}：${original.title}`,
        severity: correct ? original.severity : null,
        // a corrected record stays in publication for the rest of the original window; a withdrawn one leaves it
        publicityFrom: correct && original.publicityFrom ? shanghaiToday() : null,
        publicityUntil: correct ? original.publicityUntil : null,
        payload: { objectionId: id, action: dto.action, reason: dto.reason, ...(correct ? { corrected: dto.corrected } : {}) },
        sourceRef: `objection:${id}`, createdBy: decider.id, officeCode: o.office,
      }, m);
      outcomeRecordId = record.id;
      // correction is not withdrawal (issue #16): a correction amends named fields and the record keeps its effects;
      // a withdrawal ends every credit measure of the record, with lifting letters where a sanction rested on it
      if (!correct) {
        await this.effects.endCreditMeasures(original.id, 'withdrawal', record.decisionDate, m, { reason: dto.reason, ref: record.id, actorId: decider.id });
      }
    }
    await this.serveResult(m, id, o.recordId, dto, decider);
    await m.query(
      `UPDATE credit_objections SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, outcome_record_id = $5,
              proposal_id = $6 WHERE id = $1`, [id, dto.outcome, decider.id, dto.reason, outcomeRecordId, proposalId]);
  }

  /**
   * The 异议处理结果告知书, served on the institution, where the record belongs to a case (the engine's kind is a case
   * document): withdrawn is upheld, corrected is partly upheld (the record stands, amended), else rejected.
   */
  private async serveResult(m: EntityManager, id: string, recordId: string, dto: DecideObjectionDto, decider: AuthUser): Promise<void> {
    const [r] = await m.query(
      `SELECT r.case_no AS "caseNo", to_char(o.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "receivedOn"
         FROM credit_records r JOIN credit_objections o ON o.record_id = r.id WHERE r.id = $1 AND o.id = $2`, [recordId, id]);
    if (!r?.caseNo) return;
    const outcome = dto.outcome === 'rejected' ? 'rejected' : dto.action === 'withdraw' ? 'upheld' : 'partly';
    await this.documents.issue({
      kind: 'objection-result', caseNo: r.caseNo, data: { objectionReceivedOn: r.receivedOn, outcome, reasons: dto.reason },
      idempotencyKey: `objection:${id}:objection-result`, actorId: decider.id,
    }, m);
  }

  private async subject(m: EntityManager, id: string): Promise<Subject> {
    const [o] = await m.query(
      `SELECT o.status, o.record_id AS "recordId", o.uscc, o.submitted_by AS "submittedBy",
              COALESCE(r.office_code, i.office_code) AS office, r.kind,
              COALESCE(r.payload->>'department', NULLIF(split_part(r.title, '：', 1), r.title)) AS department
         FROM credit_objections o JOIN credit_records r ON r.id = o.record_id JOIN institutions i ON i.id = o.institution_id
        WHERE o.id = $1 FOR UPDATE OF o`, [id]);
    if (!o) throw objectionNotFound();
    return o;
  }
}

function determinedElsewhere(department: string | null) {
  return conflict(ObjectionErrorCode.DETERMINED_ELSEWHERE, `该记录由${department ?? '其他部门'}认定，按“谁认定谁修复”应转交该部门处理，本局不能更正或撤下`,
    { department });
}
