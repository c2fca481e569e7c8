/**
 * The formal documents (文书) of a case (brief §7, issue #15). Adding a kind: add it here, give it a template in
 * templates/, and a migration that extends the CHECK of `documents.kind` (the lawful-procedure issues add the penalty
 * documents — 事先告知书, 听证通知书, 听证笔录, 行政处罚决定书 — and the 严重失信主体名单 documents this way).
 */
export const DOCUMENT_KINDS = [
  'notice-of-determination', 'objection-result', 'determination-decision', 'repair-notice', 'rectification-order',
  'interview-notice', 'interview-record', 'sanction-letter', 'sanction-lifting-letter', 'repair-decision', 'service-receipt',
  // the penalty procedure (限制从业, issue #17, docs/industry-bans.md)
  'penalty-notice', 'hearing-notice', 'hearing-record', 'penalty-decision',
  // repair of a record outside a case (a 双公示 penalty), and the referral of another department's record (issue #19)
  'record-repair-decision', 'repair-referral-letter', 'record-repair-not-accepted',
  // a natural person's objection to a record, entered at the counter (issue #19, docs/subjects.md)
  'record-objection-result',
  // the serious-dishonesty list as a decision (issue #17, docs/case-lifecycle.md)
  'listing-notice', 'listing-decision',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * `letter`: a 函 to another department, laid out after GB/T 9704-2012 (信函格式). `enforcement`: the bureau's 执法文书
 * (title, number, addressee, body, basis, rights, issuer, date, seal block).
 *
 * `verifiable`: a decision the addressee may have to prove to others carries a ≥ 128-bit verification code and a QR
 * code of the public verification URL; a notice of intended measures (告知书 of a proposal), a notice, a record and a
 * service receipt do not — they decide nothing.
 *
 * `toSubject`: addressed to the institution (or person) the case is about, so it is served on it and shown in its
 * portal; a letter to a member department is not.
 */
export interface KindTraits {
  label: string;
  layout: 'letter' | 'enforcement';
  verifiable: boolean;
  toSubject: boolean;
  /** Default prefix of the number (文号), e.g. 连区教信告〔2026〕12号; the live one is a setting. */
  defaultPrefix: string;
}

export const KIND_TRAITS: Record<DocumentKind, KindTraits> = {
  'notice-of-determination': { label: '失信行为认定告知书', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教信告' },
  'objection-result': { label: '异议处理结果告知书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教信异' },
  'determination-decision': { label: '失信行为认定决定书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教信决' },
  'repair-notice': { label: '信用修复告知书', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教信修告' },
  'rectification-order': { label: '责令限期整改通知书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教责改' },
  'interview-notice': { label: '约谈通知书', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教约通' },
  'interview-record': { label: '约谈记录', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教约记' },
  'sanction-letter': { label: '联合惩戒函', layout: 'letter', verifiable: true, toSubject: false, defaultPrefix: '连区教惩函' },
  'sanction-lifting-letter': { label: '解除联合惩戒函', layout: 'letter', verifiable: true, toSubject: false, defaultPrefix: '连区教解惩函' },
  'repair-decision': { label: '信用修复决定书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教信修决' },
  'service-receipt': { label: '送达回证', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教送' },
  'penalty-notice': { label: '行政处罚事先告知书', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教罚告' },
  'hearing-notice': { label: '听证通知书', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教听通' },
  'hearing-record': { label: '听证笔录', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教听记' },
  'penalty-decision': { label: '行政处罚决定书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教罚决' },
  'record-repair-decision': { label: '信用修复决定书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教记修决' },
  'record-repair-not-accepted': { label: '信用修复申请不予受理决定书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教修不受' },
  'repair-referral-letter': { label: '信用修复申请转办函', layout: 'letter', verifiable: true, toSubject: false, defaultPrefix: '连区教修转函' },
  'record-objection-result': { label: '异议处理结果告知书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教信记异' },
  'listing-notice': { label: '列入严重失信主体名单告知书', layout: 'enforcement', verifiable: false, toSubject: true, defaultPrefix: '连区教名告' },
  'listing-decision': { label: '列入严重失信主体名单决定书', layout: 'enforcement', verifiable: true, toSubject: true, defaultPrefix: '连区教名决' },
};

export const isDocumentKind = (v: unknown): v is DocumentKind => typeof v === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(v);

/** 连区教信告〔2026〕12号 (GB/T 9704-2012 7.2.4: the year in 六角括号, the serial without leading zeros). */
export const formatDocNo = (prefix: string, year: number, seq: number): string => `${prefix}〔${year}〕${seq}号`;

/** Ways a document is served (送达), brief §7. */
export const SERVICE_METHODS = ['electronic', 'direct', 'postal', 'left', 'public_notice'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  electronic: '电子送达', direct: '直接送达', postal: '邮寄送达', left: '留置送达', public_notice: '公告送达',
};
