import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { PenaltyStep } from '../../workflows/penalty-procedure.workflow';
import type { AuthUser } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { samePerson } from '../common/four-eyes/four-eyes.errors';
import { decisionRefusal } from '../common/four-eyes/four-eyes.rules';
import { beijingDateOf } from '../common/time/beijing';
import type { AppEnv } from '../config/env.schema';
import { DocumentsService } from '../documents/documents.service';
import { dateText } from '../documents/templates/common';
import { MeasureCatalogueService } from '../measures/measure-catalogue.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { BanClock } from './ban-clock';
import { issueBanDocument } from './ban-documents';
import { lockProposal, proposalView, recordStep } from './ban-proposals.repository';
import { BanPenaltiesService } from './ban-penalties.service';
import type { BanDecisionDto, HearingNoticeDto, HearingRecordDto, HearingRequestDto, LegalReviewDto, ProposeBanDto, RecusalDto } from './dto/industry-ban.dto';
import { banRefused, IndustryBanErrorCode, institutionUnknown, notYourStep, servedBeforeDecision } from './industry-bans.errors';

/**
 * 限制从业 by the penalty procedure (行政处罚法 2021, docs/industry-bans.md). Each route writes its step in one
 * transaction, checked against where the proposal stands, then tells the proposal's workflow (`ban-<id>`), which
 * computes the periods the law counts. Only the head's decision (`decide`) creates the penalty the credit review reads.
 */
@Injectable()
export class BanProcedureService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly config: ConfigService<AppEnv, true>,
    private readonly crypto: FieldCryptoService,
    private readonly catalogue: MeasureCatalogueService,
    private readonly calendar: CalendarService,
    private readonly penalties: BanPenaltiesService,
    private readonly documents: DocumentsService,
    private readonly clock: BanClock,
  ) {}

  /** Two officers with enforcement certificates propose (art. 42): the caller, and a colleague who confirms it. */
  async propose(dto: ProposeBanDto, actor: AuthUser) {
    const [measure] = await this.catalogue.choose([dto.measureId], { category: 'penalty' });
    if (dto.secondOfficerId === actor.id) throw samePerson('第二名执法人员不能是承办人本人（行政处罚法第四十二条：执法人员不得少于两人）');
    const officers: { id: string; role: string; office_code: string; cert: string | null }[] = await this.ds.query(
      `SELECT id, role, office_code, enforcement_cert_no AS cert FROM users WHERE id IN ($1, $2) AND active`, [actor.id, dto.secondOfficerId]);
    const second = officers.find((o) => o.id === dto.secondOfficerId);
    if (!second || second.role !== 'officer' || second.office_code !== actor.officeCode) {
      throw banRefused(IndustryBanErrorCode.SECOND_OFFICER_INVALID, '第二名执法人员须为本科室在岗的经办人');
    }
    if (officers.some((o) => !o.cert)) throw banRefused(IndustryBanErrorCode.ENFORCEMENT_CERT_MISSING, '两名执法人员均须登记执法证号（行政处罚法第四十二条）');
    const id = await this.ds.transaction(async (m) => {
      let institutionId: string | null = null;
      if (dto.uscc) {
        const [inst] = await m.query(`SELECT id FROM institutions WHERE uscc = $1`, [dto.uscc]);
        if (!inst) throw institutionUnknown();
        institutionId = inst.id;
      }
      const [row] = await m.query(
        `INSERT INTO ban_proposals (measure_id, facts, person_name, person_id_enc, person_id_hmac, institution_id, uscc, period_years,
                                    office_code, proposed_by, second_officer)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id, proposed_by AS "proposedBy", second_officer AS "secondOfficer"`,
        [measure.id, dto.facts.trim(), dto.personName.trim(), this.crypto.encrypt(dto.personIdNumber), this.crypto.blindIndex(dto.personIdNumber),
          institutionId, dto.uscc ?? null, dto.periodYears, actor.officeCode, actor.id, dto.secondOfficerId]);
      await recordStep(m, row, 'proposed', actor.id, { periodYears: dto.periodYears, measureId: measure.id });
      return row.id as string;
    });
    await this.temporal.workflow.start('penaltyProcedureWorkflow', {
      taskQueue: this.config.get('TEMPORAL_TASK_QUEUE'), workflowId: `ban-${id}`, args: [{ proposalId: id }],
    });
    return proposalView(this.ds.manager, id);
  }

  view(id: string) {
    return proposalView(this.ds.manager, id);
  }

  /** The second officer confirms in person: four eyes on the proposal itself. */
  confirm(id: string, actor: AuthUser) {
    return this.step(id, ['proposed'], async (m, p) => {
      if (actor.id === p.proposedBy) throw samePerson('承办人不能替第二名执法人员确认');
      if (actor.id !== p.secondOfficer) throw notYourStep(IndustryBanErrorCode.NOT_SECOND_OFFICER, '只有被指定的第二名执法人员可以确认');
      await m.query(`UPDATE ban_proposals SET status = 'confirmed' WHERE id = $1`, [id]);
      // the 行政处罚事先告知书 (art. 44) is issued once both officers stand behind the proposal
      const notice = await issueBanDocument(this.documents, m, id, 'penalty-notice', {}, actor.id);
      await recordStep(m, p, 'confirmed', actor.id, { notice });
    });
  }

  /** 行政处罚事先告知书 served on the person (and the institution): the statement period starts the next day (art. 44, 64). */
  async serveNotice(id: string, servedOn: string, actor: AuthUser) {
    this.notFuture(servedOn, 'servedOn');
    return this.step(id, ['confirmed'], async (m, p) => {
      await m.query(`UPDATE ban_proposals SET status = 'noticed', notice_served_on = $2 WHERE id = $1`, [id, servedOn]);
      await recordStep(m, p, 'notice-served', actor.id, { servedOn });
    }, 'noticeServed');
  }

  /**
   * A hearing request counts if made by the last day of the statement period (5 working days from the day after
   * service, art. 64(1), 85): a request posted in time is accepted even after the period closed, until legal review.
   */
  async requestHearing(id: string, dto: HearingRequestDto, actor: AuthUser) {
    this.notFuture(dto.requestedOn, 'requestedOn');
    return this.step(id, ['noticed', 'legal_review'], async (m, p) => {
      if (!p.statementDue) throw banRefused(IndustryBanErrorCode.STATEMENT_PERIOD_PENDING, '陈述申辩期限正在计算，请稍后再登记');
      if (p.hearingRequestedOn) throw banRefused(IndustryBanErrorCode.HEARING_ALREADY_REQUESTED, `当事人已于 ${p.hearingRequestedOn} 申请听证`);
      if (dto.requestedOn > p.statementDue) {
        throw banRefused(IndustryBanErrorCode.HEARING_REQUEST_LATE, `听证申请应在事先告知书送达之次日起5个工作日内提出（截至 ${p.statementDue}），逾期视为放弃（行政处罚法第六十四条）`,
          { statementDue: p.statementDue });
      }
      await m.query(`UPDATE ban_proposals SET status = 'hearing', hearing_requested_on = $2 WHERE id = $1`, [id, dto.requestedOn]);
      await recordStep(m, p, 'hearing-requested', actor.id, { requestedOn: dto.requestedOn });
    }, 'hearingRequested');
  }

  /** 听证通知书: served at least 7 working days before the hearing (art. 64(2), 85); the chair did not investigate (art. 64(4)). */
  async noticeHearing(id: string, dto: HearingNoticeDto, actor: AuthUser) {
    this.notFuture(dto.servedOn, 'servedOn');
    return this.step(id, ['hearing'], async (m, p) => {
      if (p.hearingChair) throw banRefused(IndustryBanErrorCode.HEARING_NOTICED, '听证已通知；更换主持人请通过回避申请办理');
      await this.assertChair(m, p, dto.chairId);
      const hearingDay = beijingDateOf(new Date(dto.hearingAt));
      const latestService = await this.calendar.addWorkingDays(hearingDay, -7);
      if (dto.servedOn > latestService) {
        throw banRefused(IndustryBanErrorCode.HEARING_NOTICE_TOO_LATE, `听证通知书应在举行听证的7个工作日前送达（听证日 ${hearingDay} 须不晚于 ${latestService} 送达）`,
          { latestService });
      }
      await m.query(`UPDATE ban_proposals SET hearing_at = $2, hearing_place = $3, hearing_chair = $4, hearing_notice_served_on = $5 WHERE id = $1`,
        [id, dto.hearingAt, dto.place, dto.chairId, dto.servedOn]);
      const [chair] = await m.query(`SELECT display_name AS name FROM users WHERE id = $1`, [dto.chairId]);
      const document = await issueBanDocument(this.documents, m, id, 'hearing-notice',
        { hearingAt: dto.hearingAt, place: dto.place, chair: chair.name, requestedOn: p.hearingRequestedOn }, actor.id);
      await recordStep(m, p, 'hearing-noticed', actor.id, { hearingAt: dto.hearingAt, place: dto.place, chairId: dto.chairId, servedOn: dto.servedOn, document });
    });
  }

  /** A recusal request against the chair, decided by the head (art. 43); if granted, another chair is assigned. */
  recusal(id: string, dto: RecusalDto, actor: AuthUser) {
    return this.step(id, ['hearing'], async (m, p) => {
      if (dto.granted) {
        if (!dto.newChairId) throw banRefused(IndustryBanErrorCode.NEW_CHAIR_REQUIRED, '准予回避的，须另行指定听证主持人（newChairId）');
        await this.assertChair(m, p, dto.newChairId);
        if (dto.newChairId === p.hearingChair) throw banRefused(IndustryBanErrorCode.NEW_CHAIR_REQUIRED, '另行指定的主持人不能是被申请回避的人员');
        await m.query(`UPDATE ban_proposals SET hearing_chair = $2 WHERE id = $1`, [id, dto.newChairId]);
      }
      await recordStep(m, p, `recusal-${Date.now()}`, actor.id, { request: dto.request, granted: dto.granted, previousChair: p.hearingChair,
        newChairId: dto.newChairId ?? null });
    });
  }

  /** The signed 听证笔录, recorded by the hearing's chair (art. 64(8)); the case goes on to legal review. */
  async recordHearing(id: string, dto: HearingRecordDto, actor: AuthUser) {
    this.notFuture(dto.heardOn, 'heardOn');
    return this.step(id, ['hearing'], async (m, p) => {
      if (!p.hearingChair) throw banRefused(IndustryBanErrorCode.HEARING_NOT_NOTICED, '尚未送达听证通知书');
      if (actor.id !== p.hearingChair) throw notYourStep(IndustryBanErrorCode.NOT_HEARING_CHAIR, '听证笔录由本案听证主持人登记');
      // the hearing is held at the time the notice gave the parties (art. 64(2)): not before that day
      const [{ noticed }] = await m.query(`SELECT hearing_at AS noticed FROM ban_proposals WHERE id = $1`, [id]);
      const hearingDay = beijingDateOf(new Date(noticed));
      if (dto.heardOn < hearingDay) {
        throw banRefused(IndustryBanErrorCode.HEARING_BEFORE_NOTICED_DAY, `听证应在听证通知书载明的日期（${hearingDay}）举行，听证日期不能早于该日（行政处罚法第六十四条）`,
          { hearingDay });
      }
      await m.query(`UPDATE ban_proposals SET status = 'legal_review', heard_on = $2 WHERE id = $1`, [id, dto.heardOn]);
      const [h] = await m.query(
        `SELECT p.hearing_at AS "heardAt", p.hearing_place AS place, c.display_name AS chair,
                array[(SELECT display_name FROM users WHERE id = p.proposed_by), (SELECT display_name FROM users WHERE id = p.second_officer)] AS investigators
           FROM ban_proposals p JOIN users c ON c.id = p.hearing_chair WHERE p.id = $1`, [id]);
      const document = await issueBanDocument(this.documents, m, id, 'hearing-record',
        { ...h, heardAt: new Date(h.heardAt).toISOString(), record: dto.record }, actor.id);
      await recordStep(m, p, 'hearing-record', actor.id, { heardOn: dto.heardOn, record: dto.record, signedBy: dto.signedBy, document });
    });
  }

  /** 法制审核 before the decision (art. 58): without it, or if it does not pass, no decision may be made. */
  legalReview(id: string, dto: LegalReviewDto, actor: AuthUser) {
    return this.step(id, ['legal_review'], async (m, p) => {
      await m.query(`UPDATE ban_proposals SET status = $2, legal_reviewed_by = $3, legal_opinion = $4 WHERE id = $1`,
        [id, dto.passed ? 'head_decision' : 'not_imposed', actor.id, dto.opinion]);
      await recordStep(m, p, 'legal-review', actor.id, { passed: dto.passed, opinion: dto.opinion });
    }, dto.passed ? undefined : 'notImposed');
  }

  /**
   * The head decides (art. 57); 限制从业 is a serious penalty (brief §5), so only by collective discussion. An imposed
   * ban has its term from here but takes effect only when its decision is served (`serveDecision`, art. 61).
   */
  decide(id: string, dto: BanDecisionDto, actor: AuthUser) {
    return this.step(id, ['head_decision'], async (m, p) => {
      const refusal = decisionRefusal(actor, { decidingRole: 'head', office: null, involved: [p.proposedBy, p.secondOfficer, p.hearingChair] });
      if (refusal) throw refusal;
      if (dto.impose && !dto.collectiveDiscussion) {
        throw banRefused(IndustryBanErrorCode.COLLECTIVE_DISCUSSION_REQUIRED, '限制从业属于较重的行政处罚，应当由行政机关负责人集体讨论决定（行政处罚法第五十七条）');
      }
      const today = this.clock.today();
      await m.query(`UPDATE ban_proposals SET status = $2, decided_by = $3, collective_discussion = $4, decision_date = $5 WHERE id = $1`,
        [id, dto.impose ? 'decided' : 'not_imposed', actor.id, dto.collectiveDiscussion, today]);
      await recordStep(m, p, 'decision', actor.id, { impose: dto.impose, collectiveDiscussion: dto.collectiveDiscussion, reason: dto.reason });
      if (dto.impose) {
        await this.penalties.imposeFromProposal(m, id, actor);
        await this.issueDecision(m, id, actor);
      }
    }, dto.impose ? 'decided' : 'notImposed');
  }

  /**
   * 行政处罚决定书 served (art. 61: within 7 working days of the decision; a later service is recorded as late). The
   * ban takes effect on the day of service and its term runs from it (brief §7: an effect starts from a served document).
   */
  async serveDecision(id: string, servedOn: string, actor: AuthUser) {
    this.notFuture(servedOn, 'servedOn');
    return this.step(id, ['decided'], async (m, p) => {
      const [{ serveBy, served }] = await m.query(
        `SELECT serve_by::text AS "serveBy", decision_served_on AS served FROM ban_proposals WHERE id = $1`, [id]);
      if (served) throw banRefused(IndustryBanErrorCode.DECISION_SERVED, '决定书已登记送达');
      if (servedOn < p.decisionDate!) throw servedBeforeDecision();
      await m.query(`UPDATE ban_proposals SET decision_served_on = $2 WHERE id = $1`, [id, servedOn]);
      const term = await this.penalties.startOnService(m, id, servedOn);
      await recordStep(m, p, 'decision-served', actor.id, { servedOn, serveBy, late: serveBy !== null && servedOn > serveBy, ...term });
    }, 'decisionServed');
  }

  /** 行政处罚决定书 (art. 59): the term counted from its service, the notice it follows, whether a hearing was held, the remedies. */
  private async issueDecision(m: import('typeorm').EntityManager, id: string, actor: AuthUser) {
    const [s] = await m.query(
      `SELECT (SELECT detail->'notice'->>'docNo' FROM ban_steps WHERE proposal_id = $1 AND step = 'confirmed') AS "noticeDocNo",
              hearing_requested_on::text AS requested, heard_on::text AS heard FROM ban_proposals WHERE id = $1`, [id]);
    const hearing = s.heard ? `你于${dateText(s.requested)}要求听证，本局于${dateText(s.heard)}举行了听证，听取了你的陈述和申辩。` : '你在规定期限内未要求听证。';
    const document = await issueBanDocument(this.documents, m, id, 'penalty-decision',
      { noticeDocNo: s.noticeDocNo ?? '见案卷', hearing }, actor.id);
    if (document) {
      await m.query(`UPDATE industry_bans SET decision_no = $2 WHERE proposal_id = $1`, [id, document.docNo]);
      await m.query(`UPDATE ban_steps SET detail = detail || jsonb_build_object('document', $2::jsonb) WHERE proposal_id = $1 AND step = 'decision'`,
        [id, JSON.stringify(document)]);
    }
  }

  private async assertChair(m: import('typeorm').EntityManager, p: { proposedBy: string; secondOfficer: string }, chairId: string) {
    if (chairId === p.proposedBy || chairId === p.secondOfficer) {
      throw notYourStep(IndustryBanErrorCode.CHAIR_INVESTIGATED, '听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条），本案执法人员不能担任主持人');
    }
    // the chair signs and records the 听证笔录 (POST /:id/hearing-record: officer, approver, legal); the head decides
    // the penalty after the hearing (art. 57) and the recusal of its chair (art. 43), so does not chair it
    const [chair] = await m.query(`SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('officer','approver','legal')`, [chairId]);
    if (!chair) throw banRefused(IndustryBanErrorCode.CHAIR_INVALID, '听证主持人须为本局在岗的经办人、审核人或法制审核人员（负责人决定回避和处罚，不主持听证）');
  }

  private notFuture(date: string, field: string) {
    if (date > this.clock.today()) throw banRefused(IndustryBanErrorCode.DATE_IN_FUTURE, `日期（${field}）不能晚于今天`);
  }

  private async step(id: string, expected: Parameters<typeof lockProposal>[2],
    write: (m: import('typeorm').EntityManager, p: Awaited<ReturnType<typeof lockProposal>>) => Promise<void>, signal?: PenaltyStep) {
    await this.ds.transaction(async (m) => write(m, await lockProposal(m, id, expected)));
    if (signal) await this.temporal.workflow.getHandle(`ban-${id}`).signal<[PenaltyStep]>('penaltyStep', signal);
    return proposalView(this.ds.manager, id);
  }
}
