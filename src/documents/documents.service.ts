import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { conflict, unprocessable } from '../common/errors/domain.exception';
import { DocumentKind, formatDocNo, KIND_TRAITS, SERVICE_METHOD_LABELS } from './document-kinds';
import { DocumentRow, DocumentsRepository, StoredInput } from './documents.repository';
import { renderDocumentPdf } from './render/pdf-writer';
import { NotificationsService } from '../notifications/notifications.service';
import { tellServed } from './service/served-notice';
import { ServiceRepository, ServiceRow } from './service/service.repository';
import { DocumentSettings, DocumentSettingsService } from './settings/document-settings.service';
import { DOCUMENT_SIGNER, DocumentSigner } from './signing/document-signer';
import { DataReader, fill, templateFor } from './templates';
import { hashVerificationCode, newVerificationCode, verificationUrl } from './verification-code';
import { institutionNotFound } from '../institutions/institution.errors';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskIdNumber } from '../common/crypto/mask';
import { caseNotFound } from '../cases/case.errors';
import { DocumentErrorCode, documentNotFound } from './document.errors';

export interface IssueInput {
  kind: DocumentKind;
  /** The case the document belongs to; its institution is the subject. */
  caseNo?: string;
  /** The subject when the document belongs to no case. */
  uscc?: string;
  /** A natural person's subject (issue #19), instead of `uscc`. */
  subjectId?: string;
  /** The step's own data, as the kind's template reads it (docs/documents.md lists the fields per kind). */
  data?: Record<string, unknown>;
  /** Fill with an older template version (a case finishes under the rules it started with); latest by default. */
  templateVersion?: number;
  /** A correction: the issued document it replaces, and why. */
  replaces?: { id: string; reason: string };
  /** The same key returns the same document: an activity retried after a crash issues once. */
  idempotencyKey: string;
  actorId?: string | null;
  /** Serve electronically at once where the subject consented (default true; only for kinds addressed to it). */
  serve?: boolean;
}

export interface IssuedDocument {
  id: string;
  kind: DocumentKind;
  docNo: string;
  title: string;
  status: 'draft' | 'issued' | 'void';
  sha256: string | null;
  issuedOn: string | null;
  issuedAt: string | null;
  /** Set when the document was served electronically on issue; null means it waits for service on paper. */
  service: { method: string; methodLabel: string; servedOn: string; servedAt: string | null } | null;
}

/**
 * The document engine: drafts, issues and voids numbered documents. Every method is one transaction, or runs inside
 * the caller's when given `m` (as CreditFileService.append does), and issuing is idempotent by the caller's key.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: DocumentsRepository,
    private readonly services: ServiceRepository,
    private readonly settings: DocumentSettingsService,
    @Inject(DOCUMENT_SIGNER) private readonly signer: DocumentSigner,
    private readonly crypto: FieldCryptoService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Fills, numbers, renders, signs and stores a document, and serves it electronically where the subject consented. */
  issue(input: IssueInput, m?: EntityManager): Promise<IssuedDocument> {
    return this.within(m, async (tx) => {
      const existing = await this.existing(tx, input);
      if (existing) return this.view(tx, existing);
      const row = await this.create(tx, input, 'issued');
      return this.view(tx, row);
    });
  }

  /** A numbered draft for the officer to check (PDF preview, .docx): its number is taken now and never reused. */
  draft(input: IssueInput, m?: EntityManager): Promise<IssuedDocument> {
    return this.within(m, async (tx) => {
      const existing = await this.existing(tx, input);
      return this.view(tx, existing ?? (await this.create(tx, input, 'draft')));
    });
  }

  /** Issues a draft as drafted, dated today; issuing an issued document again returns it unchanged. */
  issueDraft(id: string, actorId: string | null, m?: EntityManager): Promise<IssuedDocument> {
    return this.within(m, async (tx) => {
      const draft = await this.found(tx, id, true);
      if (draft.status === 'void') throw conflict(DocumentErrorCode.DOCUMENT_VOID, `文书 ${draft.docNo} 已作废，不能签发`);
      if (draft.status === 'issued') return this.view(tx, draft);
      const settings = await this.settings.get(tx);
      const { today, now } = await this.repo.clock(tx);
      const signed = await this.render(tx, draft.kind, draft.templateVersion, draft.input, settings, draft.docNo, today, now);
      await this.repo.markIssued(tx, id, { ...signed, issuedOn: today, actorId });
      const issued = (await this.found(tx, id))!;
      await this.serveIfConsented(tx, issued);
      return this.view(tx, issued);
    });
  }

  /** A draft made by mistake is voided with its reason and who voided it; its number stays on record, unused. */
  voidDraft(id: string, reason: string, actorId: string | null, m?: EntityManager): Promise<IssuedDocument> {
    return this.within(m, async (tx) => {
      const doc = await this.found(tx, id, true);
      if (doc.status === 'issued') {
        throw conflict(DocumentErrorCode.DOCUMENT_ISSUED, `文书 ${doc.docNo} 已签发，不能作废；如有错误，请签发更正文书替代原文书`);
      }
      if (doc.status === 'draft') await this.repo.markVoid(tx, id, reason, actorId);
      return this.view(tx, (await this.found(tx, id))!);
    });
  }

  private async create(tx: EntityManager, input: IssueInput, status: 'draft' | 'issued'): Promise<DocumentRow> {
    const settings = await this.settings.get(tx);
    const template = templateFor(input.kind, input.templateVersion);
    const { stored, officeCode } = await this.storedInput(tx, input, template.needsCase);
    const { today, year, now } = await this.repo.clock(tx);
    // fill once before the number is taken: data that does not fit the template costs no number
    const probe = fill(template, this.context(settings, stored, today), { docNo: '', issuedOn: today, draft: true, replaces: stored.replaces, verification: null });
    const seq = await this.repo.nextNumber(tx, settings.issuerCode, input.kind, year);
    const docNo = formatDocNo(settings.numberPrefixes[input.kind], year, seq);
    const id = randomUUID();
    const base = {
      id, kind: input.kind, templateVersion: template.version, issuerCode: settings.issuerCode, year, seq, docNo,
      caseNo: stored.case?.caseNo ?? null, officeCode,
      institutionId: stored.subject.institutionId, uscc: stored.subject.uscc, subjectId: stored.subject.subjectId ?? null, toSubject: KIND_TRAITS[input.kind].toSubject,
      addresseeName: probe.addresseeName, input: stored, replaces: stored.replaces?.id ?? null, idempotencyKey: input.idempotencyKey,
      actorId: input.actorId ?? null, signerKeyId: null,
    };
    if (status === 'draft') {
      const draft = fill(template, this.context(settings, stored, today), { docNo, issuedOn: today, draft: true, replaces: stored.replaces, verification: null });
      await this.repo.insert(tx, { ...base, status, title: draft.content.title, content: draft.content, pdf: null, sha256: null,
        signature: null, verificationCodeHash: null, issuedOn: null });
    } else {
      const signed = await this.render(tx, input.kind, template.version, stored, settings, docNo, today, now);
      await this.repo.insert(tx, { ...base, ...signed, status, issuedOn: today });
    }
    const row = (await this.found(tx, id))!;
    if (status === 'issued' && input.serve !== false) await this.serveIfConsented(tx, row);
    return row;
  }

  /** Content with its number, date and verification code; PDF; SM2 signature over the PDF's bytes. */
  private async render(tx: EntityManager, kind: DocumentKind, version: number, stored: StoredInput, settings: DocumentSettings,
    docNo: string, today: string, now: Date) {
    const code = KIND_TRAITS[kind].verifiable ? newVerificationCode() : null;
    const { content } = fill(templateFor(kind, version), this.context(settings, stored, today), {
      docNo, issuedOn: today, draft: false, replaces: stored.replaces,
      verification: code ? { code, url: verificationUrl(settings.verifyBaseUrl, code) } : null,
    });
    const signer = await this.signer.identity();
    const signedAt = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const pdf = await renderDocumentPdf(content, { keyId: signer.keyId, algorithm: signer.algorithm, signedAt }, now);
    const signature = await this.signer.sign(pdf, tx);
    return {
      title: content.title, content, pdf, sha256: createHash('sha256').update(pdf).digest('hex'), signature: signature.signature,
      signerKeyId: signature.keyId, verificationCodeHash: code ? hashVerificationCode(code) : null,
    };
  }

  /** The case's and the subject's data as of now, kept with the document; a correction's target checked. */
  private async storedInput(tx: EntityManager, input: IssueInput, needsCase: boolean): Promise<{ stored: StoredInput; officeCode: string | null }> {
    const found = input.caseNo ? await this.repo.caseFacts(tx, input.caseNo) : undefined;
    if (input.caseNo && !found) throw caseNotFound();
    if (needsCase && !found) throw unprocessable(DocumentErrorCode.DOCUMENT_NEEDS_CASE, `${KIND_TRAITS[input.kind].label}须属于一个案件（caseNo）`);
    const uscc = found?.uscc ?? input.uscc?.trim().toUpperCase();
    const subject = uscc ? await this.repo.subject(tx, uscc) : input.subjectId ? await this.person(tx, input.subjectId) : undefined;
    if (!subject) throw institutionNotFound();
    let replaces: StoredInput['replaces'] = null;
    if (input.replaces) {
      const old = await this.repo.find(input.replaces.id, tx);
      if (!old || old.status !== 'issued') throw documentNotFound('被更正的文书不存在或尚未签发');
      if (old.kind !== input.kind || old.uscc !== subject.uscc) {
        throw unprocessable(DocumentErrorCode.CORRECTION_MISMATCH, '更正文书须与原文书种类相同、当事人相同');
      }
      const newer = await this.repo.correctionOf(tx, old.id);
      if (newer) throw conflict(DocumentErrorCode.DOCUMENT_ALREADY_CORRECTED, `文书 ${old.docNo} 已由 ${newer} 更正，请更正最新的文书`, { docNo: newer });
      replaces = { id: old.id, docNo: old.docNo, reason: input.replaces.reason };
    }
    const { officeCode, ...subjectFacts } = subject;
    return { stored: { data: input.data ?? {}, subject: subjectFacts, case: found?.case ?? null, replaces }, officeCode: found?.case.officeCode ?? officeCode };
  }

  private async person(tx: EntityManager, subjectId: string) {
    const found = await this.repo.person(tx, subjectId);
    if (!found) return undefined;
    const { idEnc, ...facts } = found;
    return { ...facts, idMasked: maskIdNumber(this.crypto.decrypt(idEnc)) };
  }

  private context(settings: DocumentSettings, stored: StoredInput, today: string) {
    return { settings, subject: stored.subject, case: stored.case, data: new DataReader(stored.data), today };
  }

  /**
   * Electronic service (行政处罚法 art. 61): only where the institution signed consent; served when the document
   * arrives in its portal inbox (民事诉讼法 art. 90), which is the moment the issuing transaction commits it there.
   */
  private async serveIfConsented(tx: EntityManager, doc: DocumentRow): Promise<void> {
    if (!doc.toSubject || !doc.institutionId || doc.status !== 'issued') return;
    const consent = await this.services.activeConsent(tx, doc.institutionId);
    if (!consent) return;
    await this.services.insertService(tx, {
      documentId: doc.id, method: 'electronic', servedOn: doc.issuedOn!, address: '机构门户（信用监管系统）',
      proof: { channel: 'portal', consentSignedOn: consent.signedOn }, consentId: consent.id, receiptDocumentId: null,
      recordedBy: null, electronic: true,
    });
    await tellServed(this.notifications, tx, doc, doc.issuedOn!);
  }

  /** Two calls with one key queue on it (a transaction-scoped lock), so the second finds what the first issued. */
  private async existing(tx: EntityManager, input: IssueInput): Promise<DocumentRow | undefined> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 15))`, [input.idempotencyKey]);
    const row = await this.repo.byKey(tx, input.idempotencyKey);
    if (row && (row.kind !== input.kind || (input.caseNo && row.caseNo !== input.caseNo))) {
      throw conflict(DocumentErrorCode.IDEMPOTENCY_KEY_REUSED, '该幂等键已用于另一份文书', { id: row.id, docNo: row.docNo });
    }
    return row;
  }

  private async found(tx: EntityManager, id: string, lock = false): Promise<DocumentRow> {
    const row = await this.repo.find(id, tx, lock);
    if (!row) throw documentNotFound();
    return row;
  }

  private async view(tx: EntityManager, d: DocumentRow): Promise<IssuedDocument> {
    const s: ServiceRow | undefined = d.status === 'issued' ? await this.services.serviceOf(d.id, tx) : undefined;
    return {
      id: d.id, kind: d.kind, docNo: d.docNo, title: d.title, status: d.status, sha256: d.sha256, issuedOn: d.issuedOn,
      issuedAt: d.issuedAt ? new Date(d.issuedAt).toISOString() : null,
      service: s ? { method: s.method, methodLabel: SERVICE_METHOD_LABELS[s.method], servedOn: s.servedOn, servedAt: s.servedAt ? new Date(s.servedAt).toISOString() : null } : null,
    };
  }

  private within<T>(m: EntityManager | undefined, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return m ? fn(m) : this.ds.transaction(fn);
  }
}

