import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { addMonths, fromDayNumber, toDayNumber } from '../calendar/iso-date';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskName } from '../common/crypto/mask';
import { fieldInvalid } from '../common/errors/common.errors';
import { FourEyesService, ProposalView } from '../common/four-eyes/four-eyes.service';
import { assertMayPropose } from '../common/four-eyes/four-eyes.rules';
import { beijingToday } from '../common/time/beijing';
import { EvaluationService } from '../evaluation/evaluation.service';
import { MeasureCatalogueService } from '../measures/measure-catalogue.service';
import type { BanRevocationDto, ExternalBanDto } from './dto/industry-ban.dto';
import { recordStep } from './ban-proposals.repository';
import { banNotFound, banRefused, IndustryBanErrorCode, institutionUnknown, servedBeforeDecision } from './industry-bans.errors';

/** The last day of a term of `years` starting on `from` (2026-12-07 + 5 years → 2031-12-06). */
export const termUntil = (from: string, years: number): string => fromDayNumber(toDayNumber(addMonths(from, 12 * years)) - 1);

/** How a ban's decision was undone (行政复议 / 行政诉讼) and from which day it no longer applies. */
export interface BanEnd {
  reason: 'revoked' | 'changed' | 'annulled';
  endedOn: string;
  outcome: string;
  ref?: Record<string, string>;
}

export interface BanOfDecision {
  id: string;
  periodYears: number;
  fromDate: string | null;
  untilDate: string | null;
  endedOn: string | null;
}

/** A remedy decision that changes a ban's term (行政复议 / 行政诉讼 outcome `changed`). */
export interface BanTermChange {
  periodYears: number;
  decidedOn: string;
  outcome: string;
  remedyId: string;
  decisionProposalId: string;
}

/** A change may shorten or keep a term that is still running, never lengthen it (行政复议法 2023 art. 63; 行政诉讼法 art. 77). */
export function assertTermChange(ban: BanOfDecision, periodYears: number): void {
  if (ban.endedOn) throw banRefused(IndustryBanErrorCode.BAN_ENDED, '该处罚已终止执行，不能再变更期限');
  if (periodYears > ban.periodYears) {
    throw banRefused(IndustryBanErrorCode.BAN_TERM_INVALID,
      `变更后的限制从业期限不得长于原决定的${ban.periodYears}年（行政复议法第六十三条、行政诉讼法第七十七条：不得作出对申请人更为不利的变更）`,
      { periodYears: ban.periodYears });
  }
}

/** A ban in force on `$d`: decided, begun, not past its term, not revoked, changed or annulled. */
export const BAN_IN_FORCE_SQL = (b: string, d: string) => `${b}.from_date <= ${d} AND ${b}.until_date >= ${d} AND ${b}.ended_on IS NULL`;

const VIEW_COLUMNS = `b.id, b.person_name AS "personName", b.uscc, b.from_date::text AS "fromDate", b.until_date::text AS "untilDate",
  b.period_years AS "periodYears", b.reason,
  b.case_no AS "caseNo", b.record_id AS "recordId", b.source, b.proposal_id AS "proposalId", b.measure_id AS "measureId",
  b.decision_no AS "decisionNo", b.issuer, b.decision_served_on::text AS "decisionServedOn", b.ended_on::text AS "endedOn",
  b.end_reason AS "endReason", b.end_outcome AS "endOutcome"`;

/**
 * The ban as a penalty (industry_bans): written only by the head's decision at the end of the procedure, or by an
 * approver registering another authority's decision (four eyes); ended only by its own revocation, change or
 * annulment (four eyes), never by credit repair.
 */
@Injectable()
export class BanPenaltiesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: FieldCryptoService,
    private readonly fourEyes: FourEyesService,
    private readonly evaluation: EvaluationService,
    private readonly catalogue: MeasureCatalogueService,
  ) {
    fourEyes.register('external_ban', (m, p) => this.registerIn(m, p));
    fourEyes.register('ban_revocation', (m, p, decider) => this.endIn(m, p, decider));
  }

  /**
   * The penalty of a decided proposal: its term in years, no dates yet. It takes effect when the 行政处罚决定书 is
   * served (行政处罚法 art. 61; brief §7): until `startOnService` it is in force on no day (BAN_IN_FORCE_SQL).
   */
  async imposeFromProposal(m: EntityManager, proposalId: string, actor: AuthUser): Promise<{ periodYears: number }> {
    const [b] = await m.query(
      `INSERT INTO industry_bans (person_name, person_id_enc, person_id_hmac, institution_id, uscc, period_years, reason, created_by,
                                  source, proposal_id, measure_id, issuer)
       SELECT p.person_name, p.person_id_enc, p.person_id_hmac, p.institution_id, p.uscc, p.period_years, p.facts, $2, 'procedure', p.id, p.measure_id,
              (SELECT issuer_name FROM document_settings LIMIT 1)
         FROM ban_proposals p WHERE p.id = $1 RETURNING period_years AS "periodYears"`,
      [proposalId, actor.id]);
    return b;
  }

  /** The decision served on `servedOn`: the ban is in force from that day for its term (the day before the same date N years on). */
  async startOnService(m: EntityManager, proposalId: string, servedOn: string): Promise<{ fromDate: string; untilDate: string } | null> {
    const [b] = await m.query(`SELECT id, period_years AS "periodYears" FROM industry_bans WHERE proposal_id = $1`, [proposalId]);
    if (!b) return null;
    const term = { fromDate: servedOn, untilDate: termUntil(servedOn, b.periodYears) };
    await m.query(`UPDATE industry_bans SET decision_served_on = $2, from_date = $2, until_date = $3 WHERE id = $1`, [b.id, term.fromDate, term.untilDate]);
    await this.regrade(m, b.id, 'id');
    return term;
  }

  /** Another authority's 行政处罚决定书, proposed by one officer; an approver of the office registers it (four eyes). */
  async proposeExternal(dto: ExternalBanDto, actor: AuthUser): Promise<ProposalView> {
    const [measure] = await this.catalogue.choose([dto.measureId], { category: 'penalty' });
    if (dto.servedOn < dto.decidedOn) throw servedBeforeDecision();
    if (dto.servedOn > beijingToday()) throw banRefused(IndustryBanErrorCode.DATE_IN_FUTURE, '送达日期（servedOn）不能晚于今天');
    if (dto.uscc) {
      const [inst] = await this.ds.query(`SELECT 1 FROM institutions WHERE uscc = $1`, [dto.uscc]);
      if (!inst) throw institutionUnknown();
    }
    toDayNumber(dto.fromDate);
    toDayNumber(dto.untilDate);
    // 限制从业 lasts 1–10 years (教育部令第53号 art. 5 with the laws it applies); the decision states its own dates
    if (dto.untilDate < dto.fromDate || dto.untilDate > termUntil(dto.fromDate, 10)) {
      throw banRefused(IndustryBanErrorCode.BAN_TERM_INVALID, '限制从业截止日期应不早于起始日期，且期限不超过10年');
    }
    assertMayPropose(actor, actor.officeCode);
    const { untilDate } = dto;
    return this.fourEyes.propose({
      kind: 'external_ban', subjectRef: `${dto.issuer}:${dto.decisionNo}`, office: actor.officeCode, decidingRole: 'approver',
      summary: `登记${dto.issuer}限制从业决定（${dto.decisionNo}）：${maskName(dto.personName)}，${dto.fromDate} 至 ${untilDate}`,
      change: { personName: dto.personName, personIdNumber: dto.personIdNumber, uscc: dto.uscc ?? null, measureId: measure.id,
        decisionNo: dto.decisionNo, issuer: dto.issuer, decidedOn: dto.decidedOn, servedOn: dto.servedOn, fromDate: dto.fromDate, untilDate },
      reason: dto.reason,
    }, actor);
  }

  /** Revocation, change or annulment of the decision (行政复议 / 行政诉讼 outcome), proposed by one and decided by another. */
  async proposeEnd(idOrProposal: string, dto: BanRevocationDto, actor: AuthUser): Promise<ProposalView> {
    const [ban] = await this.ds.query(
      `SELECT b.id, b.ended_on, coalesce(p.office_code, i.office_code) AS office, b.person_name AS "personName", b.from_date::text AS "fromDate"
         FROM industry_bans b LEFT JOIN ban_proposals p ON p.id = b.proposal_id LEFT JOIN institutions i ON i.id = b.institution_id
        WHERE b.id::text = $1 OR b.proposal_id::text = $1`, [idOrProposal]);
    if (!ban) throw banNotFound();
    if (ban.ended_on) throw banRefused(IndustryBanErrorCode.BAN_ENDED, '该处罚已终止执行');
    if (dto.endedOn < ban.fromDate) throw fieldInvalid('endedOn', '终止日期不能早于处罚起始日期');
    const office = ban.office ?? actor.officeCode;
    assertMayPropose(actor, office);
    const labels = { revoked: '撤销', changed: '变更', annulled: '确认无效' } as const;
    return this.fourEyes.propose({
      kind: 'ban_revocation', subjectRef: ban.id, office, decidingRole: 'approver',
      summary: `限制从业决定被${labels[dto.reason]}：${maskName(ban.personName)}，自 ${dto.endedOn} 起终止执行`,
      change: { banId: ban.id, reason: dto.reason, endedOn: dto.endedOn, outcome: dto.outcome }, reason: dto.outcome,
    }, actor);
  }

  async search(idNumber?: string) {
    const rows = await this.ds.query(
      `SELECT ${VIEW_COLUMNS}, coalesce(${BAN_IN_FORCE_SQL('b', '$2::date')}, false) AS active FROM industry_bans b
        WHERE ($1::text IS NULL OR b.person_id_hmac = $1) ORDER BY b.created_at DESC LIMIT 500`,
      [idNumber ? this.crypto.blindIndex(idNumber) : null, beijingToday()]);
    return { items: rows.map((b: { personName: string }) => ({ ...b, personName: maskName(b.personName) })) };
  }

  private async registerIn(m: EntityManager, p: ProposalView): Promise<void> {
    const c = p.change as Record<string, string | null>;
    const [inst] = c.uscc ? await m.query(`SELECT id FROM institutions WHERE uscc = $1`, [c.uscc]) : [null];
    const [row] = await m.query(
      `INSERT INTO industry_bans (person_name, person_id_enc, person_id_hmac, institution_id, uscc, from_date, until_date, reason, created_by,
                                  source, measure_id, decision_no, issuer, decision_served_on)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'external',$10,$11,$12,$13) RETURNING id`,
      [c.personName, c.personIdEnc, c.personIdHmac, inst?.id ?? null, c.uscc, c.fromDate, c.untilDate, p.reason, p.proposedBy,
        c.measureId, c.decisionNo, c.issuer, c.servedOn]);
    await this.regrade(m, row.id, 'id');
  }

  private async endIn(m: EntityManager, p: ProposalView, decider: AuthUser): Promise<void> {
    const c = p.change as Record<string, string>;
    await this.end(m, c.banId, { reason: c.reason as BanEnd['reason'], endedOn: c.endedOn, outcome: c.outcome, ref: { decisionProposalId: p.id } }, decider.id);
  }

  /**
   * The bans a 行政处罚决定书 of this bureau imposed, ended because that decision was revoked on 行政复议 or 行政诉讼
   * (the remedy's outcome, decided under four eyes in src/remedies): a penalty ends with its own decision (行政复议法
   * 2023 art. 64; 行政处罚法 art. 9), never by the institution's credit repair.
   */
  async endByDecisionDocument(m: EntityManager, documentId: string, end: BanEnd, actorId: string): Promise<number> {
    const bans: { id: string }[] = await m.query(
      `SELECT b.id FROM industry_bans b JOIN ban_steps s ON s.proposal_id = b.proposal_id AND s.step = 'decision'
        WHERE s.detail->'document'->>'documentId' = $1 AND b.ended_on IS NULL`, [documentId]);
    for (const b of bans) await this.end(m, b.id, end, actorId);
    return bans.length;
  }

  /** The ban a 行政处罚决定书 of this bureau imposed (null for any other document): what a remedy against it may change. */
  async ofDecisionDocument(m: EntityManager, documentId: string): Promise<BanOfDecision | null> {
    const [b] = await m.query(
      `SELECT b.id, b.period_years AS "periodYears", b.from_date::text AS "fromDate", b.until_date::text AS "untilDate", b.ended_on::text AS "endedOn"
         FROM industry_bans b JOIN ban_steps s ON s.proposal_id = b.proposal_id AND s.step = 'decision'
        WHERE s.detail->'document'->>'documentId' = $1`, [documentId]);
    return b ?? null;
  }

  /**
   * The term of a ban whose 行政处罚决定书 a 行政复议 / 行政诉讼 decision changed (the remedy's outcome `changed`,
   * decided under four eyes in src/remedies): the new term in years, counted from the service as before, so a served
   * ban gets a new `until_date` at once and an unserved one gets it when served. Never longer: neither may change a
   * decision to the applicant's detriment (行政复议法 2023 art. 63; 行政诉讼法 art. 77). Recorded as a step of the
   * proposal with the remedy, the two terms and who decided it.
   */
  async changeTermByDecisionDocument(m: EntityManager, documentId: string, change: BanTermChange, actorId: string): Promise<void> {
    const ban = await this.ofDecisionDocument(m, documentId);
    if (!ban) return;
    assertTermChange(ban, change.periodYears);
    const untilDate = ban.fromDate ? termUntil(ban.fromDate, change.periodYears) : null;
    // an UPDATE answers [rows, count]
    const [[p]] = await m.query(
      `UPDATE industry_bans b SET period_years = $2, until_date = coalesce($3::date, b.until_date) FROM ban_proposals p
        WHERE b.id = $1 AND p.id = b.proposal_id RETURNING p.id, p.proposed_by AS "proposedBy", p.second_officer AS "secondOfficer"`,
      [ban.id, change.periodYears, untilDate]);
    await recordStep(m, p, `term-changed:${change.remedyId}`, actorId, {
      reason: 'changed', remedyId: change.remedyId, decisionProposalId: change.decisionProposalId, decidedOn: change.decidedOn, outcome: change.outcome,
      previousPeriodYears: ban.periodYears, periodYears: change.periodYears, previousUntilDate: ban.untilDate, untilDate });
    await this.regrade(m, ban.id, 'id');
  }

  /** Not in force from `endedOn`; for a ban of the procedure the end is a step of its proposal, with what ended it. */
  private async end(m: EntityManager, banId: string, e: BanEnd, actorId: string): Promise<void> {
    const [ended] = await m.query(
      `UPDATE industry_bans SET ended_on = $2, end_reason = $3, end_outcome = $4 WHERE id = $1 AND ended_on IS NULL RETURNING proposal_id AS "proposalId"`,
      [banId, e.endedOn, e.reason, e.outcome]);
    const [p] = ended?.[0]?.proposalId ? await m.query(
      `SELECT id, proposed_by AS "proposedBy", second_officer AS "secondOfficer" FROM ban_proposals WHERE id = $1`, [ended[0].proposalId]) : [];
    if (p) await recordStep(m, p, 'ended', actorId, { reason: e.reason, endedOn: e.endedOn, outcome: e.outcome, ...e.ref });
    await this.regrade(m, banId, 'id');
  }

  /** A ban caps the grade of the institutions it concerns (INDUSTRY_BAN, docs/credit-grading.md): re-grade them now. */
  private async regrade(m: EntityManager, key: string, column: 'id' | 'proposal_id'): Promise<void> {
    const concerned: { id: string }[] = await m.query(
      `SELECT DISTINCT i.id FROM industry_bans b JOIN institutions i ON i.legal_rep_id_hmac = b.person_id_hmac OR i.id = b.institution_id
        WHERE b.${column} = $1`, [key]);
    for (const c of concerned) await this.evaluation.reevaluateInstitution(c.id, m);
  }
}
