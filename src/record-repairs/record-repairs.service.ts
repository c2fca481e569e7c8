import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { toDayNumber } from '../calendar/iso-date';
import { DomainException } from '../common/errors/domain.exception';
import { fieldInvalid } from '../common/errors/common.errors';
import { assertMayDecide } from '../common/four-eyes/four-eyes.rules';
import { CreditFileService } from '../credit-file/credit-file.service';
import { creditRecordNotFound } from '../credit-file/credit-record.errors';
import { shanghaiToday } from '../credit-file/credit-status';
import { DocumentsService } from '../documents/documents.service';
import { DocumentSettingsService } from '../documents/settings/document-settings.service';
import { EffectsService } from '../effects/effects.service';
import { OutboxService } from '../platform/outbox.service';
import { PoliciesService } from '../policies/policies.service';
import { notFound } from '../common/errors/domain.exception';
import { PublicityErrorCode } from '../publicity/publicity.errors';
import { determinerOf } from './determiner';
import type { RecordRepairViewDto, RepairChannel, RepairStatus } from './dto/record-repair.dto';
import { RecordRepairErrorCode as Code, recordRepairNotFound, repairError } from './record-repairs.errors';
import { NewRepair, RecordRepairsRepository, ROUTE_LABELS, STATUS_LABELS, TargetRecord } from './record-repairs.repository';
import { unmetConditions } from './repair-conditions';

export interface RepairApplication {
  recordId: string;
  route: RepairChannel;
  /** 信用中国's own application id: the same push twice is one application. */
  externalRef?: string | null;
  receivedOn: string;
  correction: string;
  commitment?: string | null;
  commitmentSignedOn?: string | null;
  fileIds?: string[];
}

/**
 * Repair of a record outside a case (issue #19, docs/effects.md): a 双公示 penalty the bureau determined, applied for
 * through the portal, at the counter or from 信用中国 via the municipal platform. 谁认定谁修复 (国家发展改革委令第36号):
 * another department's record is referred to it with a letter, never decided here. Acceptance and decision are due
 * within the policy's working days (repairAcceptanceDays, repairDecisionDays: 3 and 10 by default, 36号令 and
 * 国办发〔2025〕22号 practice), dated by the calendar service. Granting ends the record's credit measures only — the
 * penalty's own term and its fine stand — and every outcome is fed back to the platform, which forwards the ones
 * that came from 信用中国. Each step is one transaction, including its document and its outbox row.
 */
@Injectable()
export class RecordRepairsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: RecordRepairsRepository,
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
    private readonly creditFile: CreditFileService,
    private readonly documents: DocumentsService,
    private readonly settings: DocumentSettingsService,
    private readonly effects: EffectsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Files an application; another department's record is referred at once (with its letter), its own waits for acceptance. */
  async apply(a: RepairApplication, actor: AuthUser | null, m?: EntityManager): Promise<RecordRepairViewDto> {
    toDayNumber(a.receivedOn);
    const today = shanghaiToday();
    if (a.receivedOn > today) throw fieldInvalid('receivedOn', '收到日期不能晚于今天');
    if (a.commitmentSignedOn) {
      toDayNumber(a.commitmentSignedOn);
      if (a.commitmentSignedOn > today) throw fieldInvalid('commitmentSignedOn', '承诺书签署日期不能晚于今天');
    }
    const { document } = await this.policies.active();
    const acceptDue = await this.calendar.addWorkingDays(a.receivedOn, document.repairAcceptanceDays);
    const run = async (tx: EntityManager) => {
      if (a.externalRef) {
        const known = await this.repo.byExternalRef(tx, a.route, a.externalRef);
        if (known) return (await this.repo.view(known, tx))!;
      }
      const target = await this.repo.target(tx, a.recordId);
      if (!target || (actor?.role === 'institution' && target.uscc !== actor.uscc)) throw creditRecordNotFound();
      const who = determinerOf(target, (await this.settings.get(tx)).issuerCode);
      if (who.kind === 'case') {
        throw repairError(Code.REPAIR_VIA_CASE, '该记录是失信行为认定案件的记录，请在案件中申请信用修复', HttpStatus.CONFLICT, { caseNo: target.payload.caseNo ?? null });
      }
      if (who.kind === 'not-repairable') {
        throw repairError(Code.RECORD_NOT_REPAIRABLE, '该信用记录不是失信信息（行政处罚等），无需信用修复', HttpStatus.UNPROCESSABLE_ENTITY);
      }
      if (who.kind === 'unknown') {
        throw repairError(Code.RECORD_DETERMINER_UNKNOWN, '该行政处罚信息未载明处罚机关代码，无法确定认定机关（谁认定、谁修复），请先更正该信息再申请信用修复', HttpStatus.UNPROCESSABLE_ENTITY);
      }
      if (who.kind === 'own') this.assertOpen(target, today);
      if (await this.repo.openFor(tx, target.id)) {
        throw repairError(Code.REPAIR_ALREADY_OPEN, '该记录已有信用修复申请正在办理，请等待办理结果', HttpStatus.CONFLICT);
      }
      const id = await this.repo.insert(tx, newRepair(target, a, acceptDue, who.kind === 'other' ? who.department : null, actor));
      if (who.kind === 'other') await this.refer(tx, id, target, a, who.department, actor);
      return (await this.repo.view(id, tx))!;
    };
    return m ? run(m) : this.ds.transaction(run);
  }

  /** 受理 or 不予受理 by an officer; accepting starts the decision's working days. */
  accept(id: string, outcome: 'accept' | 'reject', reason: string | undefined, actor: AuthUser): Promise<RecordRepairViewDto> {
    return this.ds.transaction(async (m) => {
      await this.atStep(m, id, 'submitted', '待受理');
      const today = shanghaiToday();
      if (outcome === 'reject') {
        await this.notAccepted(m, id, reason!, actor);
      } else {
        const { document } = await this.policies.active();
        const decideDue = await this.calendar.addWorkingDays(today, document.repairDecisionDays);
        await this.repo.update(m, id, { status: 'accepted', accepted_on: today, accepted_by: actor.id, decide_due: decideDue });
      }
      return (await this.repo.view(id, m))!;
    });
  }

  /**
   * 准予修复 or 不予修复 by an approver who neither entered nor accepted the application (four eyes). Granting checks
   * the 36号令 conditions first and refuses with the first unmet one's code; both outcomes issue the decision document.
   */
  decide(id: string, outcome: 'grant' | 'refuse', reason: string, actor: AuthUser): Promise<RecordRepairViewDto> {
    return this.ds.transaction(async (m) => {
      const row = await this.atStep(m, id, 'accepted', '已受理待决定');
      assertMayDecide(actor, { decidingRole: 'approver', office: row.officeCode, involved: [row.acceptedBy, row.createdBy].filter((x): x is string => !!x) });
      const target = (await this.repo.target(m, row.recordId))!;
      const today = shanghaiToday();
      if (outcome === 'grant') {
        this.assertOpen(target, today);
        const unmet = unmetConditions({
          severity: target.severity, repairableFrom: target.repairableFrom, fineImposed: fineImposed(target),
          finePaidOn: target.finePaidOn, commitmentSignedOn: row.commitmentSignedOn, today,
        });
        if (unmet.length) {
          throw new DomainException(unmet[0].code, unmet.map((u) => u.message).join('；'), HttpStatus.UNPROCESSABLE_ENTITY, { unmet });
        }
      }
      const granted = outcome === 'grant';
      const doc = await this.documents.issue({
        kind: 'record-repair-decision', ...addressee(target), idempotencyKey: `record-repair:${id}:decision`, actorId: actor.id,
        data: { approved: granted, applicationReceivedOn: row.receivedOn, recordTitle: target.title, ...(granted ? { effectiveOn: today } : { reasons: reason }) },
      }, m);
      let repairRecordId: string | null = null;
      if (granted) {
        // the repair record ends publication and sharing as it is appended (effects.store endEffectsOnAppend) and is
        // submitted to the platform; the penalty's own effects (fine, ban) are untouched (effect-rules.ts)
        const repair = await this.creditFile.append({
          ...owner(target), kind: 'repair', title: `信用修复：${target.title}`, decisionDate: today, refersTo: target.id,
          payload: { applicationId: id, route: row.route, reason, decisionDocNo: doc.docNo }, sourceRef: `record-repair:${id}`,
          officeCode: target.officeCode, createdBy: actor.id,
        }, m);
        await this.effects.endCreditMeasures(target.id, 'repair', today, m, { reason, ref: repair.id, actorId: actor.id });
        repairRecordId = repair.id;
      }
      await this.repo.update(m, id, {
        status: granted ? 'granted' : 'refused', decided_on: today, decided_by: actor.id, reason, document_id: doc.id, repair_record_id: repairRecordId,
      });
      await this.feedBack(m, id);
      return (await this.repo.view(id, m))!;
    });
  }

  /** 罚款已缴纳: date and receipt, once per penalty; what the repair condition "every obligation fulfilled" reads. */
  recordFinePayment(decisionId: string, p: { paidOn: string; receiptNo: string; amountYuan?: number }, actor: AuthUser) {
    toDayNumber(p.paidOn);
    if (p.paidOn > shanghaiToday()) throw fieldInvalid('paidOn', '缴纳日期不能晚于今天');
    return this.ds.transaction(async (m) => {
      const [d] = await m.query(`SELECT id, kind, fields, decision_date::text AS "decisionDate" FROM publicity_decisions WHERE id = $1 FOR UPDATE`, [decisionId]);
      if (!d) throw notFound(PublicityErrorCode.PUBLICITY_DECISION_NOT_FOUND, '双公示决定不存在');
      const categories = Array.isArray(d.fields?.penaltyCategory) ? (d.fields.penaltyCategory as string[]) : [];
      if (d.kind !== 'penalty' || !categories.includes('罚款')) {
        throw repairError(Code.NO_FINE_IMPOSED, '该决定未处以罚款，无需登记缴纳情况', HttpStatus.UNPROCESSABLE_ENTITY);
      }
      if (p.paidOn < d.decisionDate) throw fieldInvalid('paidOn', '缴纳日期不能早于处罚决定日期');
      const created = await this.repo.insertFinePayment(m, { decisionId, paidOn: p.paidOn, receiptNo: p.receiptNo.trim(), amountYuan: p.amountYuan ?? null, actorId: actor.id });
      if (!created) throw repairError(Code.FINE_PAYMENT_EXISTS, '该罚款的缴纳情况已登记', HttpStatus.CONFLICT);
      return this.repo.finePayment(m, decisionId);
    });
  }

  async get(id: string, actor?: AuthUser): Promise<RecordRepairViewDto> {
    const view = await this.repo.view(id);
    if (!view || (actor?.role === 'institution' && view.uscc !== actor.uscc)) throw recordRepairNotFound();
    if (view.status !== 'submitted' && view.status !== 'accepted') return view;
    // what the approver would be refused with today, shown before the decision instead of after it
    const target = await this.repo.target(this.ds.manager, view.recordId);
    const unmet = target ? unmetConditions({
      severity: target.severity, repairableFrom: target.repairableFrom, fineImposed: fineImposed(target),
      finePaidOn: target.finePaidOn, commitmentSignedOn: view.commitmentSignedOn, today: shanghaiToday(),
    }) : [];
    return { ...view, unmetConditions: unmet.map((u) => u.message) };
  }

  list(q: { uscc?: string; status?: RepairStatus }) {
    return this.repo.list(q);
  }

  /**
   * Feeds the outcome back to the municipal platform (brief §6); the platform forwards it to 信用中国 when the
   * application came from there. One submission per application and outcome.
   */
  private async feedBack(m: EntityManager, id: string): Promise<void> {
    const v = (await this.repo.view(id, m))!;
    const target = (await this.repo.target(m, v.recordId))!;
    await this.outbox.enqueue(m, {
      recordType: 'repair_result', recordRef: id, uscc: v.uscc, officeCode: null, idempotencyKey: `record-repair-result:${id}:${v.status}`,
      payload: {
        applicationId: id, route: v.route, externalRef: v.externalRef, recordId: v.recordId, recordTitle: v.recordTitle, status: v.status,
        statusLabel: v.statusLabel, receivedOn: v.receivedOn, decidedOn: v.decidedOn, reason: v.reason, referredTo: v.referredTo,
        documentNo: v.documentNo, ...personOf(target),
      },
    });
  }

  /**
   * A 信用中国 application for a record of ours that the rules refuse at intake (already repaired, one open, not
   * repairable…) is filed and refused for acceptance at once, with its document, as an officer's 不予受理 would be.
   */
  async refuseAtIntake(m: EntityManager, a: RepairApplication, reason: string): Promise<void> {
    const target = (await this.repo.target(m, a.recordId))!;
    const { document } = await this.policies.active();
    const acceptDue = await this.calendar.addWorkingDays(a.receivedOn, document.repairAcceptanceDays);
    await this.notAccepted(m, await this.repo.insert(m, newRepair(target, a, acceptDue, null, null)), reason, null);
  }

  /**
   * 不予受理 is a decision on the applicant's request: the 不予受理决定书 with the reasons and the remedies, addressed
   * and served like the repair decision (electronically where consented, else on paper with its 送达回证), then fed back.
   */
  async notAccepted(m: EntityManager, id: string, reason: string, actor: AuthUser | null): Promise<void> {
    const row = (await this.repo.lock(m, id))!;
    const target = (await this.repo.target(m, row.recordId))!;
    const doc = await this.documents.issue({
      kind: 'record-repair-not-accepted', ...addressee(target), idempotencyKey: `record-repair:${id}:not-accepted`, actorId: actor?.id ?? null,
      data: { applicationReceivedOn: row.receivedOn, recordTitle: target.title, routeLabel: ROUTE_LABELS[row.route], reasons: reason },
    }, m);
    const today = shanghaiToday();
    await this.repo.update(m, id, { status: 'not_accepted', accepted_on: today, accepted_by: actor?.id ?? null, decided_on: today, reason, document_id: doc.id });
    await this.feedBack(m, id);
  }

  /** 谁认定谁修复: the application goes to the department with a letter; the applicant and the platform learn where. */
  private async refer(m: EntityManager, id: string, target: TargetRecord, a: RepairApplication, department: string, actor: AuthUser | null) {
    const doc = await this.documents.issue({
      kind: 'repair-referral-letter', ...addressee(target), idempotencyKey: `record-repair:${id}:referral`, actorId: actor?.id ?? null,
      data: { department, applicationReceivedOn: a.receivedOn, recordTitle: target.title, routeLabel: ROUTE_LABELS[a.route] },
    }, m);
    await this.repo.update(m, id, { document_id: doc.id, decided_on: shanghaiToday(), reason: `该信息由${department}认定，已转其办理（谁认定、谁修复）` });
    await this.feedBack(m, id);
  }

  private async atStep(m: EntityManager, id: string, status: RepairStatus, label: string) {
    const row = await this.repo.lock(m, id);
    if (!row) throw recordRepairNotFound();
    if (row.status !== status) {
      throw repairError(Code.REPAIR_NOT_AT_STEP, `该申请不在“${label}”环节（当前：${STATUS_LABELS[row.status]}），不能办理此操作`, HttpStatus.CONFLICT, { status: row.status });
    }
    return row;
  }

  /** A record repaired, withdrawn or past its maximum period has nothing left to repair. */
  private assertOpen(target: TargetRecord, today: string): void {
    if (target.ended || (target.publicityUntil && target.publicityUntil < today)) {
      throw repairError(Code.RECORD_ALREADY_ENDED, '该信息已修复、撤销或公示期满，无需再申请信用修复', HttpStatus.CONFLICT);
    }
  }
}

const newRepair = (target: TargetRecord, a: RepairApplication, acceptDue: string, referredTo: string | null, actor: AuthUser | null): NewRepair => ({
  recordId: target.id, decisionId: target.decisionId, institutionId: target.institutionId, uscc: target.uscc,
  officeCode: target.officeCode, route: a.route, externalRef: a.externalRef ?? null, receivedOn: a.receivedOn,
  commitment: a.commitment?.trim() || null, commitmentSignedOn: a.commitment?.trim() ? (a.commitmentSignedOn ?? a.receivedOn) : null,
  correction: a.correction, fileIds: a.fileIds ?? [], acceptDue, referredTo, createdBy: actor?.id ?? null,
});
/** A person has no USCC: the platform takes the 证件类型 and the sealed number, as with the person's penalty (issue #19). */
const personOf = (t: TargetRecord) => (t.uscc ? {} : {
  subjectId: t.subjectId, payload: { subjectCategory: '自然人', idType: t.payload.idType ?? null, idEnc: t.payload.idEnc ?? null },
});
const fineImposed = (t: TargetRecord) => Array.isArray(t.payload.penaltyCategory) && (t.payload.penaltyCategory as unknown[]).includes('罚款');

/** The record's owner: an institution by USCC, a natural person by subject (issue #19). */
const owner = (t: TargetRecord) => (t.uscc ? { uscc: t.uscc } : { subjectId: t.subjectId! });
/** A person has no portal and no consent to electronic service: the document waits for paper service. */
const addressee = (t: TargetRecord) => (t.uscc ? { uscc: t.uscc } : { subjectId: t.subjectId!, serve: false });
