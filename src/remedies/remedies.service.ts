import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { toDayNumber } from '../calendar/iso-date';
import { fieldInvalid } from '../common/errors/common.errors';
import { assertMayPropose } from '../common/four-eyes/four-eyes.rules';
import { FourEyesService, ProposalView } from '../common/four-eyes/four-eyes.service';
import { CaseGateway } from '../cases/case-gateway';
import { CreditFileService } from '../credit-file/credit-file.service';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { EffectsService } from '../effects/effects.service';
import { documentNotFound } from '../documents/document.errors';
import { assertTermChange, BanPenaltiesService } from '../industry-bans/ban-penalties.service';
import { PublicTextService } from '../publicity/public-text.service';
import { decisionRevokedSignal } from '../../workflows/contracts';
import { remedyDecided, remedyExists, remedyNotFound } from './remedies.errors';
import type { RecordRemedyDto, RemedyOutcomeDto } from './remedy.dto';

const COLUMNS = `r.id, r.document_id AS "documentId", d.doc_no AS "docNo", r.case_no AS "caseNo", r.uscc, r.type, r.body,
  r.filed_on::text AS "filedOn", r.remedy_case_no AS "caseNumber", r.outcome, r.outcome_on::text AS "outcomeOn",
  r.outcome_note AS "outcomeNote", r.withdraw_due::text AS "withdrawDue", r.withdrawn_at AS "withdrawnAt"`;
const TYPE_LABEL = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;
// 行政处罚法 art. 48: withdrawn within 3 days; art. 85: "三日" in this law means working days
const WITHDRAW_WORKING_DAYS = 3;

/**
 * 行政复议 and 行政诉讼 against a decision (brief §5 remedies; issue #16 item 3). An officer records the remedy and
 * later proposes its outcome; an approver of the owning office who did not propose it decides (four eyes). A revoked
 * decision ends its effects, credit measures and penalties alike, and its public information is withdrawn at once,
 * with the reason published as an approved public text (行政处罚法 art. 48); a changed one amends its effects' terms.
 */
@Injectable()
export class RemediesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly fourEyes: FourEyesService,
    private readonly effects: EffectsService,
    private readonly creditFile: CreditFileService,
    private readonly texts: PublicTextService,
    private readonly calendar: CalendarService,
    private readonly bans: BanPenaltiesService,
    private readonly gateway: CaseGateway,
  ) {
    fourEyes.register('remedy_outcome', (m, p, decider) => this.applyOutcome(m, p.subjectRef, p.change as unknown as RemedyOutcomeDto, decider, p),
      (p, decider) => this.tellCase(p, decider));
  }

  /**
   * Once a revocation has committed, the case that made the decision stops its open work and closes (its workflow's
   * decisionRevoked signal): no rectification is ordered, no interview held on a decision that no longer stands. A
   * case already closed, or recorded without a workflow, has nothing left to stop.
   */
  private async tellCase(p: ProposalView, decider: AuthUser): Promise<void> {
    if ((p.change as unknown as RemedyOutcomeDto).outcome !== 'revoked') return;
    const r = await this.get(p.subjectRef);
    if (!r.caseNo) return;
    try {
      await this.gateway.signal(r.caseNo, decider, decisionRevokedSignal, { remedyId: r.id, body: r.body, remedyCaseNo: r.caseNumber, reason: r.outcomeNote });
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }

  async record(dto: RecordRemedyDto, actor: AuthUser) {
    toDayNumber(dto.filedOn);
    if (dto.filedOn > shanghaiToday()) throw fieldInvalid('filedOn', '申请或起诉日期不能晚于今天');
    const [doc] = await this.ds.query(
      `SELECT d.id, d.status, d.case_no, d.institution_id, d.uscc, COALESCE(d.office_code, c.office_code) AS office
         FROM documents d LEFT JOIN cases c ON c.case_no = d.case_no WHERE d.id = $1`, [dto.documentId]);
    if (!doc || doc.status !== 'issued') throw documentNotFound('决定文书不存在或尚未印发');
    assertMayPropose(actor, doc.office);
    const rows = await this.ds.query(
      `INSERT INTO remedies (document_id, case_no, institution_id, uscc, office_code, type, body, filed_on, remedy_case_no, recorded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (document_id, type, remedy_case_no) DO NOTHING RETURNING id`,
      [doc.id, doc.case_no, doc.institution_id, doc.uscc, doc.office, dto.type, dto.body, dto.filedOn, dto.caseNumber, actor.id]);
    if (!rows.length) throw remedyExists();
    return this.get(rows[0].id);
  }

  async get(id: string, m: EntityManager | DataSource = this.ds) {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM remedies r JOIN documents d ON d.id = r.document_id WHERE r.id = $1`, [id]);
    if (!row) throw remedyNotFound();
    return row;
  }

  list(q: { caseNo?: string; uscc?: string }) {
    return this.ds.query(
      `SELECT ${COLUMNS} FROM remedies r JOIN documents d ON d.id = r.document_id
        WHERE ($1::text IS NULL OR r.case_no = $1) AND ($2::text IS NULL OR r.uscc = $2) ORDER BY r.filed_on DESC, r.created_at LIMIT 500`,
      [q.caseNo ?? null, q.uscc?.toUpperCase() ?? null]);
  }

  /** The outcome as proposed; it takes effect when an approver decides it (/api/decision-proposals/:id/approve). */
  async proposeOutcome(id: string, dto: RemedyOutcomeDto, actor: AuthUser): Promise<ProposalView> {
    toDayNumber(dto.decidedOn);
    return this.ds.transaction(async (m) => {
      const [r] = await m.query(`SELECT id, outcome, office_code, filed_on::text AS "filedOn", type, recorded_by, document_id FROM remedies WHERE id = $1 FOR UPDATE`, [id]);
      if (!r) throw remedyNotFound();
      if (r.outcome) throw remedyDecided();
      if (dto.decidedOn < r.filedOn || dto.decidedOn > shanghaiToday()) throw fieldInvalid('decidedOn', '决定日期应在申请日期之后、不晚于今天');
      await this.assertChangeNamed(m, r.document_id, dto);
      assertMayPropose(actor, r.office_code);
      const label = { upheld: '维持', changed: '变更', revoked: '撤销', 'confirmed-unlawful': '确认违法' }[dto.outcome];
      return this.fourEyes.propose({
        kind: 'remedy_outcome', subjectRef: id, office: r.office_code, decidingRole: 'approver',
        summary: `${TYPE_LABEL[r.type as keyof typeof TYPE_LABEL]}结果：${label}原决定`, change: { ...dto }, reason: dto.reason,
      }, actor, m);
    });
  }

  /**
   * A change names what it changes: a 限制从业 decision's new term in years (`banPeriodYears`, never longer than the
   * old one), a case decision's effects' new end dates (`changes`). The term is only for a changed ban decision.
   */
  private async assertChangeNamed(m: EntityManager, documentId: string, dto: RemedyOutcomeDto): Promise<void> {
    const ban = await this.bans.ofDecisionDocument(m, documentId);
    if (dto.banPeriodYears !== undefined && (dto.outcome !== 'changed' || !ban)) {
      throw fieldInvalid('banPeriodYears', '变更后的限制从业期限仅在复议或诉讼变更限制从业处罚决定时填写');
    }
    if (dto.outcome !== 'changed') return;
    if (!ban && !dto.changes?.length) throw fieldInvalid('changes', '变更决定须列明各效果变更后的终止日（changes）');
    if (ban && dto.banPeriodYears === undefined) throw fieldInvalid('banPeriodYears', '变更限制从业处罚决定须写明变更后的限制从业期限（年）');
    if (ban) assertTermChange(ban, dto.banPeriodYears!);
  }

  private async applyOutcome(m: EntityManager, id: string, dto: RemedyOutcomeDto, decider: AuthUser, p: ProposalView): Promise<void> {
    const [r] = await m.query(`SELECT * FROM remedies WHERE id = $1 FOR UPDATE`, [id]);
    if (!r || r.outcome) throw remedyDecided();
    const records: { id: string; title: string; publicity_until: string | null; live: boolean }[] = r.case_no ? await m.query(
      `SELECT r.id, r.title, r.publicity_until::text AS publicity_until, ${inPublicationSql('r', '$2::date')} AS live FROM credit_records r
        WHERE r.case_no = $1 AND r.kind IN ('determination','joint_sanction','penalty') ORDER BY r.seq`, [r.case_no, shanghaiToday()]) : [];
    let withdrawDue: string | null = null;
    if (dto.outcome === 'revoked') {
      withdrawDue = await this.calendar.addWorkingDays(dto.decidedOn, WITHDRAW_WORKING_DAYS);
      for (const rec of records) await this.revoke(m, r, rec, dto, decider, p);
      // a 行政处罚决定书 of the ban procedure has no case: its ban ends with it (docs/industry-bans.md)
      await this.bans.endByDecisionDocument(m, r.document_id, {
        reason: 'revoked', endedOn: dto.decidedOn, outcome: `${r.body}${TYPE_LABEL[r.type as keyof typeof TYPE_LABEL]}（${r.remedy_case_no}）撤销原决定：${dto.reason}`,
        ref: { remedyId: r.id, decisionProposalId: p.id },
      }, decider.id);
    } else if (dto.outcome === 'changed') {
      for (const rec of records) await this.effects.amend(rec.id, dto.changes ?? [], `${r.body}（${r.remedy_case_no}）变更原决定：${dto.reason}`, m);
      if (dto.banPeriodYears !== undefined) {
        await this.bans.changeTermByDecisionDocument(m, r.document_id, {
          periodYears: dto.banPeriodYears, decidedOn: dto.decidedOn, remedyId: r.id, decisionProposalId: p.id,
          outcome: `${r.body}${TYPE_LABEL[r.type as keyof typeof TYPE_LABEL]}（${r.remedy_case_no}）变更原决定：${dto.reason}`,
        }, decider.id);
      }
    }
    await m.query(
      `UPDATE remedies SET outcome = $2, outcome_on = $3, outcome_note = $4, withdraw_due = $5, proposal_id = $6,
              withdrawn_at = CASE WHEN $2 = 'revoked' THEN now() END WHERE id = $1`,
      [id, dto.outcome, dto.decidedOn, dto.reason, withdrawDue, p.id]);
  }

  /** Ends the record's effects, penalties too (their own decision is revoked), and withdraws it from the public page. */
  private async revoke(
    m: EntityManager, r: { id: string; body: string; remedy_case_no: string; type: 'reconsideration' | 'litigation'; uscc: string; office_code: string | null },
    rec: { id: string; title: string; publicity_until: string | null; live: boolean }, dto: RemedyOutcomeDto, decider: AuthUser, p: ProposalView,
  ): Promise<void> {
    const because = `${r.body}${TYPE_LABEL[r.type]}（${r.remedy_case_no}）撤销原决定`;
    await this.effects.endCreditMeasures(rec.id, 'revocation', dto.decidedOn, m, { reason: because, ref: r.id, actorId: decider.id });
    const penalties: { id: string }[] = await m.query(`SELECT id FROM credit_effects WHERE record_id = $1 AND type = 'penalty' AND status = 'active'`, [rec.id]);
    for (const e of penalties) await this.effects.endPenalty(e.id, 'revocation', dto.decidedOn, m, { reason: because, ref: r.id });
    if (!rec.live) return;
    // 行政处罚法 art. 48: the published information is withdrawn and the reason made public, as an approved text
    const today = shanghaiToday();
    const title = `撤下公示：${rec.title}（${because}：${dto.reason}）`;
    const notice = await this.creditFile.append({
      uscc: r.uscc, kind: 'correction', refersTo: rec.id, decisionDate: today, title,
      publicityFrom: today, publicityUntil: rec.publicity_until && rec.publicity_until > today ? rec.publicity_until : today,
      payload: { action: 'withdraw', remedyId: r.id, reason: dto.reason, body: r.body, remedyCaseNo: r.remedy_case_no },
      sourceRef: `remedy:${r.id}:${rec.id}`, officeCode: r.office_code, createdBy: decider.id,
    }, m);
    const text = await this.texts.draft(m, { recordRef: notice.sourceRef, uscc: r.uscc, fields: { title }, names: [], actorId: p.proposedBy });
    await this.texts.approve(m, { id: text.id, hash: text.hash, actor: decider, office: r.office_code, names: [] });
  }
}
