import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { findingsOf } from '../cases/findings.sql';
import type { DocumentKind, ServiceMethod } from './document-kinds';
import type { CaseFacts, DocumentContent, SubjectFacts } from './templates';

/** A document row without its bytes. */
export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  templateVersion: number;
  status: 'draft' | 'issued' | 'void';
  docNo: string;
  caseNo: string | null;
  officeCode: string | null;
  institutionId: string | null;
  uscc: string | null;
  /** A natural person's subject (src/subjects), when the document is addressed to one. */
  subjectId: string | null;
  toSubject: boolean;
  addresseeName: string;
  title: string;
  input: StoredInput;
  content: DocumentContent;
  sha256: string | null;
  signature: string | null;
  signerKeyId: string | null;
  signerAlgorithm: string | null;
  replaces: string | null;
  issuedOn: string | null;
  issuedAt: Date | null;
  draftedAt: Date;
  voidReason: string | null;
  idempotencyKey: string;
}

/** What a document was filled from, kept so a draft is issued with the data it was drafted with. */
export interface StoredInput {
  data: Record<string, unknown>;
  subject: SubjectFacts;
  case: CaseFacts | null;
  replaces: { id: string; docNo: string; reason: string } | null;
}

export type NewDocument = Omit<DocumentRow, 'issuedAt' | 'draftedAt' | 'voidReason' | 'signerAlgorithm' | 'status'> & {
  status: 'draft' | 'issued';
  issuerCode: string;
  year: number;
  seq: number;
  pdf: Buffer | null;
  verificationCodeHash: string | null;
  actorId: string | null;
};

export interface DocumentListRow {
  id: string;
  kind: DocumentKind;
  docNo: string;
  title: string;
  status: 'draft' | 'issued' | 'void';
  addresseeName: string;
  issuedOn: string | null;
  issuedAt: Date | null;
  replaces: string | null;
  serviceMethod: ServiceMethod | null;
  servedOn: string | null;
  servedAt: Date | null;
  openedAt: Date | null;
  sha256: string | null;
}

const COLUMNS = `d.id, d.kind, d.template_version AS "templateVersion", d.status, d.doc_no AS "docNo", d.case_no AS "caseNo",
  d.office_code AS "officeCode", d.institution_id AS "institutionId", d.uscc, d.subject_id AS "subjectId", d.to_subject AS "toSubject",
  d.addressee_name AS "addresseeName", d.title, d.input, d.content, d.sha256, d.signature, d.signer_key_id AS "signerKeyId",
  k.algorithm AS "signerAlgorithm", d.replaces, d.issued_on::text AS "issuedOn", d.issued_at AS "issuedAt",
  d.drafted_at AS "draftedAt", d.void_reason AS "voidReason", d.idempotency_key AS "idempotencyKey"`;
const FROM = `FROM documents d LEFT JOIN document_signing_keys k ON k.key_id = d.signer_key_id`;

/** Every query of the document engine (documents, numbers, the case data a template is filled with). */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  /**
   * The next number of a bureau's kind and year. The upsert locks the counter row until the issuing transaction
   * ends: a rolled-back issue gives its number back and concurrent issues of the kind queue here, so the numbers that
   * exist run 1, 2, 3 … without a gap. A voided draft keeps its number (status 'void'): it is never handed out again.
   */
  async nextNumber(m: EntityManager, issuerCode: string, kind: DocumentKind, year: number): Promise<number> {
    const [{ value }] = await m.query(
      `INSERT INTO document_number_counters (issuer_code, kind, year, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (issuer_code, kind, year) DO UPDATE SET last_value = document_number_counters.last_value + 1
       RETURNING last_value AS value`, [issuerCode, kind, year]);
    return value;
  }

  /** Today and the year in Beijing, by the database's clock (the one its timestamps use). */
  async clock(m: EntityManager): Promise<{ today: string; year: number; now: Date }> {
    const [row] = await m.query(
      `SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today, extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int AS year, now() AS now`);
    return row;
  }

  async find(id: string, m: EntityManager = this.ds.manager, lock = false): Promise<DocumentRow | undefined> {
    const [row] = await m.query(`SELECT ${COLUMNS} ${FROM} WHERE d.id = $1 ${lock ? 'FOR UPDATE OF d' : ''}`, [id]);
    return row;
  }

  async byKey(m: EntityManager, key: string): Promise<DocumentRow | undefined> {
    const [row] = await m.query(`SELECT ${COLUMNS} ${FROM} WHERE d.idempotency_key = $1`, [key]);
    return row;
  }

  async byVerificationHash(hash: string): Promise<(DocumentRow & { replacedBy: string | null }) | undefined> {
    const [row] = await this.ds.query(
      `SELECT ${COLUMNS}, (SELECT r.doc_no FROM documents r WHERE r.replaces = d.id AND r.status = 'issued') AS "replacedBy"
       ${FROM} WHERE d.verification_code_hash = $1 AND d.status = 'issued'`, [hash]);
    return row;
  }

  async correctionOf(m: EntityManager, id: string): Promise<string | undefined> {
    const [row] = await m.query(`SELECT doc_no FROM documents WHERE replaces = $1 AND status <> 'void'`, [id]);
    return row?.doc_no;
  }

  async pdf(id: string): Promise<Buffer | null> {
    const [row] = await this.ds.query(`SELECT pdf FROM documents WHERE id = $1`, [id]);
    return row?.pdf ?? null;
  }

  async insert(m: EntityManager, d: NewDocument): Promise<void> {
    await m.query(
      `INSERT INTO documents (id, kind, template_version, status, issuer_code, year, seq, doc_no, case_no, office_code, institution_id,
         uscc, to_subject, addressee_name, title, input, content, pdf, sha256, signature, signer_key_id, verification_code_hash,
         replaces, drafted_by, issued_on, issued_at, issued_by, idempotency_key, subject_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,
         CASE WHEN $4 = 'issued' THEN now() END, CASE WHEN $4 = 'issued' THEN $24::uuid END, $26, $27)`,
      [d.id, d.kind, d.templateVersion, d.status, d.issuerCode, d.year, d.seq, d.docNo, d.caseNo, d.officeCode, d.institutionId,
        d.uscc, d.toSubject, d.addresseeName, d.title, JSON.stringify(d.input), JSON.stringify(d.content), d.pdf, d.sha256,
        d.signature, d.signerKeyId, d.verificationCodeHash, d.replaces, d.actorId, d.issuedOn, d.idempotencyKey, d.subjectId]);
  }

  async markIssued(m: EntityManager, id: string, d: Pick<NewDocument, 'content' | 'pdf' | 'sha256' | 'signature' | 'signerKeyId'
    | 'verificationCodeHash' | 'issuedOn' | 'actorId' | 'title'>): Promise<void> {
    await m.query(
      `UPDATE documents SET status = 'issued', content = $2, pdf = $3, sha256 = $4, signature = $5, signer_key_id = $6,
         verification_code_hash = $7, issued_on = $8, issued_at = now(), issued_by = $9, title = $10
       WHERE id = $1 AND status = 'draft'`,
      [id, JSON.stringify(d.content), d.pdf, d.sha256, d.signature, d.signerKeyId, d.verificationCodeHash, d.issuedOn, d.actorId, d.title]);
  }

  async markVoid(m: EntityManager, id: string, reason: string, actorId: string | null): Promise<void> {
    await m.query(`UPDATE documents SET status = 'void', void_reason = $2, voided_by = $3, voided_at = now() WHERE id = $1 AND status = 'draft'`,
      [id, reason, actorId]);
  }

  /** A case's documents with their service and opening, newest last; `subjectOf` keeps those issued to that USCC. */
  async listForCase(caseNo: string, subjectOf?: string): Promise<DocumentListRow[]> {
    return this.ds.query(
      `SELECT d.id, d.kind, d.doc_no AS "docNo", d.title, d.status, d.addressee_name AS "addresseeName", d.issued_on::text AS "issuedOn",
              d.issued_at AS "issuedAt", d.replaces, s.method AS "serviceMethod", s.served_on::text AS "servedOn", s.served_at AS "servedAt",
              o.opened_at AS "openedAt", d.sha256
         FROM documents d
         LEFT JOIN document_services s ON s.document_id = d.id
         LEFT JOIN document_openings o ON o.document_id = d.id
        WHERE d.case_no = $1
          -- the institution's list: what was addressed to it and has been served by today (brief §7)
          AND ($2::text IS NULL OR (d.uscc = $2 AND d.to_subject AND d.status = 'issued' AND s.served_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date))
        ORDER BY d.drafted_at, d.doc_no`, [caseNo, subjectOf ?? null]);
  }

  async caseOwner(caseNo: string): Promise<{ uscc: string; officeCode: string | null } | undefined> {
    const [row] = await this.ds.query(`SELECT uscc, office_code AS "officeCode" FROM cases WHERE case_no = $1`, [caseNo]);
    return row;
  }

  async caseFacts(m: EntityManager, caseNo: string): Promise<{ case: CaseFacts; uscc: string } | undefined> {
    const [row] = await m.query(
      `SELECT c.case_no AS "caseNo", c.uscc, ${findingsOf('c')} AS findings, c.severity, c.behaviour_code AS "behaviourCode", ci.title AS "behaviourTitle",
              ci.legal_basis AS "legalBasis", ci.rectification_days AS "rectificationDays", c.decision_date::text AS "decisionDate",
              c.repairable_from::text AS "repairableFrom", c.publicity_until::text AS "publicityUntil", c.office_code AS "officeCode"
         FROM cases c JOIN catalogue_items ci ON ci.version = c.catalogue_version AND ci.code = c.behaviour_code
        WHERE c.case_no = $1`, [caseNo]);
    if (!row) return undefined;
    const { uscc, ...facts } = row;
    return { case: facts, uscc };
  }

  /** A natural person as a document's addressee: the ID number only masked, even on paper kept in the file. */
  async person(m: EntityManager, subjectId: string): Promise<(SubjectFacts & { officeCode: string | null; idEnc: string }) | undefined> {
    const [row] = await m.query(
      `SELECT NULL AS "institutionId", NULL AS uscc, id AS "subjectId", name, NULL AS address, '' AS "legalRepName", id_type AS "idType",
              id_enc AS "idEnc", office_code AS "officeCode"
         FROM subjects WHERE id = $1 AND kind = 'person'`, [subjectId]);
    return row;
  }

  async subject(m: EntityManager, uscc: string): Promise<(SubjectFacts & { officeCode: string | null }) | undefined> {
    const [row] = await m.query(
      `SELECT id AS "institutionId", uscc, name, address, legal_rep_name AS "legalRepName", office_code AS "officeCode"
         FROM institutions WHERE uscc = $1`, [uscc]);
    return row;
  }
}
