import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DocumentContent } from '../templates';

export interface CaseHeader {
  caseNo: string;
  uscc: string;
  institutionName: string;
  behaviourCode: string;
  behaviourTitle: string;
  severity: 'minor' | 'general' | 'serious';
  stage: string;
  registeredOn: string;
  decisionDate: string | null;
  closedOn: string | null;
  outcome: string | null;
}

export interface CaseFileDocument {
  id: string;
  docNo: string;
  title: string;
  issuedOn: string;
  sha256: string;
  signerKeyId: string;
  toSubject: boolean;
  content: DocumentContent;
  serviceMethod: string | null;
  servedOn: string | null;
  proof: Record<string, unknown> | null;
}

export interface EvidenceItem {
  kind: string;
  submittedOn: string;
  text: string;
  files: { name: string; sha256: string; sizeBytes: number }[];
}

export interface DecisionItem {
  kind: string;
  title: string;
  decisionDate: string;
  hash: string;
}

/** What the case file (案卷) gathers, each part in one query. */
@Injectable()
export class CaseFileRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async header(caseNo: string): Promise<CaseHeader | undefined> {
    const [row] = await this.ds.query(
      `SELECT c.case_no AS "caseNo", c.uscc, i.name AS "institutionName", c.behaviour_code AS "behaviourCode", ci.title AS "behaviourTitle",
              c.severity, c.stage, (c.registered_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "registeredOn",
              c.decision_date::text AS "decisionDate", (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "closedOn", c.outcome
         FROM cases c JOIN institutions i ON i.id = c.institution_id
         JOIN catalogue_items ci ON ci.version = c.catalogue_version AND ci.code = c.behaviour_code
        WHERE c.case_no = $1`, [caseNo]);
    return row;
  }

  /** Issued documents only: a draft or a voided number is not part of the file. */
  documents(caseNo: string): Promise<CaseFileDocument[]> {
    return this.ds.query(
      `SELECT d.id, d.doc_no AS "docNo", d.title, d.issued_on::text AS "issuedOn", d.sha256, d.signer_key_id AS "signerKeyId", d.to_subject AS "toSubject", d.content,
              s.method AS "serviceMethod", s.served_on::text AS "servedOn", s.proof
         FROM documents d LEFT JOIN document_services s ON s.document_id = d.id
        WHERE d.case_no = $1 AND d.status = 'issued' ORDER BY d.issued_at, d.doc_no`, [caseNo]);
  }

  evidence(caseNo: string): Promise<EvidenceItem[]> {
    return this.ds.query(
      `SELECT s.kind, (s.submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "submittedOn", s.text,
              COALESCE(json_agg(json_build_object('name', u.original_name, 'sha256', u.sha256, 'sizeBytes', u.size_bytes)
                ORDER BY u.created_at) FILTER (WHERE u.id IS NOT NULL), '[]') AS files
         FROM case_submissions s LEFT JOIN uploads u ON u.id = ANY (s.file_ids)
        WHERE s.case_no = $1 GROUP BY s.id ORDER BY s.submitted_at`, [caseNo]);
  }

  decisions(caseNo: string): Promise<DecisionItem[]> {
    return this.ds.query(
      `SELECT kind, title, decision_date::text AS "decisionDate", hash FROM credit_records WHERE case_no = $1 ORDER BY seq`, [caseNo]);
  }
}
