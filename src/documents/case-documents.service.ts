import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseRepository } from '../cases/case.repository';
import type { CaseWrite, DocumentRequest, IssuedCaseDocument } from '../../workflows/contracts';
import { OutboxService, SubmissionType } from '../platform/outbox.service';
import { DomainException } from '../common/errors/domain.exception';
import { PublicTextService } from '../publicity/public-text.service';
import { DocumentKind, KIND_TRAITS } from './document-kinds';
import { DocumentsService, IssuedDocument } from './documents.service';

/** Decisions shared with the municipal platform with their numbers (brief §6; issue #15 "Platform"). */
const SHARED: Partial<Record<DocumentKind, SubmissionType>> = { 'determination-decision': 'determination', 'repair-decision': 'repair' };

/**
 * The documents a case issues at its steps (docs/documents.md, "How a step should use it"). The documents of one
 * step are issued in one transaction with the writes the workflow queued before it, so the stage change and its
 * documents land together, and a decision and its repair notice are issued together (两书同达, 国办发〔2025〕22号).
 * Each is keyed `${caseNo}:${kind}:${round}`: a retried activity finds what the first attempt issued.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
    private readonly texts: PublicTextService,
  ) {}

  /**
   * The determination's public text (公示文本, record `<caseNo>:determination`): the findings as investigated (认定事实,
   * never the lead's allegation), drafted in the investigating officer's name for an approver of the office to sign
   * off (four eyes, POST /api/public-texts/:id/approve); until then the public sees the title and code only
   * (src/publicity/public-projection.ts). A text the personal-data guard refuses is not drafted (the officer drafts
   * one by hand): answers false. Drafted once per case (a retry finds it).
   */
  async draftDeterminationText(a: { caseNo: string; findings: string; drafterId: string | null }): Promise<boolean> {
    const recordRef = `${a.caseNo}:determination`;
    return this.cases.transaction(async (m) => {
      if ((await this.texts.latest([recordRef], m)).has(recordRef)) return true;
      const c = await this.cases.withParties(m, a.caseNo);
      try {
        await this.texts.draft(m, {
          recordRef, uscc: c.uscc, actorId: a.drafterId, fields: { title: `失信行为认定：${c.title}`, facts: a.findings },
          names: c.legal_rep_name ? [c.legal_rep_name] : [],
        });
        return true;
      } catch (err) {
        if (err instanceof DomainException && err.status < 500) return false;
        throw err;
      }
    });
  }

  /**
   * Issues the step's documents; answers each with whether it was served electronically on issue (the institution
   * consented: `electronic` true) or waits for service on paper.
   */
  issue(caseNo: string, requests: DocumentRequest[], writes: CaseWrite[] = []): Promise<Array<Omit<IssuedCaseDocument, 'servedOn'> & { electronic: boolean }>> {
    return this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, caseNo, writes);
      const issued = [];
      for (const r of requests) {
        const d = await this.documents.issue({ kind: r.kind, caseNo, data: r.data, idempotencyKey: `${caseNo}:${r.kind}:${r.round}` }, m);
        await this.share(m, caseNo, d, r.data);
        issued.push({ id: d.id, kind: r.kind, docNo: d.docNo, title: d.title, toSubject: KIND_TRAITS[r.kind].toSubject, electronic: d.service?.method === 'electronic' });
      }
      return issued;
    });
  }

  /**
   * An issued decision goes to the platform outbox in the issuing transaction, with its number, title and date, so
   * the platform can match the determination (or repair) record it already holds to the document that decided it.
   * A refused repair decides no repair and is not shared.
   */
  private async share(m: EntityManager, caseNo: string, d: IssuedDocument, data: Record<string, unknown>): Promise<void> {
    const recordType = SHARED[d.kind];
    if (!recordType || (d.kind === 'repair-decision' && data.approved !== true)) return;
    const [c] = await m.query(`SELECT uscc, office_code, decision_date::text AS decision_date FROM cases WHERE case_no = $1`, [caseNo]);
    await this.outbox.enqueue(m, {
      recordType, recordRef: `${caseNo}:${d.kind}`, uscc: c.uscc, officeCode: c.office_code, idempotencyKey: `document:${d.id}`,
      payload: { caseNo, documentKind: d.kind, documentNo: d.docNo, title: d.title, issuedOn: d.issuedOn, decisionDate: d.kind === 'determination-decision' ? c.decision_date : d.issuedOn },
    });
  }
}
