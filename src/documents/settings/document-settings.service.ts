import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, unprocessable } from '../../common/errors/domain.exception';
import { isValidUscc } from '../../common/validation/uscc';
import { DOCUMENT_KINDS, DocumentKind, KIND_TRAITS } from '../document-kinds';
import { DocumentErrorCode } from '../document.errors';

/** What every document prints about its issuer and the remedies against it; admin-editable (PUT /api/document-settings). */
export interface DocumentSettings {
  issuerName: string;
  /** The bureau's own 统一社会信用代码: numbers run per bureau, kind and year. */
  issuerCode: string;
  /** 行政区划代码 of the district (320703 for 连云区). */
  areaCode: string;
  numberPrefixes: Record<DocumentKind, string>;
  /** Where 行政复议 is applied for: the district government for a district bureau (行政复议法 2023 art. 24). */
  reviewBody: string;
  /** The court a 行政诉讼 goes to (行政诉讼法 art. 18: where the authority that acted sits). */
  court: string;
  contactAddress: string;
  contactPhone: string;
  /** Public verification URL printed as a QR code on decisions, `?code=` appended. */
  verifyBaseUrl: string;
  /** Retention (保管期限) in years per record kind: `case-file` and each document kind. */
  retentionYears: Record<string, number>;
  updatedAt: string;
}

/** Prefixes and retention years not given keep their defaults. */
export type DocumentSettingsInput = Omit<DocumentSettings, 'updatedAt' | 'numberPrefixes' | 'retentionYears'> & {
  numberPrefixes?: Record<string, unknown>;
  retentionYears?: Record<string, unknown>;
};

/**
 * Default retention: 30 years (定期30年) for everything that records a decision or a service, 10 years for an
 * interview notice (国家档案局令第8号 gives the 永久 / 30 / 10 year classes; no binding source fixes the bureau's
 * choice, so these are defaults an administrator changes).
 */
export const DEFAULT_RETENTION_YEARS: Record<string, number> = {
  'case-file': 30, ...Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, k === 'interview-notice' ? 10 : 30])),
};
export const DEFAULT_PREFIXES = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, KIND_TRAITS[k].defaultPrefix])) as Record<DocumentKind, string>;

const COLUMNS = `issuer_name AS "issuerName", issuer_code AS "issuerCode", area_code AS "areaCode", number_prefixes AS "numberPrefixes",
  review_body AS "reviewBody", court, contact_address AS "contactAddress", contact_phone AS "contactPhone",
  verify_base_url AS "verifyBaseUrl", retention_years AS "retentionYears", updated_at AS "updatedAt"`;

const invalid = (field: string, message: string) =>
  new DomainException(DocumentErrorCode.DOCUMENT_SETTINGS_INVALID, message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });

@Injectable()
export class DocumentSettingsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** No document can be issued before the bureau is named: refuse clearly rather than print a blank issuer. */
  async get(m: EntityManager = this.ds.manager): Promise<DocumentSettings> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM document_settings WHERE id = 1`);
    if (!row) throw unprocessable(DocumentErrorCode.DOCUMENT_SETTINGS_MISSING, '尚未设置发文机关等文书信息，请系统管理员先在“文书设置”中维护');
    // a kind added after the settings were saved numbers with its default prefix until an admin sets one
    return { ...row, numberPrefixes: { ...DEFAULT_PREFIXES, ...row.numberPrefixes }, updatedAt: new Date(row.updatedAt).toISOString() };
  }

  async update(input: DocumentSettingsInput, actorId: string | null): Promise<DocumentSettings> {
    const prefixes = checkPrefixes(input.numberPrefixes);
    const retention = checkRetention(input.retentionYears);
    if (!isValidUscc(input.issuerCode.toUpperCase())) throw invalid('issuerCode', '发文机关统一社会信用代码不符合 GB 32100-2015 校验规则');
    await this.ds.query(
      `INSERT INTO document_settings (id, issuer_name, issuer_code, area_code, number_prefixes, review_body, court, contact_address,
         contact_phone, verify_base_url, retention_years, updated_by, updated_at)
       VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (id) DO UPDATE SET issuer_name = EXCLUDED.issuer_name, issuer_code = EXCLUDED.issuer_code,
         area_code = EXCLUDED.area_code, number_prefixes = EXCLUDED.number_prefixes, review_body = EXCLUDED.review_body,
         court = EXCLUDED.court, contact_address = EXCLUDED.contact_address, contact_phone = EXCLUDED.contact_phone,
         verify_base_url = EXCLUDED.verify_base_url, retention_years = EXCLUDED.retention_years,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [input.issuerName.trim(), input.issuerCode.toUpperCase(), input.areaCode, JSON.stringify(prefixes), input.reviewBody.trim(),
        input.court.trim(), input.contactAddress.trim(), input.contactPhone.trim(), input.verifyBaseUrl.trim(), JSON.stringify(retention), actorId],
    );
    return this.get();
  }
}

/** Every kind needs its own prefix: two kinds sharing one would print the same number twice. */
function checkPrefixes(given: Record<string, unknown> | undefined): Record<DocumentKind, string> {
  const prefixes = { ...DEFAULT_PREFIXES };
  for (const [kind, value] of Object.entries(given ?? {})) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw invalid(`numberPrefixes.${kind}`, `未知的文书种类：${kind}`);
    if (typeof value !== 'string' || !/^[\p{Script=Han}A-Za-z0-9]{1,12}$/u.test(value)) {
      throw invalid(`numberPrefixes.${kind}`, `${KIND_TRAITS[kind as DocumentKind].label}的文号前缀应为 1–12 个汉字、字母或数字`);
    }
    prefixes[kind as DocumentKind] = value;
  }
  const seen = new Map<string, DocumentKind>();
  for (const kind of DOCUMENT_KINDS) {
    const other = seen.get(prefixes[kind]);
    if (other) throw invalid(`numberPrefixes.${kind}`, `${KIND_TRAITS[kind].label}与${KIND_TRAITS[other].label}的文号前缀相同（${prefixes[kind]}），编号会重复`);
    seen.set(prefixes[kind], kind);
  }
  return prefixes;
}

function checkRetention(given: Record<string, unknown> | undefined): Record<string, number> {
  const retention = { ...DEFAULT_RETENTION_YEARS };
  for (const [kind, years] of Object.entries(given ?? {})) {
    if (!(kind in DEFAULT_RETENTION_YEARS)) throw invalid(`retentionYears.${kind}`, `未知的档案种类：${kind}`);
    if (!Number.isInteger(years) || (years as number) < 1 || (years as number) > 100) {
      throw invalid(`retentionYears.${kind}`, '保管期限应为 1–100 年的整数（永久保管填 100）');
    }
    retention[kind] = years as number;
  }
  return retention;
}
