import { maskName, maskSubjectName } from '../common/crypto/mask';
import type { CreditRecordKind } from '../credit-file/credit-record.types';
import { personNames } from '../credit-file/personal-data';

/**
 * What of a credit record the public may read. Free text reaches the public only as a public text (公示文本) that a
 * person approved; besides it, each kind shows an allow-list of structured fields, with persons' names masked.
 * Nothing else of the payload is ever selected, so a field added to a payload tomorrow stays internal by default.
 */

/** The free-text fields a kind's public text holds, as their 双公示 keys; `title` is the record's title. */
export const PUBLIC_TEXT_FIELDS: Partial<Record<CreditRecordKind, readonly string[]>> = {
  penalty: ['title', 'violationType', 'facts', 'basis', 'content'],
  licence: ['title', 'documentName', 'certificateName', 'content'],
  // the case workflow approves the findings (认定事实) of a determination, never the lead's allegation
  determination: ['title', 'facts'],
};
const TITLE_ONLY = ['title'] as const;
export const publicTextFieldsOf = (kind: CreditRecordKind): readonly string[] => PUBLIC_TEXT_FIELDS[kind] ?? TITLE_ONLY;

/** Kinds the public sees only with an approved public text; the others show their structured fields and title. */
export const REQUIRES_APPROVED_TEXT = new Set<CreditRecordKind>(['penalty', 'licence']);

const STRUCTURED: Partial<Record<CreditRecordKind, readonly string[]>> = {
  penalty: ['decisionNo', 'subjectName', 'subjectCategory', 'legalRepName', 'penaltyCategory', 'fineAmount', 'confiscatedAmount',
    'validUntil', 'authorityName', 'authorityCode', 'sourceUnitName', 'sourceUnitCode'],
  licence: ['documentNo', 'subjectName', 'subjectCategory', 'legalRepName', 'licenceCategory', 'licenceNo', 'validFrom',
    'validUntil', 'currentStatus', 'authorityName', 'authorityCode', 'sourceUnitName', 'sourceUnitCode'],
  determination: ['behaviourCode'],
  joint_sanction: ['measures', 'departments', 'persons'],
  honour: ['documentNo'],
  commitment: ['purpose', 'reference', 'dueDate'],
};
const PERSON_FIELDS = new Set(['name', 'banFrom', 'banUntil']);

/** The draft of a record's public text from its own fields: what an officer edits and an approver signs off. */
export function draftPublicText(
  kind: CreditRecordKind, title: string, payload: Record<string, unknown>, keys: readonly string[] = publicTextFieldsOf(kind),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = key === 'title' ? title : payload[key];
    if (typeof value === 'string' && value.trim()) out[key] = value;
  }
  return out;
}

/** The structured fields of a record the public may read, persons' names masked. */
export function structuredPublicFields(kind: CreditRecordKind, payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of STRUCTURED[kind] ?? []) {
    const value = payload[key];
    if (value === undefined || value === null) continue;
    if (key === 'subjectName' && payload.subjectCategory === '自然人') out[key] = maskSubjectName(typeof value === 'string' ? value : JSON.stringify(value));
    else if (key === 'legalRepName') out[key] = maskName(typeof value === 'string' ? value : JSON.stringify(value));
    else if (key === 'persons' && Array.isArray(value)) {
      out[key] = value.map((p: Record<string, unknown>) => Object.fromEntries(Object.entries(p ?? {})
        .filter(([k]) => PERSON_FIELDS.has(k)).map(([k, v]) => [k, k === 'name' ? maskName(String(v)) : v])));
    } else out[key] = value;
  }
  return out;
}

/** Every natural person a record names: the guard refuses their names in a public text, the backstop masks them. */
export function namesOfRecord(payload: Record<string, unknown>, extra: (string | null | undefined)[] = []): string[] {
  const subject = payload.subjectCategory === '自然人' && typeof payload.subjectName === 'string' ? [payload.subjectName] : [];
  return [...new Set([...personNames(payload), ...subject, ...extra].filter((n): n is string => typeof n === 'string' && n.trim().length >= 2))];
}
