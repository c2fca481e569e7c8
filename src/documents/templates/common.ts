import type { Block, TemplateContext } from './template.types';

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

export const heading = (text: string): Block => ({ type: 'heading', text });
export const para = (text: string): Block => ({ type: 'paragraph', text });
export const numbered = (items: string[]): Block[] => items.map((t, i) => para(`${i + 1}．${t}`));

export const facts = (ctx: TemplateContext): string => ctx.data.text('facts', '认定事实', { fallback: ctx.case?.facts ?? null });

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
export const contact = (ctx: TemplateContext): string =>
  `联系地址：${ctx.settings.contactAddress}；联系电话：${ctx.settings.contactPhone}。`;

/** A period owed by the institution always runs from the day after service (brief §7, 民法典 art. 201). */
export const fromService = (days: number, unit: 'working' | 'calendar', what = '本通知书'): string =>
  `自收到${what}之次日起${days}${unit === 'working' ? '个工作日' : '日'}内`;
