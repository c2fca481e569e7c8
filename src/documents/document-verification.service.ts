import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { maskName } from '../common/crypto/mask';
import { KIND_TRAITS } from './document-kinds';
import { DocumentsRepository } from './documents.repository';
import { DOCUMENT_SIGNER, DocumentSigner } from './signing/document-signer';
import { hashVerificationCode, normaliseCode } from './verification-code';
import { documentNotFound } from './document.errors';

export interface VerificationResult {
  kind: string;
  kindLabel: string;
  title: string;
  docNo: string;
  issuedOn: string;
  issuer: string;
  addressee: string;
  /** The stored bytes still hash to the SHA-256 recorded at issue. */
  bytesIntact: boolean;
  /** The signature over the stored bytes checks out with the key that signed them. */
  signatureValid: boolean;
  verified: boolean;
  /** The number of the correction that replaced this document, if any. */
  replacedBy: string | null;
}

/**
 * 连云港市海州区启明星培训学校 → 连云港市******培训学校: enough for the holder to recognise, not a directory of
 * everyone the bureau decided against. A person's name keeps its surname only.
 */
export function maskAddressee(name: string): string {
  if (name.length <= 4) return maskName(name);
  const keep = Math.floor(name.length / 3);
  return `${name.slice(0, keep)}${'*'.repeat(name.length - 2 * keep)}${name.slice(-keep)}`;
}

/** The public check of a decision by its verification code: the bytes and the signature, not only the record. */
@Injectable()
export class DocumentVerificationService {
  constructor(
    private readonly repo: DocumentsRepository,
    @Inject(DOCUMENT_SIGNER) private readonly signer: DocumentSigner,
  ) {}

  async verify(rawCode: string): Promise<VerificationResult> {
    const doc = await this.repo.byVerificationHash(hashVerificationCode(normaliseCode(rawCode)));
    if (!doc) throw documentNotFound('未找到与该验证码对应的文书，请核对验证码');
    const pdf = (await this.repo.pdf(doc.id))!;
    const bytesIntact = createHash('sha256').update(pdf).digest('hex') === doc.sha256;
    const signatureValid = await this.signer.verify(pdf, { keyId: doc.signerKeyId!, algorithm: doc.signerAlgorithm ?? '', signature: doc.signature! });
    return {
      kind: doc.kind, kindLabel: KIND_TRAITS[doc.kind].label, title: doc.title, docNo: doc.docNo, issuedOn: doc.issuedOn!,
      issuer: doc.content.issuerName, addressee: maskAddressee(doc.addresseeName), bytesIntact, signatureValid,
      verified: bytesIntact && signatureValid, replacedBy: doc.replacedBy,
    };
  }
}
