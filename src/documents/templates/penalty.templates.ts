import { contact, dateText, dateTimeText, fields, heading, para, record, remedies, signatures, template, usccNamed } from './common';
import type { Block, TemplateBody, TemplateContext } from './template.types';

/**
 * The penalty procedure's documents (行政处罚法 2021; docs/industry-bans.md): addressed to the person (当事人) and
 * served on the institution they work for as well. The person's ID number never appears: a document may be shown in
 * the institution's portal, so the person is named by name only.
 */
const PENALTY_LAW = '《中华人民共和国行政处罚法》';

const person = (ctx: TemplateContext) => ctx.data.text('personName', '当事人姓名');
/** 主送 the person, named with the institution they work for, 抄送 the institution; ends with how to reach the bureau. */
const toPerson = (ctx: TemplateContext, name: string, blocks: Block[], ending: Pick<TemplateBody, 'closing'> = {}): TemplateBody =>
  ({ addresseeName: name, addressee: `${name}（从业机构：${usccNamed(ctx)}）：`, blocks: [...blocks, contact(ctx)], copyTo: ctx.subject.name, ...ending });
const years = (ctx: TemplateContext) => ctx.data.int('periodYears', '限制从业期限（年）', 1, 10);
const basis = (ctx: TemplateContext) => ctx.data.text('legalBasis', '处罚依据');

/** 行政处罚事先告知书: facts, basis, the intended penalty and the rights with their period (art. 44, 63, 64, 85). */
export const penaltyNotice = template('penalty-notice', false, (ctx) => {
  const name = person(ctx);
  const facts = ctx.data.text('facts', '违法事实');
  const [law, term] = [basis(ctx), years(ctx)];
  return toPerson(ctx, name, [
    para(`经查，你存在以下违法行为：${facts}`),
    para(`依据${law}的规定，本局拟对你作出限制从业${term}年的行政处罚（在此期间不得从事校外培训及相关工作）。`),
    para(`根据${PENALTY_LAW}第四十四条、第四十五条、第六十三条、第六十四条的规定，你有权进行陈述和申辩，并有权要求举行听证。`
      + '如需陈述、申辩或者要求听证，请自收到本告知书之次日起5个工作日内向本局提出；逾期未提出的，视为放弃上述权利。'),
  ], { closing: '特此告知。' });
});

/** Who, when, where and before whom: what the hearing's notice and its record both name. */
const hearing = (ctx: TemplateContext, atField: 'hearingAt' | 'heardAt') => ({
  name: person(ctx),
  at: dateTimeText(ctx.data.dateTime(atField, '听证时间')),
  place: ctx.data.text('place', '听证地点'),
  chair: ctx.data.text('chair', '听证主持人'),
});

/** 听证通知书: time, place, chair and the rights at the hearing, served at least 7 working days ahead (art. 64). */
export const hearingNotice = template('hearing-notice', false, (ctx) => {
  const { name, at, place, chair } = hearing(ctx, 'hearingAt');
  const requestedOn = ctx.data.date('requestedOn', '听证申请日期');
  return toPerson(ctx, name, [
    para(`你于${dateText(requestedOn)}提出的听证申请，本局已受理。根据${PENALTY_LAW}第六十四条的规定，现将听证有关事项通知如下：`),
    fields([['听证时间', at], ['听证地点', place], ['听证主持人', chair], ['听证方式', '公开举行（涉及国家秘密、商业秘密或者个人隐私的除外）']]),
    para('你可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避。'
      + '无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。'),
  ], { closing: '特此通知。' });
});

/** 听证笔录: who took part and what was said, with lines for the signatures (art. 64(8), 65). */
export const hearingRecord = template('hearing-record', false, (ctx) => {
  const { name, at: heardAt, place, chair } = hearing(ctx, 'heardAt');
  const investigators = ctx.data.texts('investigators', '案件调查人员');
  const minutes = ctx.data.text('record', '听证记录');
  return record(name, [
    fields([['当事人', name], ['从业机构', usccNamed(ctx)], ['听证时间', heardAt], ['听证地点', place],
      ['听证主持人', chair], ['案件调查人员', investigators.join('、')]]),
    heading('听证记录'),
    para(minutes),
    para('以上笔录已交当事人阅读（或者向其宣读），确认无误。'),
    signatures(['当事人（签名）：', '听证主持人（签名）：', '记录人（签名）：']),
  ]);
});

/**
 * 行政处罚决定书: facts, basis, the penalty and its term, remedies; served within 7 working days (art. 59, 61).
 * `termText` words the term: version 1 stated dates from the decision's day; version 2 counts it from service.
 */
const penaltyDecisionOf = (version: number, termText: (ctx: TemplateContext) => string) => template('penalty-decision', false, (ctx) => {
  const name = person(ctx);
  const facts = ctx.data.text('facts', '违法事实');
  const [law, term] = [basis(ctx), years(ctx)];
  const when = termText(ctx);
  const noticeNo = ctx.data.text('noticeDocNo', '事先告知书文号');
  const hearing = ctx.data.text('hearing', '陈述申辩及听证情况');
  return toPerson(ctx, name, [
    para(`经查，你存在以下违法行为：${facts}`),
    para(`本局于作出处罚决定前向你送达了行政处罚事先告知书（${noticeNo}）。${hearing}`),
    para(`上述事实经法制审核，并经本局负责人集体讨论。依据${law}的规定，本局决定对你作出如下行政处罚：`
      + `限制从业${term}年，${when}，在此期间不得从事校外培训及相关工作。`),
    para('本处罚不因信用修复而撤销或者提前终止，仅在本决定被依法撤销、变更或者确认无效时终止执行。'),
    remedies(ctx),
  ]);
}, { version });

export const penaltyDecisionV1 = penaltyDecisionOf(1, (ctx) =>
  `自${dateText(ctx.data.date('fromDate', '限制从业起始日期'))}起至${dateText(ctx.data.date('untilDate', '限制从业截止日期'))}止`);
/** Version 2: the decision takes effect when served (行政处罚法 art. 61; brief §7), so the term runs from the day of service. */
export const penaltyDecision = penaltyDecisionOf(2, () => '自本决定书送达之日起计算');
