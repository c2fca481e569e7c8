import type { DocumentKind } from '../document-kinds';
import type { Block, DocumentTemplate, TemplateBody, TemplateContext } from './template.types';

/** 36号令, the rules every repair decision and every lifted measure cites. */
export const REPAIR_RULES = '《信用修复管理办法》（国家发展改革委令第36号）';

export const SEVERITY_LABELS = { minor: '轻微', general: '一般', serious: '严重' } as const;

/** 2026年12月1日: GB/T 9704-2012 7.3.5.2 writes 成文日期 in Arabic numerals, the year in full, no leading zeros. */
export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026年12月1日 14:30 from an ISO date-time, in Beijing time. */
export function dateTimeText(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${dateText(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** 统一社会信用代码：… for an institution; a person's ID type and masked number (issue #19). */
export const subjectIdentity = (ctx: TemplateContext): string => (ctx.subject.uscc
  ? `统一社会信用代码：${ctx.subject.uscc}`
  : `${ctx.subject.idType ?? '证件'}号码：${ctx.subject.idMasked ?? ''}`);

export const subjectLine = (ctx: TemplateContext): string => `${ctx.subject.name}（${subjectIdentity(ctx)}）：`;

/** The wording of the first documents, which named every subject by USCC (a person's read "统一社会信用代码：null"). */
export const usccIdentity = (ctx: TemplateContext): string => `统一社会信用代码：${ctx.subject.uscc}`;
export const usccNamed = (ctx: TemplateContext): string => `${ctx.subject.name}（${usccIdentity(ctx)}）`;

export const heading = (text: string): Block => ({ type: 'heading', text });
export const para = (text: string): Block => ({ type: 'paragraph', text });
export const numbered = (items: string[]): Block[] => items.map((t, i) => para(`${i + 1}．${t}`));
export const fields = (rows: [string, string][]): Block => ({ type: 'fields', rows });
export const signatures = (lines: string[]): Block => ({ type: 'signatures', lines });

/** A template's fixed traits in one line; `build` says only what the document itself says. */
export const template = (kind: DocumentKind, needsCase: boolean, build: DocumentTemplate['build'],
  more: { version?: number; title?: DocumentTemplate['title'] } = {}): DocumentTemplate =>
  ({ kind, version: more.version ?? 1, needsCase, build, ...(more.title ? { title: more.title } : {}) });

type Ending = Pick<TemplateBody, 'closing' | 'copyTo'>;

/** A document addressed to the case's subject (主送 the institution or person, with its identity). */
export const toSubject = (ctx: TemplateContext, blocks: Block[], ending: Ending = {}): TemplateBody =>
  ({ addresseeName: ctx.subject.name, addressee: subjectLine(ctx), blocks, ...ending });

/** A 函 to another department, addressed by its name alone. */
export const toDepartment = (to: string, blocks: Block[], ending: Ending = {}): TemplateBody =>
  ({ addresseeName: to, addressee: `${to}：`, blocks, ...ending });

/** A record (笔录, 回证) filled in on the spot: no addressee line, signed on paper. */
export const record = (addresseeName: string, blocks: Block[]): TemplateBody => ({ addresseeName, addressee: '', blocks });

/** The facts as found (the approved findings, src/cases/findings.sql.ts) unless the step states its own; never the lead. */
export const facts = (ctx: TemplateContext): string => ctx.data.text('facts', '认定事实', { fallback: ctx.case?.findings ?? null });

/** The behaviour and where the catalogue takes it from: 失信行为清单 item, its legal basis. */
export const basisText = (ctx: TemplateContext): string =>
  ctx.case ? `《连云区教育领域失信行为清单》“${ctx.case.behaviourTitle}”（${ctx.case.behaviourCode}）；${ctx.case.legalBasis}` : '';

/**
 * Remedies against a decision: 行政复议 within 60 days of knowing it, to the district government (行政复议法 2023
 * art. 20, 24), or 行政诉讼 within 6 months (行政诉讼法 art. 46) — never "申请复核", which the law does not give here.
 */
export const remedies = (ctx: TemplateContext, what = '本决定'): Block =>
  para(`如不服${what}，可以自收到${what}之日起六十日内向${ctx.settings.reviewBody}申请行政复议，`
    + `也可以自收到${what}之日起六个月内直接向${ctx.settings.court}提起行政诉讼。`);

/** How and where to reach the bureau: the portal, the address and the phone of the settings. */
export const contact = (ctx: TemplateContext): Block =>
  para(`联系地址：${ctx.settings.contactAddress}；联系电话：${ctx.settings.contactPhone}。`);

/** A period owed by the institution always runs from the day after service (brief §7, 民法典 art. 201). */
export const fromService = (days: number, unit: 'working' | 'calendar', what = '本通知书'): string =>
  `自收到${what}之次日起${days}${unit === 'working' ? '个工作日' : '日'}内`;
