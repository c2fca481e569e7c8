import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ServiceMethod } from '../document-kinds';

export interface ConsentRow {
  id: string;
  institutionId: string;
  uscc: string;
  signedOn: string;
  signatory: string;
  emailEnc: string | null;
  mobileEnc: string | null;
  evidenceFileId: string | null;
  recordedAt: Date;
}

export interface ServiceRow {
  id: string;
  documentId: string;
  method: ServiceMethod;
  servedOn: string;
  servedAt: Date | null;
  address: string | null;
  proof: Record<string, unknown>;
  receiptDocumentId: string | null;
  recordedAt: Date;
}

export type NewService = Omit<ServiceRow, 'id' | 'recordedAt' | 'servedAt'> & { consentId: string | null; recordedBy: string | null; electronic: boolean };

const CONSENT = `c.id, c.institution_id AS "institutionId", c.uscc, c.signed_on::text AS "signedOn", c.signatory,
  c.email_enc AS "emailEnc", c.mobile_enc AS "mobileEnc", c.evidence_file_id AS "evidenceFileId", c.recorded_at AS "recordedAt"`;
const SERVICE = `s.id, s.document_id AS "documentId", s.method, s.served_on::text AS "servedOn", s.served_at AS "servedAt",
  s.address, s.proof, s.receipt_document_id AS "receiptDocumentId", s.recorded_at AS "recordedAt"`;

/** Every query of service (送达): consents, services, openings. */
@Injectable()
export class ServiceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async activeConsent(m: EntityManager, institutionId: string, lock = false): Promise<ConsentRow | undefined> {
    const [row] = await m.query(
      `SELECT ${CONSENT} FROM electronic_service_consents c WHERE c.institution_id = $1 AND c.revoked_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [institutionId]);
    return row;
  }

  async insertConsent(m: EntityManager, c: Omit<ConsentRow, 'id' | 'recordedAt'> & { recordedBy: string }): Promise<void> {
    await m.query(
      `INSERT INTO electronic_service_consents (institution_id, uscc, signed_on, signatory, email_enc, mobile_enc, evidence_file_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.institutionId, c.uscc, c.signedOn, c.signatory, c.emailEnc, c.mobileEnc, c.evidenceFileId, c.recordedBy]);
  }

  async revokeConsent(m: EntityManager, id: string, revokedOn: string, reason: string, actorId: string): Promise<void> {
    await m.query(
      `UPDATE electronic_service_consents SET revoked_on = $2, revoked_reason = $3, revoked_by = $4, revoked_at = now()
        WHERE id = $1 AND revoked_at IS NULL`, [id, revokedOn, reason, actorId]);
  }

  async serviceOf(documentId: string, m: EntityManager = this.ds.manager): Promise<ServiceRow | undefined> {
    const [row] = await m.query(`SELECT ${SERVICE} FROM document_services s WHERE s.document_id = $1`, [documentId]);
    return row;
  }

  /** Electronic service arrives when the document is in the portal inbox: the issuing transaction's own instant. */
  async insertService(m: EntityManager, s: NewService): Promise<ServiceRow> {
    const [row] = await m.query(
      `INSERT INTO document_services AS s (document_id, method, served_on, served_at, address, proof, consent_id, receipt_document_id, recorded_by)
       VALUES ($1, $2, $3, CASE WHEN $9 THEN now() END, $4, $5, $6, $7, $8)
       RETURNING ${SERVICE}`,
      [s.documentId, s.method, s.servedOn, s.address, JSON.stringify(s.proof), s.consentId, s.receiptDocumentId, s.recordedBy, s.electronic]);
    return row;
  }

  /** Idempotent: the first opening is the proof; opening again changes nothing. */
  async recordOpening(documentId: string, userId: string): Promise<Date> {
    await this.ds.query(`INSERT INTO document_openings (document_id, opened_by) VALUES ($1, $2) ON CONFLICT (document_id) DO NOTHING`,
      [documentId, userId]);
    const [row] = await this.ds.query(`SELECT opened_at AS "openedAt" FROM document_openings WHERE document_id = $1`, [documentId]);
    return row.openedAt;
  }

  async uploadExists(m: EntityManager, id: string): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM uploads WHERE id = $1`, [id]);
    return !!row;
  }
}
