import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { applyCaseWrites } from '../cases/case-writes';
import type { CaseWrite, DocumentRequest, IssuedCaseDocument } from '../../workflows/contracts';
import { KIND_TRAITS } from './document-kinds';
import { DocumentsService } from './documents.service';

/**
 * The documents a case issues at its steps (docs/documents.md, "How a step should use it"). The documents of one
 * step are issued in one transaction with the writes the workflow queued before it, so the stage change and its
 * documents land together, and a decision and its repair notice are issued together (两书同达, 国办发〔2025〕22号).
 * Each is keyed `${caseNo}:${kind}:${round}`: a retried activity finds what the first attempt issued.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsService,
  ) {}

  /**
   * Issues the step's documents; answers each with whether it was served electronically on issue (the institution
   * consented: `electronic` true) or waits for service on paper.
   */
  issue(caseNo: string, requests: DocumentRequest[], writes: CaseWrite[] = []): Promise<Array<Omit<IssuedCaseDocument, 'servedOn'> & { electronic: boolean }>> {
    return this.ds.transaction(async (m) => {
      await applyCaseWrites(m, caseNo, writes);
      const issued = [];
      for (const r of requests) {
        const d = await this.documents.issue({ kind: r.kind, caseNo, data: r.data, idempotencyKey: `${caseNo}:${r.kind}:${r.round}` }, m);
        issued.push({ id: d.id, kind: r.kind, docNo: d.docNo, title: d.title, toSubject: KIND_TRAITS[r.kind].toSubject, electronic: d.service?.method === 'electronic' });
      }
      return issued;
    });
  }
}
