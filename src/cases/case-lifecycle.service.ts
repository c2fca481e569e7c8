import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addMonths } from '../calendar/iso-date';
import { CreditFileService } from '../credit-file/credit-file.service';
import { NotificationsService } from '../notifications/notifications.service';
import { JointSanctionService } from '../platform/joint-sanction.service';
import { PoliciesService } from '../policies/policies.service';
import { publicityPeriods } from '../publicity/publicity-periods';
import { MeasureCatalogueService } from '../measures/measure-catalogue.service';
import type { Actor, CaseInput, CaseWrite, ConfirmedSanction, Severity } from '../../workflows/contracts';
import { CaseDeadlineRepository } from './case-deadline.repository';
import { CaseTaskRepository } from './case-task.repository';
import { CaseRepository, CaseRow } from './case.repository';

/** 拒不履行整改要求 (catalogue-2026.ts): the item a failed rectification after the last interview opens a case for. */
export const REFUSAL_ITEM = 'EDU-010';

/**
 * Ends the determination's credit measures in the caller's transaction and sends the lifting letters: the activity
 * passes `EffectsService.endCreditMeasures` (src/effects), the one sender of 解除联合惩戒函 (issue #16).
 */
export type EndMeasures = (m: EntityManager, determinationRecordId: string) => Promise<unknown>;

const OUTCOME_LABELS: Record<string, string> = {
  NOT_DETERMINED: '异议成立，不予认定', PUBLICATION_ENDED: '公示期满，停止公示', REPAIRED: '准予信用修复', WITHDRAWN: '案件已撤销',
  PUBLICATION_ENDED_UNRECTIFIED: '公示期满，停止公示；整改仍未到位，继续重点监管', REVOKED: '原决定已被撤销，案件终结',
};

/**
 * The case workflow's writes into the credit file, bans, notices and notifications. Each method is one
 * transaction and idempotent: credit records are keyed by `caseNo:step`, so a retried activity finds its record.
 * `writes` are what the workflow queued before this step (workflows/contracts/writes.ts); they go first, in the same transaction.
 */
@Injectable()
export class CaseLifecycleService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tasks: CaseTaskRepository,
    private readonly deadlines: CaseDeadlineRepository,
    private readonly creditFile: CreditFileService,
    private readonly notifications: NotificationsService,
    private readonly sanctions: JointSanctionService,
    private readonly policies: PoliciesService,
    private readonly measureCatalogue: MeasureCatalogueService,
  ) {}

  /** Fixes the decision date, writes the determination into the credit file (and so to the platform). */
  async determine(a: { caseNo: string; severity: Severity; decisionDate: string; policyVersion: number }, writes: CaseWrite[] = []) {
    const { document: policy } = await this.policies.byVersion(a.policyVersion);
    // 36号令 by class (src/publicity/publicity-periods.ts): a minor record is recorded, not published; repair opens the
    // day after the minimum ends (民法典 art. 201–202). The case runs until the class's maximum either way.
    const { publish, publicityUntil, repairableFrom } = publicityPeriods(a.severity, a.decisionDate, policy.publicity);
    const effectiveUntil = addMonths(a.decisionDate, policy.publicity[a.severity].maxMonths);
    await this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, a.caseNo, writes);
      const c = await this.cases.withParties(m, a.caseNo);
      const record = await this.creditFile.append({
        uscc: c.uscc, kind: 'determination', title: `失信行为认定：${c.title}`, decisionDate: a.decisionDate, severity: a.severity,
        publicityFrom: publish ? a.decisionDate : null, publicityUntil,
        // the approved findings, not the lead: the payload is what the platform receives
        payload: { behaviourCode: c.behaviour_code, catalogueVersion: c.catalogue_version, facts: c.findings, severity: a.severity },
        sourceRef: `${a.caseNo}:determination`, caseNo: a.caseNo, officeCode: c.office_code,
      }, m);
      await this.cases.setDetermination(m, { ...a, recordId: record.id, repairableFrom, publicityUntil });
      // the institution learns of the determination when its decision is served (served-notice.ts), not before
    });
    return { decisionDate: a.decisionDate, repairableFrom, publicityUntil, effectiveUntil };
  }

  async scheduleInterview(a: { caseNo: string; kind: 'reminder' | 'warning'; round: number; scheduledAt: string; place: string; attendees: string[] }) {
    return this.cases.transaction(async (m) => {
      // the institution is told by the 约谈通知书 once it is served (served-notice.ts), not when the officer plans it
      const interviewId = await this.cases.scheduleInterview(m, a);
      return { interviewId };
    });
  }

  /** An interview is a credit record and goes to the municipal platform (the plan requires both). */
  async recordInterview(a: { caseNo: string; interviewId: string; kind: 'reminder' | 'warning'; minutes: string; attendees: string[]; outcome: string; heldOn: string }) {
    await this.cases.transaction(async (m) => {
      const c = await this.cases.withParties(m, a.caseNo);
      const record = await this.creditFile.append({
        uscc: c.uscc, kind: 'interview', title: a.kind === 'reminder' ? '提示性约谈' : '警示性约谈', decisionDate: a.heldOn,
        payload: { interviewKind: a.kind, attendees: a.attendees, minutes: a.minutes, outcome: a.outcome },
        sourceRef: `${a.caseNo}:interview:${a.interviewId}`, caseNo: a.caseNo, officeCode: c.office_code,
      }, m);
      await this.cases.interviewHeld(m, { ...a, recordId: record.id });
    });
  }

  /**
   * The term a 列入严重失信主体名单决定书 names: the determination's publication end (the serious class's maximum,
   * 36号令), since the entry is a credit measure resting on that record and ends with it. Read before the decision is
   * issued; nothing is written.
   */
  async listTerm(caseNo: string): Promise<{ listUntil: string }> {
    return this.cases.transaction(async (m) => {
      const c = await this.cases.withParties(m, caseNo);
      const [d] = await m.query(`SELECT publicity_until::text AS until FROM credit_records WHERE id = $1`, [c.determination_record_id]);
      return { listUntil: d.until as string };
    });
  }

  /**
   * 列入严重失信主体名单 (国办发〔2020〕49号): the head's decision, once served, makes the entry a credit measure of the
   * determination from the day of service (brief §7: an effect starts from a served document) to the term the
   * decision named. Repair, withdrawal or revocation of the determination ends it with the others (36号令 art. 3;
   * `EffectsService.endCreditMeasures`).
   */
  async enterList(a: { caseNo: string; listedOn: string; listUntil: string; basis: string; decidedBy: string }): Promise<{ listedOn: string; listUntil: string }> {
    return this.cases.transaction(async (m) => {
      const c = await this.cases.withParties(m, a.caseNo);
      await m.query(
        `INSERT INTO credit_effects (record_id, institution_id, uscc, case_no, office_code, type, kind, measure, basis, starts_on, ends_on, effect_key)
         SELECT r.id, r.institution_id, r.uscc, r.case_no, r.office_code, 'credit-measure', 'list-entry', '列入严重失信主体名单', $2, $3, $4, 'list-entry'
           FROM credit_records r WHERE r.id = $1
         ON CONFLICT (record_id, effect_key) DO NOTHING`,
        [c.determination_record_id, `国办发〔2020〕49号；${a.basis}（局负责人决定）`, a.listedOn, a.listUntil]);
      // the institution was told by the 列入决定书's service (served-notice.ts), the day this entry starts
      return { listedOn: a.listedOn, listUntil: a.listUntil };
    });
  }

  /**
   * Joint sanction on a list entry: the measures the approver confirmed, each a catalogue measure whose basis allows it
   * after this item and severity (MeasureCatalogueService.choose refuses anything else with a 400). The record's
   * window is the list entry's term (its measures end with the entry, not on the decision day); one notice per
   * department that applies a confirmed measure. An industry ban is not ordered here: it is a penalty of its own.
   */
  async confirmSanction(a: { caseNo: string; decisionDate: string; measures: string[]; reason: string; listUntil: string }): Promise<ConfirmedSanction> {
    return this.cases.transaction(async (m) => {
      const c = await this.cases.withParties(m, a.caseNo);
      const chosen = a.measures.length
        ? await this.measureCatalogue.choose(a.measures, { category: 'joint_sanction', itemCode: c.behaviour_code, severity: c.severity }, m)
        : [];
      // none confirmed: no sanction on record (the approver's reason is the task's completion on the case)
      if (!chosen.length) return { letters: [] };
      const departments = [...new Set(chosen.flatMap((x) => x.departments))];
      await this.creditFile.append({
        uscc: c.uscc, kind: 'joint_sanction', title: '联合惩戒', decisionDate: a.decisionDate, severity: c.severity,
        publicityFrom: a.decisionDate, publicityUntil: a.listUntil,
        payload: {
          measures: chosen.map((x) => ({ id: x.id, name: x.name, basis: x.legalBasis, departments: x.departments, until: a.listUntil })),
          departments, reason: a.reason,
        },
        sourceRef: `${a.caseNo}:joint-sanction`, caseNo: a.caseNo, officeCode: c.office_code, submitToPlatform: false,
      }, m);
      await this.sanctions.sendNotices(m, { caseNo: a.caseNo, uscc: c.uscc, measures: chosen.map((x) => x.id), departments, officeCode: c.office_code, decisionDate: a.decisionDate });
      return {
        letters: departments.map((department) => ({
          department, measures: chosen.filter((x) => x.departments.includes(department)).map((x) => `${x.name}（依据：${x.legalBasis}）`),
        })),
      };
    });
  }

  /** Repair ends every credit measure of the record together; `end` sends the lifting letters in this transaction. */
  async repair(a: { caseNo: string; decisionDate: string; routes: string[]; reason: string }, end?: EndMeasures) {
    await this.endingRecord(a.caseNo, 'repair', '信用修复', a.decisionDate, { routes: a.routes, reason: a.reason }, end);
  }

  async endPublication(a: { caseNo: string; decisionDate: string }, end?: EndMeasures) {
    await this.endingRecord(a.caseNo, 'publication_end', '公示期满，停止公示', a.decisionDate, {}, end);
  }

  /**
   * 拒不整改 (brief §3 step 8): a rectification still failed after the last interview is a behaviour of its own
   * (catalogue item EDU-010, its own severity) and opens a case of its own; answers that case's input, under the
   * catalogue version and policy version of this one.
   */
  async refusalCaseInput(a: { caseNo: string; registeredBy: Actor }, policyVersion: number): Promise<CaseInput> {
    const { c, item, held } = await this.cases.transaction(async (m) => {
      const row = await this.cases.withParties(m, a.caseNo);
      const [found] = await m.query(
        `SELECT code, version, severity, rectification_days AS days FROM catalogue_items WHERE version = $1 AND code = $2`,
        [row.catalogue_version, REFUSAL_ITEM]);
      const interviews = await m.query(`SELECT DISTINCT kind FROM interviews WHERE case_no = $1 AND status = 'held'`, [a.caseNo]);
      return { c: row, item: found, held: new Set((interviews as { kind: string }[]).map((i) => i.kind)) };
    });
    if (!item) throw new Error(`catalogue version ${c.catalogue_version} has no ${REFUSAL_ITEM}`);
    return {
      caseNo: await this.cases.nextCaseNo(), institutionId: c.institution_id, uscc: c.uscc, behaviourCode: item.code, catalogueVersion: item.version,
      policyVersion, severity: item.severity, rectificationCalendarDays: item.days,
      facts: `案件 ${a.caseNo} 经${refusalSteps(held)}后，机构仍拒不整改或整改不到位。`, source: 'inspection',
      officeCode: c.office_code, registeredBy: a.registeredBy,
    };
  }

  async close(caseNo: string, outcome: string, writes: CaseWrite[] = []) {
    await this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, caseNo, writes);
      await this.cases.close(m, caseNo, outcome);
      await this.tellInstitution(m, await this.cases.withParties(m, caseNo), `${caseNo}:closed`, OUTCOME_LABELS[outcome] ?? outcome);
    });
  }

  /** Compensates a withdrawn case: open work is cancelled and a determination already filed is corrected. */
  async withdraw(a: { caseNo: string; actor: Actor; reason: string; decisionDate: string }, writes: CaseWrite[] = [], end?: EndMeasures) {
    await this.stopping(a.caseNo, 'WITHDRAWN', writes, async (m, c) => {
      if (!c.determination_record_id) return;
      await this.creditFile.append({
        uscc: c.uscc, kind: 'correction', title: '撤销失信认定', decisionDate: a.decisionDate, refersTo: c.determination_record_id,
        payload: { withdrawn: true, reason: a.reason }, sourceRef: `${a.caseNo}:withdrawal`, caseNo: a.caseNo,
        officeCode: c.office_code, createdBy: a.actor.id,
      }, m);
      await end?.(m, c.determination_record_id);
    });
  }

  /**
   * A decision of the case revoked on 行政复议 or 行政诉讼: RemediesService already ended its effects and withdrew its
   * public information (行政处罚法 art. 48); the case's open work (tasks, the institution's deadlines) is cancelled.
   */
  async closeRevoked(caseNo: string, writes: CaseWrite[] = []) {
    await this.stopping(caseNo, 'REVOKED', writes, async () => undefined);
  }

  /** Ends a case before its lifecycle ran out: open work cancelled, `compensate` in the same transaction, closed. */
  private async stopping(caseNo: string, outcome: 'WITHDRAWN' | 'REVOKED', writes: CaseWrite[], compensate: (m: EntityManager, c: CaseRow) => Promise<void>) {
    await this.cases.transaction(async (m) => {
      // the case row first, then its tasks: the order a severity correction takes (its trigger passes the severity
      // on to the tasks), so the two cannot deadlock when an approver withdraws while a correction is being written
      await this.cases.lock(m, caseNo);
      await this.cases.applyWrites(m, caseNo, writes);
      const c = await this.cases.withParties(m, caseNo);
      await this.tasks.cancelOpen(m, caseNo);
      await this.deadlines.cancelOpen(m, caseNo);
      await compensate(m, c);
      await this.cases.close(m, caseNo, outcome);
      await this.tellInstitution(m, c, `${caseNo}:${outcome === 'WITHDRAWN' ? 'withdrawn' : 'revoked'}`, OUTCOME_LABELS[outcome]);
    });
  }

  private async endingRecord(caseNo: string, kind: 'repair' | 'publication_end', title: string, decisionDate: string, payload: Record<string, unknown>, end?: EndMeasures) {
    await this.cases.transaction(async (m) => {
      const c = await this.cases.withParties(m, caseNo);
      await this.creditFile.append({
        uscc: c.uscc, kind, title, decisionDate, refersTo: c.determination_record_id, payload,
        sourceRef: `${caseNo}:${kind}`, caseNo, officeCode: c.office_code,
      }, m);
      if (c.determination_record_id) await end?.(m, c.determination_record_id);
    });
  }

  /** A case nothing was ever served in does not exist for the institution (issue #18): its end is not news to it. */
  private async tellInstitution(m: EntityManager, c: CaseRow, key: string, outcome: string) {
    if (!(await this.cases.servedOnInstitution(m, c.case_no))) return;
    await this.notifications.notify(m, {
      uscc: c.uscc, template: 'case_outcome', idempotencyKey: key, data: { institutionName: c.name, caseNo: c.case_no, outcome },
    });
  }
}

/** What the institution went through before refusing, as the lead of the 拒不整改 case says it: only what took place. */
function refusalSteps(held: Set<string>): string {
  const interviews = [held.has('reminder') && '提示性约谈', held.has('warning') && '警示性约谈'].filter(Boolean);
  return interviews.length ? `责令限期改正、${interviews.join('和')}` : '责令限期改正';
}
