import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../../common/errors/domain.exception';
import type { DocumentKind } from '../document-kinds';
import type { DocumentSettings } from '../settings/document-settings.service';
import { DocumentErrorCode } from '../document.errors';

/** One piece of a document's body, in reading order. The PDF and the .docx render the same blocks. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** A form's rows (送达回证, 约谈记录): label and value side by side. */
  | { type: 'fields'; rows: [string, string][] }
  /** Lines left blank for hand signatures on paper (the 送达回证's recipient, the interview's attendees). */
  | { type: 'signatures'; lines: string[] };

/**
 * A filled document: everything it says, as stored with it (documents.content). The PDF is rendered from it once at
 * issue and kept as bytes; the .docx and the case file re-render the same content, so they carry the same text.
 */
export interface DocumentContent {
  kind: DocumentKind;
  templateVersion: number;
  layout: 'letter' | 'enforcement';
  issuerName: string;
  title: string;
  docNo: string;
  /** 主送: the addressee line ending in a full-width colon. */
  addressee: string;
  blocks: Block[];
  closing: string | null;
  /** 成文日期 as GB/T 9704-2012 7.3.5.2 writes it: 2026年12月1日. */
  dateText: string;
  issuedOn: string;
  copyTo: string | null;
  replaces: { docNo: string; reason: string } | null;
  verification: { code: string; url: string } | null;
  draft: boolean;
}

/** The case's own data, read from the database when a document names a case. */
export interface CaseFacts {
  caseNo: string;
  /** The approved findings (src/cases/findings.sql.ts); null before a proposal exists. Never the registered lead. */
  findings: string | null;
  severity: 'minor' | 'general' | 'serious';
  behaviourCode: string;
  behaviourTitle: string;
  legalBasis: string;
  rectificationDays: number;
  decisionDate: string | null;
  repairableFrom: string | null;
  publicityUntil: string | null;
  officeCode: string | null;
}

export interface SubjectFacts {
  /** Null for a natural person (issue #19), who has `subjectId`, `idType` and the masked `idMasked` instead. */
  institutionId: string | null;
  uscc: string | null;
  subjectId?: string;
  idType?: string;
  idMasked?: string;
  name: string;
  address: string | null;
  legalRepName: string;
}

export interface TemplateContext {
  settings: DocumentSettings;
  subject: SubjectFacts;
  case: CaseFacts | null;
  /** The step's own data, from the caller (measures, periods, interview time and place, …). */
  data: DataReader;
  today: string;
}

export interface TemplateBody {
  /** Who the document is addressed to (the subject, or a member department for a 函). */
  addresseeName: string;
  addressee: string;
  blocks: Block[];
  closing?: string;
  copyTo?: string;
}

export interface DocumentTemplate {
  kind: DocumentKind;
  version: number;
  /** The title when it depends on the data (信用修复决定书 / 不予信用修复决定书); the kind's label otherwise. */
  title?: (ctx: TemplateContext) => string;
  needsCase: boolean;
  build(ctx: TemplateContext): TemplateBody;
}

type Field = { field: string; message: string };

/**
 * Reads the caller's data for a template and collects every missing or malformed field, so the caller learns all of
 * them at once: `DOCUMENT_DATA_INVALID` with `details.fields`, like the validation pipe's answer.
 */
export class DataReader {
  private readonly errors: Field[] = [];

  constructor(private readonly raw: Record<string, unknown>) {}

  has(field: string): boolean {
    return this.raw[field] !== undefined;
  }

  text(field: string, label: string, opts: { optional?: boolean; fallback?: string | null } = {}): string {
    const v = this.raw[field];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v === undefined && opts.fallback) return opts.fallback;
    if (v !== undefined || !opts.optional) this.errors.push({ field, message: `${label}（${field}）应为非空文本` });
    return '';
  }

  texts(field: string, label: string, opts: { optional?: boolean } = {}): string[] {
    const v = this.raw[field];
    if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string' && x.trim())) return v.map((x: string) => x.trim());
    if (v !== undefined || !opts.optional) this.errors.push({ field, message: `${label}（${field}）应为非空文本的列表` });
    return [];
  }

  int(field: string, label: string, min: number, max: number, fallback?: number): number {
    const v = this.raw[field] ?? fallback;
    if (Number.isInteger(v) && (v as number) >= min && (v as number) <= max) return v as number;
    this.errors.push({ field, message: `${label}（${field}）应为 ${min}–${max} 的整数` });
    return min;
  }

  date(field: string, label: string, fallback?: string | null): string {
    const v = this.raw[field] ?? fallback;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return v;
    this.errors.push({ field, message: `${label}（${field}）应为 YYYY-MM-DD 格式的日期` });
    return '1970-01-01';
  }

  /** An instant with its offset (2026-10-12T09:30:00+08:00); people read it in Beijing time. */
  dateTime(field: string, label: string): string {
    const v = this.raw[field];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
    this.errors.push({ field, message: `${label}（${field}）应为 ISO 8601 日期时间，如 2026-10-12T09:30:00+08:00` });
    return '1970-01-01T00:00:00.000Z';
  }

  oneOf<T extends string>(field: string, label: string, values: readonly T[], fallback?: T): T {
    const v = this.raw[field] ?? fallback;
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    this.errors.push({ field, message: `${label}（${field}）只能是 ${values.join('、')}` });
    return values[0];
  }

  flag(field: string, label: string): boolean {
    const v = this.raw[field];
    if (typeof v === 'boolean') return v;
    this.errors.push({ field, message: `${label}（${field}）应为 true 或 false` });
    return false;
  }

  /** Throws once, with every problem found by the reads before it. */
  done(): void {
    if (this.errors.length) {
      throw new DomainException(DocumentErrorCode.DOCUMENT_DATA_INVALID, `文书内容不完整：${this.errors.map((e) => e.message).join('；')}`,
        HttpStatus.BAD_REQUEST, { fields: this.errors });
    }
  }
}
