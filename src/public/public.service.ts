import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KIND_LABELS, type CreditRecordKind, type Severity } from '../credit-file/credit-record.types';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { INSTITUTION_TYPE_LABELS, InstitutionType } from '../institutions/institution-type';
import { namesOfRecord, REQUIRES_APPROVED_TEXT, structuredPublicFields } from '../publicity/public-projection';
import { redactDeep, redactPersonalData } from '../publicity/public-text-guard';
import { governingTextSql, intact, textAllowsSql } from '../publicity/public-text.service';
import { institutionNotFound } from '../institutions/institution.errors';
import { maskSubjectName } from '../common/crypto/mask';

/** Kinds the public may see while they are in publication (brief §1: 双公示 and 失信 records). */
const PUBLIC_KINDS: CreditRecordKind[] = ['licence', 'penalty', 'determination', 'joint_sanction', 'honour', 'commitment', 'correction'];
const REQUIRED = [...REQUIRES_APPROVED_TEXT];

export interface PublicRecord {
  id: string;
  kind: CreditRecordKind;
  kindLabel: string;
  title: string;
  decisionDate: string;
  severity: string | null;
  publicityFrom: string;
  publicityUntil: string | null;
  /** For a natural person's record (issue #19): the person's name masked (张*明), and no USCC. */
  institutionName: string;
  uscc: string | null;
  content: Record<string, unknown>;
}

interface Row {
  id: string;
  kind: CreditRecordKind;
  title: string;
  decisionDate: string;
  severity: Severity | null;
  publicityFrom: string;
  publicityUntil: string | null;
  payload: Record<string, unknown>;
  uscc: string | null;
  institutionName: string | null;
  personName: string | null;
  legalRep: string | null;
  text: { status: string; fields: Record<string, string>; hash: string } | null;
  total: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
/** In publication on `d` and shown: the approved public text, or no text needed and none withheld. */
const visible = (r: string, d: string, requiredKinds: string) => `${inPublicationSql(r, d)} AND ${textAllowsSql(r, requiredKinds)}`;

/**
 * What anyone may read: records in publication today, as their approved public texts (公示文本) and an allow-list of
 * structured fields with persons' names masked (src/publicity/public-projection.ts). Everything else — repaired,
 * expired, withdrawn, corrected, never published, withheld by the guard — is simply not selected. Every string
 * shown passes the guard's redaction once more: if anything got past the sign-off, the public still sees it masked.
 */
@Injectable()
export class PublicService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async searchInstitutions(q: string) {
    const term = q.trim();
    const rows = await this.ds.query(
      `SELECT i.uscc, i.name, i.type,
              (SELECT count(*)::int FROM credit_records r
                WHERE r.institution_id = i.id AND r.kind = ANY($3) AND ${visible('r', '$2::date', '$5')}) AS "recordsInPublication"
         FROM institutions i
        WHERE i.uscc = upper($1) OR i.name ILIKE '%' || $4 || '%'
        ORDER BY i.name LIMIT 20`,
      [term, shanghaiToday(), PUBLIC_KINDS, escapeLike(term), REQUIRED],
    );
    return {
      items: rows.map((r: { uscc: string; name: string; type: InstitutionType; recordsInPublication: number }) => ({
        uscc: r.uscc, name: redactPersonalData(r.name), typeLabel: INSTITUTION_TYPE_LABELS[r.type] ?? r.type,
        recordsInPublication: r.recordsInPublication,
      })),
    };
  }

  async institution(uscc: string) {
    const [inst] = await this.ds.query(`SELECT uscc, name, type FROM institutions WHERE uscc = $1`, [uscc.trim().toUpperCase()]);
    if (!inst) throw institutionNotFound();
    const records = await this.records({ uscc: inst.uscc, kinds: PUBLIC_KINDS, limit: 200, offset: 0 });
    const dishonest = records.items.some((r) => ['penalty', 'determination', 'joint_sanction'].includes(r.kind));
    return {
      uscc: inst.uscc, name: redactPersonalData(inst.name), typeLabel: INSTITUTION_TYPE_LABELS[inst.type as InstitutionType] ?? inst.type,
      creditStatus: dishonest ? '有公示中的失信或处罚信息' : '无公示中的失信或处罚信息',
      records: records.items,
    };
  }

  /** 双公示 search: licences and penalties in publication, by institution name or USCC. */
  publicity(opts: { kind?: 'licence' | 'penalty'; q?: string; page: number; pageSize: number }) {
    return this.records({ kinds: opts.kind ? [opts.kind] : ['licence', 'penalty'], q: opts.q, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize });
  }

  private async records(o: { uscc?: string; q?: string; kinds: CreditRecordKind[]; limit: number; offset: number }) {
    const term = o.q?.trim() || null;
    // a reclassification in force sets the class and the end of publication the public is told
    const rows: Row[] = await this.ds.query(
      `SELECT r.id, r.kind, r.title, r.decision_date::text AS "decisionDate", COALESCE(rc.severity, r.severity) AS severity,
              r.publicity_from::text AS "publicityFrom",
              CASE WHEN rc.id IS NULL THEN r.publicity_until::text ELSE rc.until END AS "publicityUntil",
              r.payload, r.uscc, i.name AS "institutionName", p.name AS "personName", i.legal_rep_name AS "legalRep",
              ${governingTextSql('r')} AS text, count(*) OVER ()::int AS total
         FROM credit_records r LEFT JOIN institutions i ON i.id = r.institution_id
         -- a natural person's record (issue #19) is published too, under the person's masked name and never an ID number
         LEFT JOIN subjects p ON p.id = r.subject_id AND r.institution_id IS NULL
         LEFT JOIN LATERAL (SELECT x.id, x.severity, x.payload->>'publicityUntil' AS until FROM credit_records x
                             WHERE x.refers_to = r.id AND x.kind = 'reclassification' AND x.decision_date <= $2::date
                             ORDER BY x.seq DESC LIMIT 1) rc ON true
        WHERE r.kind = ANY($1) AND ${visible('r', '$2::date', '$8')} AND (i.id IS NOT NULL OR p.id IS NOT NULL)
          AND ($3::text IS NULL OR r.uscc = $3)
          AND ($4::text IS NULL OR r.uscc = upper($4) OR i.name ILIKE '%' || $5 || '%')
        ORDER BY r.decision_date DESC, r.id LIMIT $6 OFFSET $7`,
      [o.kinds, shanghaiToday(), o.uscc ?? null, term, term ? escapeLike(term) : null, o.limit, o.offset, REQUIRED],
    );
    // a stored text whose fields no longer match the hash the approver signed off is not shown
    const items = rows.filter((r) => !r.text || intact(r.text)).map((r) => publicRecord(r));
    return { total: rows[0]?.total ?? 0, items };
  }
}

function publicRecord(r: Row): PublicRecord {
  const names = namesOfRecord(r.payload, [r.legalRep, r.personName]);
  const { title, ...text } = r.text?.status === 'approved' ? r.text.fields : ({} as Record<string, string>);
  return {
    id: r.id, kind: r.kind, kindLabel: KIND_LABELS[r.kind], title: redactPersonalData(title ?? r.title, names),
    decisionDate: r.decisionDate, severity: r.severity, publicityFrom: r.publicityFrom, publicityUntil: r.publicityUntil,
    institutionName: r.personName ? maskSubjectName(r.personName) : redactPersonalData(r.institutionName ?? ''), uscc: r.uscc,
    content: redactDeep({ ...structuredPublicFields(r.kind, r.payload), ...text }, names),
  };
}
