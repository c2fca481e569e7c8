import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain.exception';
import { KIND_LABELS, type CreditRecordKind } from '../credit-file/credit-record.types';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { publicPayload } from '../credit-file/personal-data';
import { INSTITUTION_TYPE_LABELS, InstitutionType } from '../institutions/institution-type';

/** Kinds the public may see while they are in publication (brief §1: 双公示 and 失信 records). */
const PUBLIC_KINDS: CreditRecordKind[] = ['licence', 'penalty', 'determination', 'joint_sanction', 'honour', 'commitment', 'correction'];

export interface PublicRecord {
  id: string;
  kind: CreditRecordKind;
  kindLabel: string;
  title: string;
  decisionDate: string;
  severity: string | null;
  publicityFrom: string;
  publicityUntil: string | null;
  institutionName: string;
  uscc: string;
  content: Record<string, unknown>;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * What anyone may read: records in publication today, personal data removed or masked. Everything else —
 * repaired, expired, withdrawn, corrected, never published — is simply not selected.
 */
@Injectable()
export class PublicService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async searchInstitutions(q: string) {
    const term = q.trim();
    const rows = await this.ds.query(
      `SELECT i.uscc, i.name, i.type,
              (SELECT count(*)::int FROM credit_records r
                WHERE r.institution_id = i.id AND r.kind = ANY($3) AND ${inPublicationSql('r', '$2::date')}) AS "recordsInPublication"
         FROM institutions i
        WHERE i.uscc = upper($1) OR i.name ILIKE '%' || $4 || '%'
        ORDER BY i.name LIMIT 20`,
      [term, shanghaiToday(), PUBLIC_KINDS, escapeLike(term)],
    );
    return {
      items: rows.map((r: { uscc: string; name: string; type: InstitutionType; recordsInPublication: number }) => ({
        uscc: r.uscc, name: r.name, typeLabel: INSTITUTION_TYPE_LABELS[r.type] ?? r.type, recordsInPublication: r.recordsInPublication,
      })),
    };
  }

  async institution(uscc: string) {
    const [inst] = await this.ds.query(`SELECT uscc, name, type FROM institutions WHERE uscc = $1`, [uscc.trim().toUpperCase()]);
    if (!inst) throw notFound('INSTITUTION_NOT_FOUND', '机构不存在');
    const records = await this.records({ uscc: inst.uscc, kinds: PUBLIC_KINDS, limit: 200, offset: 0 });
    const dishonest = records.items.some((r) => ['penalty', 'determination', 'joint_sanction'].includes(r.kind));
    return {
      uscc: inst.uscc, name: inst.name, typeLabel: INSTITUTION_TYPE_LABELS[inst.type as InstitutionType] ?? inst.type,
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
    const rows = await this.ds.query(
      `SELECT r.id, r.kind, r.title, r.decision_date::text AS "decisionDate", r.severity, r.publicity_from::text AS "publicityFrom",
              r.publicity_until::text AS "publicityUntil", r.payload, r.uscc, i.name AS "institutionName",
              count(*) OVER ()::int AS total
         FROM credit_records r JOIN institutions i ON i.id = r.institution_id
        WHERE r.kind = ANY($1) AND ${inPublicationSql('r', '$2::date')}
          AND ($3::text IS NULL OR r.uscc = $3)
          AND ($4::text IS NULL OR r.uscc = upper($4) OR i.name ILIKE '%' || $5 || '%')
        ORDER BY r.decision_date DESC, r.id LIMIT $6 OFFSET $7`,
      [o.kinds, shanghaiToday(), o.uscc ?? null, term, term ? escapeLike(term) : null, o.limit, o.offset],
    );
    const items: PublicRecord[] = rows.map((r: PublicRecord & { payload: Record<string, unknown> }) => ({
      id: r.id, kind: r.kind, kindLabel: KIND_LABELS[r.kind], title: r.title, decisionDate: r.decisionDate, severity: r.severity,
      publicityFrom: r.publicityFrom, publicityUntil: r.publicityUntil, institutionName: r.institutionName, uscc: r.uscc,
      content: publicPayload(r.payload),
    }));
    return { total: rows[0]?.total ?? 0, items };
  }
}
