import { maskIdNumber, maskName } from '../common/crypto/mask';
import { DomainException } from '../common/errors/domain.exception';
import { isValidIdNumber } from '../common/validation/id-number';
import { isValidUscc } from '../common/validation/uscc';
import { PublicityErrorCode } from './publicity.errors';

/**
 * The automatic backstop behind the approver's sign-off of a public text (公示文本): it finds the personal data a
 * person may overlook — 居民身份证号码 with a valid GB 11643 check digit, mobile numbers, bank-card-like numbers (Luhn,
 * 16–19 digits) and the names of the natural persons the record itself names. Pure: the publicity service, the
 * transition and the case workflow's activities (through PublicTextService) all call it.
 */
export type PersonalDataKind = 'id_number' | 'mobile' | 'bank_card' | 'person_name';

/** Offsets in UTF-16 code units of the checked string, end exclusive: what a browser's String indexes. */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** The match masked, so an answer can say what was found without repeating it. */
  masked: string;
}

export interface PublicTextFinding {
  field: string;
  message: string;
  spans: PersonalDataSpan[];
}

export const KIND_LABELS: Record<PersonalDataKind, string> = {
  id_number: '身份证号码', mobile: '手机号码', bank_card: '银行卡号', person_name: '自然人姓名',
};

const ID = /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9])/g;
const CARD = /(?<![0-9])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)(?![0-9])/g;

const digitsOf = (s: string) => s.replace(/[ -]/g, '');
/** Full-width digits and Ｘ read as ASCII, one character for one, so offsets still point into the original. */
const halfWidth = (s: string) => s.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function matches(text: string, re: RegExp, kind: PersonalDataKind, keep: (m: string) => boolean, mask: (m: string) => string): PersonalDataSpan[] {
  return [...text.matchAll(re)].filter((m) => keep(m[0])).map((m) => ({ kind, start: m.index!, end: m.index! + m[0].length, masked: mask(m[0]) }));
}

const maskDigits = (s: string) => { const d = digitsOf(s); return `${d.slice(0, 3)}${'*'.repeat(Math.max(0, d.length - 7))}${d.slice(-4)}`; };

/** Every piece of personal data in `text`, in order; overlapping finds keep the first kind found (ID before card). */
export function findPersonalData(raw: string, names: readonly string[] = []): PersonalDataSpan[] {
  if (typeof raw !== 'string' || !raw) return [];
  const text = halfWidth(raw);
  const found = [
    ...matches(text, ID, 'id_number', (m) => isValidIdNumber(digitsOf(m).toUpperCase()), (m) => maskIdNumber(digitsOf(m).toUpperCase())),
    ...matches(text, CARD, 'bank_card', (m) => luhn(digitsOf(m)) && !isValidUscc(m), maskDigits),
    ...matches(text, MOBILE, 'mobile', () => true, maskDigits),
    ...[...new Set(names.map((n) => n?.trim()).filter((n): n is string => !!n && n.length >= 2))].flatMap((name) => {
      const spans: PersonalDataSpan[] = [];
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        spans.push({ kind: 'person_name', start: at, end: at + name.length, masked: maskName(name) });
      }
      return spans;
    }),
  ];
  const kept: PersonalDataSpan[] = [];
  for (const s of found) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

/** One finding per field that holds personal data, with its spans, so a form can mark the words. */
export function checkPublicText(fields: Record<string, unknown>, names: readonly string[] = []): PublicTextFinding[] {
  return Object.entries(fields).flatMap(([field, value]) => {
    const spans = typeof value === 'string' ? findPersonalData(value, names) : [];
    if (!spans.length) return [];
    const kinds = [...new Set(spans.map((s) => KIND_LABELS[s.kind]))].join('、');
    return [{ field, message: `含有${kinds}，不能公示：请删去或改写后再提交`, spans }];
  });
}

/** 400 PERSONAL_DATA_IN_PUBLIC_TEXT naming every field and span; `prefix` places the fields in the request body. */
export function assertNoPersonalData(fields: Record<string, unknown>, names: readonly string[] = [], prefix = ''): void {
  const findings = checkPublicText(fields, names).map((f) => ({ ...f, field: `${prefix}${f.field}` }));
  if (findings.length) throw personalDataException(findings);
}

export function personalDataException(findings: PublicTextFinding[]): DomainException {
  return new DomainException(PublicityErrorCode.PERSONAL_DATA_IN_PUBLIC_TEXT, `公示文本含有个人信息（${findings.map((f) => f.field).join('、')}），不能公示`, 400,
    { fields: findings });
}

/** The same finds replaced by their masked form: the last line of defence on every public answer. */
export function redactPersonalData(text: string, names: readonly string[] = []): string {
  let out = '';
  let at = 0;
  for (const s of findPersonalData(text, names)) {
    out += text.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return out + text.slice(at);
}

/** `redactPersonalData` on every string of a JSON value (object keys included, which a payload can carry too). */
export function redactDeep<T>(value: T, names: readonly string[] = []): T {
  if (typeof value === 'string') return redactPersonalData(value, names) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, names)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactPersonalData(k, names), redactDeep(v, names)])) as T;
  }
  return value;
}
