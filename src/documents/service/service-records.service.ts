import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/role';
import { conflict, DomainException, unprocessable } from '../../common/errors/domain.exception';
import { ServiceMethod, SERVICE_METHOD_LABELS } from '../document-kinds';
import { DocumentRow, DocumentsRepository } from '../documents.repository';
import { DocumentsService } from '../documents.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { ServiceDeadlines } from './service-deadlines';
import { tellServed } from './served-notice';
import { NewService, ServiceRepository, ServiceRow } from './service.repository';
import { DocumentErrorCode, documentNotFound } from '../document.errors';

/** How an officer served a document on paper (or electronically, once consent exists), with its proof. */
export interface RecordServiceInput {
  method: ServiceMethod;
  /** 直接送达: the day the recipient signed the 送达回证; 邮寄送达: the day on the postal receipt; 留置送达: the day it was left. */
  servedOn?: string;
  recipient?: string;
  servers?: string[];
  place?: string;
  trackingNo?: string;
  witness?: string;
  videoFileId?: string;
  announcedOn?: string;
  announcedIn?: string;
  proofFileIds?: string[];
}

export interface ServiceView {
  documentId: string;
  method: ServiceMethod;
  methodLabel: string;
  servedOn: string;
  servedAt: string | null;
  address: string | null;
  proof: Record<string, unknown>;
  receiptDocumentId: string | null;
}

const missing = (field: string, message: string) =>
  new DomainException(DocumentErrorCode.SERVICE_PROOF_MISSING, message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });

/** Service (送达) as the law counts it (brief §7): one service per document, recorded with its proof, never changed. */
@Injectable()
export class ServiceRecordsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsService,
    private readonly repo: DocumentsRepository,
    private readonly services: ServiceRepository,
    private readonly deadlines: ServiceDeadlines,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Records how the document was served. Direct and left service issue the 送达回证 that the recipient (or the
   * witness) signs on paper; 公告送达 is served 30 days after the announcement. Recording the same service again
   * returns it; a different one is refused — a document is served once.
   */
  record(documentId: string, input: RecordServiceInput, actorId: string | null, m?: EntityManager): Promise<ServiceView> {
    const run = async (tx: EntityManager) => {
      const doc = await this.repo.find(documentId, tx, true);
      if (!doc) throw documentNotFound();
      if (doc.status !== 'issued') throw conflict(DocumentErrorCode.DOCUMENT_NOT_ISSUED, `文书 ${doc.docNo} 尚未签发，不能送达`);
      if (!doc.toSubject) throw unprocessable(DocumentErrorCode.DOCUMENT_NOT_SERVED_ON_SUBJECT, `${doc.title}发往其他部门，不向当事人送达`);
      const servedOn = await this.servedOn(doc, input, tx);
      const existing = await this.services.serviceOf(documentId, tx);
      if (existing) {
        if (existing.method === input.method && existing.servedOn === servedOn) return view(existing);
        throw conflict(DocumentErrorCode.DOCUMENT_ALREADY_SERVED, `文书 ${doc.docNo} 已于 ${existing.servedOn} ${SERVICE_METHOD_LABELS[existing.method]}`, view(existing));
      }
      for (const id of [...(input.proofFileIds ?? []), ...(input.videoFileId ? [input.videoFileId] : [])]) {
        if (!(await this.services.uploadExists(tx, id))) throw missing('proofFileIds', `证明材料文件 ${id} 不存在`);
      }
      const service = await this.serviceFor(tx, doc, input, servedOn, actorId);
      const recorded = view(await this.services.insertService(tx, service));
      await tellServed(this.notifications, tx, doc, servedOn);
      return recorded;
    };
    return m ? run(m) : this.ds.transaction(run);
  }

  /** The institution opened it: proof of receipt, never the service date (民事诉讼法 art. 90). Idempotent. */
  async opened(documentId: string, user: AuthUser): Promise<{ documentId: string; openedAt: string; servedAt: string | null }> {
    const doc = await this.repo.find(documentId);
    if (!doc || doc.status !== 'issued' || !doc.toSubject || doc.uscc !== user.uscc) throw documentNotFound();
    const service = await this.services.serviceOf(documentId);
    // not yet served: not yet addressed to it (issue #18), as if it did not exist
    if (!service || service.servedOn > (await this.repo.clock(this.repo.manager)).today) throw documentNotFound();
    const openedAt = await this.services.recordOpening(documentId, user.id);
    return { documentId, openedAt: new Date(openedAt).toISOString(), servedAt: service?.servedAt ? new Date(service.servedAt).toISOString() : null };
  }

  private async servedOn(doc: DocumentRow, input: RecordServiceInput, tx: EntityManager): Promise<string> {
    const { today } = await this.repo.clock(tx);
    if (input.method === 'electronic') return today;
    if (input.method === 'public_notice') {
      if (!input.announcedOn) throw missing('announcedOn', '公告送达须填写公告日期（announcedOn）');
      if (input.announcedOn < doc.issuedOn! || input.announcedOn > today) throw missing('announcedOn', '公告日期不能早于签发日期，也不能晚于今天');
      return this.deadlines.publicNoticeServedOn(input.announcedOn);
    }
    if (!input.servedOn) throw missing('servedOn', '须填写送达日期（servedOn）');
    if (input.servedOn < doc.issuedOn! || input.servedOn > today) throw missing('servedOn', '送达日期不能早于签发日期，也不能晚于今天');
    return input.servedOn;
  }

  private async serviceFor(tx: EntityManager, doc: DocumentRow, input: RecordServiceInput, servedOn: string, actorId: string | null): Promise<NewService> {
    const base = { documentId: doc.id, method: input.method, servedOn, consentId: null, receiptDocumentId: null, recordedBy: actorId, electronic: false };
    const files = input.proofFileIds ?? [];
    switch (input.method) {
      case 'electronic': {
        const consent = doc.institutionId ? await this.services.activeConsent(tx, doc.institutionId) : undefined;
        if (!consent) throw unprocessable(DocumentErrorCode.NO_ELECTRONIC_CONSENT, '该机构未签署电子送达确认书，不能电子送达，请以其他方式送达');
        return { ...base, consentId: consent.id, electronic: true, address: '机构门户（信用监管系统）', proof: { channel: 'portal', consentSignedOn: consent.signedOn } };
      }
      case 'postal':
        if (!input.trackingNo) throw missing('trackingNo', '邮寄送达须填写邮件号码（trackingNo）');
        return { ...base, address: input.place ?? null, proof: { trackingNo: input.trackingNo, receiptDate: servedOn, files } };
      case 'public_notice':
        if (!input.announcedIn) throw missing('announcedIn', '公告送达须填写公告载体（announcedIn），如本局网站或报纸名称');
        return { ...base, address: null, proof: { announcedOn: input.announcedOn, announcedIn: input.announcedIn, files } };
      default: {
        // direct or left: the 送达回证 is issued now and signed on paper
        if (!input.servers?.length) throw missing('servers', '须填写送达人（servers）');
        if (input.method === 'direct' && !input.recipient) throw missing('recipient', '直接送达须填写签收人（recipient）');
        if (input.method === 'left' && !input.witness && !input.videoFileId) {
          throw missing('witness', '留置送达须有见证人（witness）或者录像（videoFileId）');
        }
        const receipt = await this.documents.issue({
          kind: 'service-receipt', ...(doc.caseNo ? { caseNo: doc.caseNo } : doc.uscc ? { uscc: doc.uscc } : { subjectId: doc.subjectId! }), serve: false, idempotencyKey: `service-receipt:${doc.id}`, actorId,
          data: {
            servedDocument: `${doc.title}（${doc.docNo}）`, method: SERVICE_METHOD_LABELS[input.method], servedOn,
            servers: input.servers, ...(input.place ? { place: input.place } : {}), ...(input.recipient ? { recipient: input.recipient } : {}),
            ...(input.witness ? { witness: input.witness } : {}),
            ...(input.method === 'left' ? { remark: `受送达人拒绝签收，已留置送达${input.videoFileId ? '，并以录像记录送达过程' : ''}` } : {}),
          },
        }, tx);
        return { ...base, receiptDocumentId: receipt.id, address: input.place ?? null,
          proof: { recipient: input.recipient ?? null, servers: input.servers, witness: input.witness ?? null, videoFileId: input.videoFileId ?? null, files, receiptDocNo: receipt.docNo } };
      }
    }
  }
}

export function view(s: ServiceRow): ServiceView {
  return {
    documentId: s.documentId, method: s.method, methodLabel: SERVICE_METHOD_LABELS[s.method], servedOn: s.servedOn,
    servedAt: s.servedAt ? new Date(s.servedAt).toISOString() : null, address: s.address, proof: s.proof, receiptDocumentId: s.receiptDocumentId,
  };
}
