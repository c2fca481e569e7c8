import type { EntityManager } from 'typeorm';

/** What a signature over a document's bytes leaves behind: stored with the document, shown in its seal block. */
export interface DocumentSignature {
  keyId: string;
  algorithm: string;
  /** Detached signature over the PDF bytes, hex (DER-encoded for SM2). */
  signature: string;
}

export interface SignerIdentity {
  keyId: string;
  algorithm: string;
  holder: string;
}

/**
 * Signs issued documents and checks their signatures. An electronically served document without a valid signature
 * or seal is not an official document (GB/T 38540, brief §7), so every issue signs and every verification checks
 * the signature, not only the hash.
 *
 * The adapter point for the bureau's electronic-seal service (GB/T 38540 电子印章): implement this interface with the
 * service's client — `identity()` gives the seal's certificate serial and algorithm, `sign()` sends the PDF's SM3
 * digest (or the bytes) to the service and returns its detached SM2 signature, `verify()` asks the service or checks
 * against the seal certificate — and bind it to DOCUMENT_SIGNER in documents-core.module.ts instead of the development
 * signer. Nothing else changes: documents store `signer_key_id` and the signature, and verification dispatches on
 * the stored key id (see docs/documents.md, "Signing").
 */
export interface DocumentSigner {
  identity(): Promise<SignerIdentity>;
  sign(data: Buffer, m?: EntityManager): Promise<DocumentSignature>;
  verify(data: Buffer, signature: DocumentSignature, m?: EntityManager): Promise<boolean>;
}

export const DOCUMENT_SIGNER = Symbol('DOCUMENT_SIGNER');
