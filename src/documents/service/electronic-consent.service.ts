import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCryptoService } from '../../common/crypto/field-crypto.service';
import { notFound } from '../../common/errors/domain.exception';
import { ConsentRow, ServiceRepository } from './service.repository';
import { institutionNotFound } from '../../institutions/institution.errors';
import { uploadNotFound } from '../../portal/upload.errors';
import { DocumentErrorCode } from '../document.errors';

export interface ConsentInput {
  signedOn: string;
  signatory: string;
  email?: string;
  mobile?: string;
  evidenceFileId?: string;
}

export interface ConsentView {
  id: string;
  uscc: string;
  signedOn: string;
  signatory: string;
  /** The confirmed addresses: the portal inbox always, plus the e-mail or mobile the institution named (masked). */
  addresses: { channel: 'portal' | 'email' | 'mobile'; address: string }[];
  evidenceFileId: string | null;
  recordedAt: string;
}

/** zhang.san@example.com → zh***@example.com */
export const maskEmail = (e: string): string => e.replace(/^(.{1,2})[^@]*(@.*)$/, '$1***$2');
/** 13812345678 → 138****5678 */
export const maskMobile = (m: string): string => (m.length >= 7 ? `${m.slice(0, 3)}****${m.slice(-4)}` : '****');

/**
 * 电子送达确认书 (行政处罚法 art. 61): an institution consents on paper, an officer records it with the addresses it
 * confirmed. The e-mail and mobile are personal contact data: encrypted at rest, masked wherever shown. A new
 * consent replaces the previous one; a withdrawn consent ends electronic service from its date.
 */
@Injectable()
export class ElectronicConsentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: ServiceRepository,
    private readonly crypto: FieldCryptoService,
  ) {}

  async current(uscc: string): Promise<ConsentView> {
    const institution = await this.institution(uscc);
    const row = await this.repo.activeConsent(this.ds.manager, institution.id);
    if (!row) throw notFound(DocumentErrorCode.CONSENT_NOT_FOUND, '该机构未签署电子送达确认书');
    return this.view(row);
  }

  record(uscc: string, input: ConsentInput, actorId: string): Promise<ConsentView> {
    return this.ds.transaction(async (tx) => {
      const institution = await this.institution(uscc);
      if (input.evidenceFileId && !(await this.repo.uploadExists(tx, input.evidenceFileId))) {
        throw uploadNotFound(`文件 ${input.evidenceFileId} 不存在`);
      }
      const previous = await this.repo.activeConsent(tx, institution.id, true);
      if (previous) await this.repo.revokeConsent(tx, previous.id, input.signedOn, '由新的电子送达确认书替代', actorId);
      await this.repo.insertConsent(tx, {
        institutionId: institution.id, uscc: institution.uscc, signedOn: input.signedOn, signatory: input.signatory.trim(),
        emailEnc: input.email ? this.crypto.encrypt(input.email.trim()) : null,
        mobileEnc: input.mobile ? this.crypto.encrypt(input.mobile.trim()) : null,
        evidenceFileId: input.evidenceFileId ?? null, recordedBy: actorId,
      });
      return this.view((await this.repo.activeConsent(tx, institution.id))!);
    });
  }

  revoke(uscc: string, revokedOn: string, reason: string, actorId: string): Promise<ConsentView> {
    return this.ds.transaction(async (tx) => {
      const institution = await this.institution(uscc);
      const row = await this.repo.activeConsent(tx, institution.id, true);
      if (!row) throw notFound(DocumentErrorCode.CONSENT_NOT_FOUND, '该机构未签署电子送达确认书');
      await this.repo.revokeConsent(tx, row.id, revokedOn, reason, actorId);
      return this.view(row);
    });
  }

  private async institution(uscc: string): Promise<{ id: string; uscc: string }> {
    const [row] = await this.ds.query(`SELECT id, uscc FROM institutions WHERE uscc = $1`, [uscc.trim().toUpperCase()]);
    if (!row) throw institutionNotFound();
    return row;
  }

  private view(c: ConsentRow): ConsentView {
    const addresses: ConsentView['addresses'] = [{ channel: 'portal', address: '机构门户（信用监管系统）' }];
    if (c.emailEnc) addresses.push({ channel: 'email', address: maskEmail(this.crypto.decrypt(c.emailEnc)) });
    if (c.mobileEnc) addresses.push({ channel: 'mobile', address: maskMobile(this.crypto.decrypt(c.mobileEnc)) });
    return {
      id: c.id, uscc: c.uscc, signedOn: c.signedOn, signatory: c.signatory, addresses, evidenceFileId: c.evidenceFileId,
      recordedAt: new Date(c.recordedAt).toISOString(),
    };
  }
}
