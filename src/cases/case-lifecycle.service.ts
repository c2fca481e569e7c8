import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addMonths } from '../calendar/iso-date';
import { CreditFileService } from '../credit-file/credit-file.service';
import { NotificationsService } from '../notifications/notifications.service';
import { JointSanctionService } from '../platform/joint-sanction.service';
import { PoliciesService } from '../policies/policies.service';
import { publicityPeriods } from '../publicity/publicity-periods';
import type { Actor, CaseWrite, Severity } from '../../workflows/contracts';
import { CaseDeadlineRepository } from './case-deadline.repository';
import { CaseTaskRepository } from './case-task.repository';
import { CaseRepository, CaseRow } from './case.repository';

const OUTCOME_LABELS: Record<string, string> = {
  NOT_DETERMINED: '异议成立，不予认定', PUBLICATION_ENDED: '公示期满，停止公示', REPAIRED: '准予信用修复', WITHDRAWN: '案件已撤销',
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
        payload: { behaviourCode: c.behaviour_code, catalogueVersion: c.catalogue_version, facts: c.facts, severity: a.severity },
        sourceRef: `${a.caseNo}:determination`, caseNo: a.caseNo, officeCode: c.office_code,
      }, m);
      await this.cases.setDetermination(m, { ...a, recordId: record.id, repairableFrom, publicityUntil });
      await this.tellInstitution(m, c, `${a.caseNo}:determined`, '认定为失信行为，请按期限整改');
    });
    return { decisionDate: a.decisionDate, repairableFrom, publicityUntil, effectiveUntil };
  }

  async scheduleInterview(a: { caseNo: string; kind: 'reminder' | 'warning'; round: number; scheduledAt: string; place: string; attendees: string[] }) {
    return this.cases.transaction(async (m) => {
      const interviewId = await this.cases.scheduleInterview(m, a);
      const c = await this.cases.withParties(m, a.caseNo);
      const label = a.kind === 'reminder' ? '提示性约谈' : '警示性约谈';
      await this.notifications.notify(m, {
        uscc: c.uscc, template: 'deadline_new', idempotencyKey: `${a.caseNo}:interview:${a.round}`,
        data: { institutionName: c.name, caseNo: a.caseNo, item: `${label}（${a.place}）`, dueDate: a.scheduledAt.slice(0, 16).replace('T', ' ') },
      });
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
   * Joint sanction: a credit record and one notice per member department. An industry ban is no longer ordered here:
   * it is a penalty of its own, with its hearing and four-eyes decision (src/industry-bans/, docs/industry-bans.md).
   */
  async confirmSanction(a: { caseNo: string; decisionDate: string; measures: string[]; departments: string[]; reason: string }) {
    await this.cases.transaction(async (m) => {
      const c = await this.cases.withParties(m, a.caseNo);
      await this.creditFile.append({
        uscc: c.uscc, kind: 'joint_sanction', title: '联合惩戒', decisionDate: a.decisionDate, severity: c.severity,
        publicityFrom: a.decisionDate, publicityUntil: a.decisionDate,
        payload: { measures: a.measures, departments: a.departments, reason: a.reason },
        sourceRef: `${a.caseNo}:joint-sanction`, caseNo: a.caseNo, officeCode: c.office_code, submitToPlatform: false,
      }, m);
      if (a.departments.length) {
        await this.sanctions.sendNotices(m, { caseNo: a.caseNo, uscc: c.uscc, measures: a.measures, departments: a.departments, officeCode: c.office_code, decisionDate: a.decisionDate });
      }
    });
  }

  async repair(a: { caseNo: string; decisionDate: string; routes: string[]; reason: string }) {
    await this.endingRecord(a.caseNo, 'repair', '信用修复', a.decisionDate, { routes: a.routes, reason: a.reason });
  }

  async endPublication(a: { caseNo: string; decisionDate: string }) {
    await this.endingRecord(a.caseNo, 'publication_end', '公示期满，停止公示', a.decisionDate, {});
  }

  async close(caseNo: string, outcome: string, writes: CaseWrite[] = []) {
    await this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, caseNo, writes);
      await this.cases.close(m, caseNo, outcome);
      await this.tellInstitution(m, await this.cases.withParties(m, caseNo), `${caseNo}:closed`, OUTCOME_LABELS[outcome] ?? outcome);
    });
  }

  /** Compensates a withdrawn case: open work is cancelled and a determination already filed is corrected. */
  async withdraw(a: { caseNo: string; actor: Actor; reason: string; decisionDate: string }, writes: CaseWrite[] = []) {
    await this.cases.transaction(async (m) => {
      // the case row first, then its tasks: the order a severity correction takes (its trigger passes the severity
      // on to the tasks), so the two cannot deadlock when an approver withdraws while a correction is being written
      await this.cases.lock(m, a.caseNo);
      await this.cases.applyWrites(m, a.caseNo, writes);
      const c = await this.cases.withParties(m, a.caseNo);
      await this.tasks.cancelOpen(m, a.caseNo);
      await this.deadlines.cancelOpen(m, a.caseNo);
      if (c.determination_record_id) {
        await this.creditFile.append({
          uscc: c.uscc, kind: 'correction', title: '撤销失信认定', decisionDate: a.decisionDate, refersTo: c.determination_record_id,
          payload: { withdrawn: true, reason: a.reason }, sourceRef: `${a.caseNo}:withdrawal`, caseNo: a.caseNo,
          officeCode: c.office_code, createdBy: a.actor.id,
        }, m);
      }
      await this.cases.close(m, a.caseNo, 'WITHDRAWN');
      await this.tellInstitution(m, c, `${a.caseNo}:withdrawn`, OUTCOME_LABELS.WITHDRAWN);
    });
  }

  private async endingRecord(caseNo: string, kind: 'repair' | 'publication_end', title: string, decisionDate: string, payload: Record<string, unknown>) {
    await this.cases.transaction(async (m) => {
      const c = await this.cases.withParties(m, caseNo);
      await this.creditFile.append({
        uscc: c.uscc, kind, title, decisionDate, refersTo: c.determination_record_id, payload,
        sourceRef: `${caseNo}:${kind}`, caseNo, officeCode: c.office_code,
      }, m);
    });
  }

  private async tellInstitution(m: EntityManager, c: CaseRow, key: string, outcome: string) {
    await this.notifications.notify(m, {
      uscc: c.uscc, template: 'case_outcome', idempotencyKey: key, data: { institutionName: c.name, caseNo: c.case_no, outcome },
    });
  }
}
