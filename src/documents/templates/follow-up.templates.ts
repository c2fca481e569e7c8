import { contact, dateTimeText, facts, fields, fromService, heading, para, record, remedies, signatures, template, toSubject, usccNamed } from './common';
import type { TemplateContext } from './template.types';

const INTERVIEW_KINDS = ['reminder', 'warning'] as const;
const INTERVIEW_LABELS = { reminder: '提示性约谈', warning: '警示性约谈' } as const;
// The plan's task 五: an institution that does not rectify in time is interviewed, reminder or warning (not "then").
const PLAN = '《连云区教育领域信用监管示范工程实施方案》';

const dateTime = (ctx: TemplateContext, field: string, label: string): string => dateTimeText(ctx.data.dateTime(field, label));

/** 责令限期整改通知书: one per rectification round; the period runs from the day after service. */
export const rectificationOrder = template('rectification-order', true, (ctx) => {
  const round = ctx.data.int('round', '整改轮次', 1, 20, 1);
  const days = ctx.data.int('rectificationDays', '整改期限（日）', 1, 365, ctx.case?.rectificationDays);
  const requirements = ctx.data.text('requirements', '整改要求');
  // the first round's period is the catalogue's, in calendar days; the rounds after an interview give working days
  const unit = ctx.data.oneOf('periodUnit', '期限单位', ['calendar', 'working'] as const, 'calendar');
  return toSubject(ctx, [
    para(`经查，你单位存在以下问题：${facts(ctx)}上述行为违反了${ctx.case!.legalBasis}的规定。`),
    para(`现责令你单位${fromService(days, unit)}改正上述行为（第${round}轮整改），具体要求如下：${requirements}`),
    para('整改完成后，请通过机构门户报送整改报告及证明材料。逾期未整改或者整改不到位的，本局将依法对你单位负责人进行约谈，并依法依规采取进一步措施。'),
    remedies(ctx, '本通知'),
    contact(ctx),
  ], { closing: '特此通知。' });
});

/** 约谈通知书: the interview noticed in writing, with its kind, time, place and who must attend. */
export const interviewNotice = template('interview-notice', true, (ctx) => {
  const kind = ctx.data.oneOf('interviewKind', '约谈类型', INTERVIEW_KINDS);
  const at = dateTime(ctx, 'scheduledAt', '约谈时间');
  const place = ctx.data.text('place', '约谈地点');
  const attendees = ctx.data.text('attendees', '参加人员', { fallback: `你单位法定代表人（${ctx.subject.legalRepName}）或者主要负责人` });
  const reason = ctx.data.text('reason', '约谈事由', { fallback: '未在规定期限内完成整改或者整改不到位' });
  const materials = ctx.data.texts('materials', '需携带材料', { optional: true });
  return toSubject(ctx, [
    para(`因你单位${reason}（案件编号 ${ctx.case!.caseNo}），根据${PLAN}关于对在规定期限内整改不到位的主体由区教育局对其负责人进行提示性约谈或者警示性约谈的规定，`
      + `本局决定对你单位负责人进行${INTERVIEW_LABELS[kind]}。现将有关事项通知如下：`),
    fields([['约谈类型', INTERVIEW_LABELS[kind]], ['约谈时间', at], ['约谈地点', place], ['参加人员', attendees],
      ['需携带材料', materials.length ? materials.join('；') : '整改情况说明及相关证明材料']]),
    para('请按时参加。约谈情况将记入你单位信用档案，并按规定报送连云港市公共信用信息共享平台。无正当理由拒不参加约谈的，本局将依法依规处理。'),
    contact(ctx),
  ], { closing: '特此通知。' });
});

/** 约谈记录: who attended, what was said and agreed, with lines for the signatures on paper. */
export const interviewRecord = template('interview-record', true, (ctx) => {
  const kind = ctx.data.oneOf('interviewKind', '约谈类型', INTERVIEW_KINDS);
  const at = dateTime(ctx, 'heldAt', '约谈时间');
  const place = ctx.data.text('place', '约谈地点');
  const interviewers = ctx.data.texts('interviewers', '约谈人');
  const attendees = ctx.data.texts('attendees', '被约谈人');
  const minutes = ctx.data.text('minutes', '约谈内容');
  const outcome = ctx.data.text('outcome', '约谈结果');
  return record(ctx.subject.name, [
    fields([['约谈类型', INTERVIEW_LABELS[kind]], ['案件编号', ctx.case!.caseNo], ['约谈时间', at], ['约谈地点', place],
      ['被约谈单位', usccNamed(ctx)], ['被约谈人', attendees.join('、')], ['约谈人', interviewers.join('、')]]),
    heading('约谈内容'),
    para(minutes),
    heading('约谈结果'),
    para(outcome),
    para('以上记录已向被约谈人宣读（或者经其阅读），确认无误。本记录记入被约谈单位信用档案。'),
    signatures(['被约谈人（签名）：', '约谈人（签名）：', '记录人（签名）：']),
  ]);
});
