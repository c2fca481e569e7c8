import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/role';
import { forbidden } from '../common/errors/common.errors';
import { KIND_TRAITS, SERVICE_METHOD_LABELS } from './document-kinds';
import { DocumentListRow, DocumentRow, DocumentsRepository } from './documents.repository';
import { renderDocumentDocx } from './render/docx-writer';
import { renderDocumentPdf } from './render/pdf-writer';
import { ServiceRepository } from './service/service.repository';
import { caseNotFound } from '../cases/case.errors';
import { documentNotFound } from './document.errors';

export interface DocumentSummary {
  id: string;
  kind: string;
  kindLabel: string;
  docNo: string;
  title: string;
  status: string;
  statusLabel: string;
  addresseeName: string;
  issuedOn: string | null;
  issuedAt: string | null;
  servedOn: string | null;
  servedAt: string | null;
  serviceMethod: string | null;
  serviceMethodLabel: string | null;
  openedAt: string | null;
  replaces: string | null;
  sha256: string | null;
}

export interface DocumentFile {
  bytes: Buffer;
  filename: string;
  contentType: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
/** Electronic service: the instant it arrived. On paper the law counts the day: the start of that day in Beijing. */
const servedAt = (r: DocumentListRow) => iso(r.servedAt) ?? (r.servedOn ? new Date(`${r.servedOn}T00:00:00+08:00`).toISOString() : null);
const STATUS_LABEL = { draft: '草稿', issued: '已签发', void: '已作废' } as const;

/** What staff and institutions read: the documents of a case, the files themselves. */
@Injectable()
export class DocumentReadsService {
  constructor(
    private readonly repo: DocumentsRepository,
    private readonly services: ServiceRepository,
  ) {}

  /** Staff: every document of the case, drafts and voided numbers included (the register of numbers shows them). */
  async listForCase(caseNo: string): Promise<DocumentSummary[]> {
    if (!(await this.repo.caseOwner(caseNo))) throw caseNotFound();
    return (await this.repo.listForCase(caseNo)).map(summary);
  }

  /** The institution: only what was issued to it; another institution's case answers as if it did not exist. */
  async listForPortal(caseNo: string, user: AuthUser): Promise<DocumentSummary[]> {
    const owner = await this.repo.caseOwner(caseNo);
    if (!owner || owner.uscc !== user.uscc) throw caseNotFound();
    const served = await this.repo.listForCase(caseNo, user.uscc!);
    // a case nothing has been served in yet does not exist for the institution (issue #18, portal-case.sql.ts)
    if (!served.length) throw caseNotFound();
    return served.map(summary);
  }

  /**
   * The issued PDF as stored (a draft: a preview, unsigned, watermarked). The addressee's download counts as its
   * opening: proof of receipt, never the service date.
   */
  async pdf(id: string, user: AuthUser): Promise<DocumentFile> {
    const doc = await this.readable(id, user);
    let bytes: Buffer;
    if (doc.status === 'issued') {
      bytes = (await this.repo.pdf(id))!;
      if (user.role === 'institution') await this.services.recordOpening(id, user.id);
    } else {
      bytes = await renderDocumentPdf(doc.content, null, new Date(doc.draftedAt));
    }
    return { bytes, filename: `${doc.docNo}-${doc.title}.pdf`, contentType: 'application/pdf' };
  }

  /** Word, for staff: the same text as the PDF, to edit a draft or reuse wording. */
  async docx(id: string, user: AuthUser): Promise<DocumentFile> {
    const doc = await this.readable(id, user);
    return {
      bytes: await renderDocumentDocx(doc.content), filename: `${doc.docNo}-${doc.title}.docx`,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  }

  /** Writes on a case's documents (draft, issue, void, service) are for staff of the office that owns the case. */
  async assertOwningOffice(caseNo: string, user: AuthUser): Promise<void> {
    const owner = await this.repo.caseOwner(caseNo);
    if (!owner) throw caseNotFound();
    if (user.officeCode && owner.officeCode && user.officeCode !== owner.officeCode) throw forbidden('只有承办科室的工作人员可以办理该案件的文书');
  }

  /**
   * Staff of the owning office (staff without an office — leadership, auditors, administrators — read every office's);
   * an institution only what was issued to it, anything else answering as if it did not exist.
   */
  private async servedByToday(id: string): Promise<boolean> {
    const service = await this.services.serviceOf(id);
    return !!service && service.servedOn <= (await this.repo.clock(this.repo.manager)).today;
  }

  async readable(id: string, user: AuthUser): Promise<DocumentRow> {
    const doc = await this.repo.find(id);
    if (!doc) throw documentNotFound();
    if (user.role === 'institution') {
      if (doc.status !== 'issued' || !doc.toSubject || doc.uscc !== user.uscc) throw documentNotFound();
      // addressed to it once served (brief §7): a paper document waiting for its service record is not yet its own
      if (!(await this.servedByToday(id))) throw documentNotFound();
    } else if (user.officeCode && doc.officeCode && user.officeCode !== doc.officeCode) {
      throw forbidden('只有承办科室的工作人员可以查看该文书');
    }
    return doc;
  }
}

export function summary(r: DocumentListRow): DocumentSummary {
  return {
    id: r.id, kind: r.kind, kindLabel: KIND_TRAITS[r.kind].label, docNo: r.docNo, title: r.title,
    status: r.status, statusLabel: STATUS_LABEL[r.status], addresseeName: r.addresseeName, issuedOn: r.issuedOn, issuedAt: iso(r.issuedAt),
    servedOn: r.servedOn, servedAt: servedAt(r), serviceMethod: r.serviceMethod,
    serviceMethodLabel: r.serviceMethod ? SERVICE_METHOD_LABELS[r.serviceMethod] : null, openedAt: iso(r.openedAt), replaces: r.replaces,
    sha256: r.sha256,
  };
}
