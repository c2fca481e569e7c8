import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { DEADLINE_LABELS } from '../cases/case-deadline.repository';
import { caseNotFound } from '../cases/case.errors';
import { isoTime } from '../cases/case-view.sql';
import { DeadlineClockService } from '../cases/deadline-clock.service';
import { DocumentReadsService } from '../documents/document-reads.service';
import { SEVERITY_LABELS } from '../documents/templates/common';
import { intact } from '../publicity/public-text.service';
import { SubmissionsService } from '../submissions/submissions.service';
import type { CaseStage, InstitutionDeadlineKind } from '../../workflows/contracts';
import { STAGE_LABELS, waitingForText } from '../../workflows/labels';
import { PORTAL_CASE_SQL, PortalCaseRow } from './portal-case.sql';
import { decisionServed, portalMilestones, servedSeverity } from './portal-stages';
import type { PortalCaseViewDto } from './dto/portal-case-view.dto';

const DEADLINE_STATUS: Record<string, string> = { open: '待答复', answered: '已答复', missed: '已逾期', cancelled: '已取消' };
export interface PortalCaseSummary {
  caseNo: string; behaviourCode: string; severity: string | null; stage: CaseStage; decisionDate: string | null; firstServedOn: string; outcome: string | null;
}

const INTERVIEW_KIND: Record<string, string> = { reminder: '提示性约谈', warning: '警示性约谈' };

/**
 * 本机构案件: what the bureau addressed to the institution in one case — the documents served on it, its deadlines,
 * its own submissions with their receipts, its interviews, the approved public text of the determination — and
 * nothing of the bureau's internal record (portal-case.sql.ts lists what is left out and why). Staff read the
 * whole case at GET /api/cases/:caseNo, which institutions may not call.
 */
@Injectable()
export class PortalCaseService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentReadsService,
    private readonly submissions: SubmissionsService,
    private readonly clock: DeadlineClockService,
  ) {}

  /** 本机构案件列表: the cases something has been served on it in, each as its own page describes it. */
  async list(user: AuthUser): Promise<PortalCaseSummary[]> {
    const rows: PortalCaseRow[] = await this.ds.query(PORTAL_CASE_SQL, [null, user.uscc]);
    return rows.map((c) => {
      const { stage, severity, decisionDate } = this.known(c);
      return { caseNo: c.caseNo, behaviourCode: c.behaviourCode, severity, stage, decisionDate, firstServedOn: c.firstServedOn, outcome: c.outcome };
    });
  }

  async view(caseNo: string, user: AuthUser): Promise<PortalCaseViewDto> {
    // another institution's case, or one nothing has been served in yet, answers as if it did not exist
    const [c]: (PortalCaseRow | undefined)[] = await this.ds.query(PORTAL_CASE_SQL, [caseNo, user.uscc]);
    if (!c) throw caseNotFound();
    const deadlines = [];
    for (const d of c.deadlines) {
      deadlines.push({
        kind: d.kind, kindLabel: DEADLINE_LABELS[d.kind as InstitutionDeadlineKind] ?? d.kind, round: d.round, dueDate: d.dueDate,
        provisional: d.provisional, status: d.status, statusLabel: DEADLINE_STATUS[d.status] ?? d.status, closedAt: isoTime(d.closedAt),
        workingDaysLeft: d.status === 'open' ? await this.clock.workingDaysLeft(d.dueDate) : null,
        documentNo: d.documentNo, documentTitle: d.documentTitle, servedOn: d.servedOn,
      });
    }
    const documents = (await this.documents.listForPortal(caseNo, user)).map((d) => ({
      id: d.id, kind: d.kind, kindLabel: d.kindLabel, docNo: d.docNo, title: d.title, issuedOn: d.issuedOn, servedOn: d.servedOn,
      servedAt: d.servedAt, serviceMethodLabel: d.serviceMethodLabel, openedAt: d.openedAt,
      downloadUrl: `/api/documents/${d.id}/pdf`,
    }));
    const { stage, severity, decisionDate, milestones } = this.known(c);
    const open = c.deadlines.filter((d) => d.status === 'open').at(-1);
    const decided = decisionDate !== null;
    return {
      caseNo: c.caseNo, uscc: c.uscc, institutionName: c.institutionName, behaviourCode: c.behaviourCode, behaviourTitle: c.behaviourTitle,
      severity, severityLabel: severity ? SEVERITY_LABELS[severity as keyof typeof SEVERITY_LABELS] ?? severity : null,
      stage, stageLabel: STAGE_LABELS[stage], waitingFor: this.waitingFor(c, stage, open),
      firstServedOn: c.firstServedOn, decisionDate, closedAt: c.closedAt ? new Date(c.closedAt).toISOString() : null,
      outcome: c.outcome, repairableFrom: decided ? c.repairableFrom : null, publicityUntil: decided ? c.publicityUntil : null,
      milestones: milestones.map((m) => ({ stage: m.stage, stageLabel: STAGE_LABELS[m.stage as CaseStage] ?? m.stage, knownOn: m.knownOn })),
      deadlines,
      documents,
      submissions: (await this.submissions.list(user, caseNo)).items,
      interviews: c.interviews.map((i) => ({
        kind: i.kind, kindLabel: INTERVIEW_KIND[i.kind] ?? i.kind, round: i.round, scheduledAt: isoTime(i.scheduledAt), place: i.place,
        status: i.status, heldAt: isoTime(i.heldAt),
      })),
      // a stored text whose fields no longer match what the approver signed off is not the approved text
      publicText: c.publicText && intact(c.publicText)
        ? { version: c.publicText.version, fields: c.publicText.fields, approvedAt: isoTime(c.publicText.approvedAt)! } : null,
    };
  }

  /**
   * What the institution knows of the case: the stage its served documents and its own acts describe (portal-stages.ts),
   * the severity its served documents state, the decision's dates once the decision is served.
   */
  private known(c: PortalCaseRow) {
    const milestones = portalMilestones(c);
    const stage = (milestones.at(-1)?.stage ?? 'OBJECTION_WINDOW') as CaseStage;
    return { milestones, stage, severity: servedSeverity(c.served), decisionDate: decisionServed(c.served) ? c.decisionDate : null };
  }

  /** In the institution's words: its own answer with the date, or the bureau at work (never which desk holds it). */
  private waitingFor(c: PortalCaseRow, stage: CaseStage, open: PortalCaseRow['deadlines'][number] | undefined): string | null {
    if (stage === 'CLOSED' || stage === 'WITHDRAWN') return null;
    if (open) return `等待本机构${DEADLINE_LABELS[open.kind as InstitutionDeadlineKind] ?? ''}（截止 ${open.dueDate}${open.provisional ? '，暂定' : ''}）`;
    // an internal step the institution has not been told of reads as the bureau at work on the stage it knows
    if (c.openTaskKinds.length || stage !== c.stage) return `教育局办理中（${STAGE_LABELS[stage]}）`;
    return waitingForText({ stage, openTaskKinds: [], institutionDeadline: null, repairableFrom: c.repairableFrom, publicityUntil: c.publicityUntil });
  }
}
