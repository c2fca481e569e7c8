import { basisText, contact, dateText, facts, fromService, heading, numbered, para, remedies, REPAIR_RULES, SEVERITY_LABELS, template, toSubject } from './common';
import type { TemplateContext } from './template.types';

const severityOf = (ctx: TemplateContext) =>
  ctx.data.oneOf('severity', '失信程度', ['minor', 'general', 'serious'] as const, ctx.case?.severity);

/** 失信行为认定告知书: what is proposed, on which facts and basis, and how and by when the institution may answer. */
export const noticeOfDetermination = template('notice-of-determination', true, (ctx) => {
  const severity = severityOf(ctx);
  const measures = ctx.data.texts('measures', '拟采取的措施');
  const days = ctx.data.int('objectionDays', '陈述申辩和异议期限（工作日）', 1, 60);
  return toSubject(ctx, [
    para(`经调查核实，你单位存在以下行为：${facts(ctx)}`),
    para(`上述行为属于${basisText(ctx)}所列失信行为。本局拟认定你单位存在失信行为，失信程度为“${SEVERITY_LABELS[severity]}”，并拟采取以下措施：`),
    ...numbered(measures),
    para(`你单位依法享有陈述、申辩和提出异议的权利。如有异议，可以${fromService(days, 'working', '本告知书')}，`
      + '通过本局信用监管系统机构门户在线提交书面意见及证据材料，或者将书面意见递交至本局。逾期未提出的，视为放弃上述权利，本局将依法作出认定决定。'),
    contact(ctx),
  ], { closing: '特此告知。' });
});

const OBJECTION_OUTCOMES = ['upheld', 'partly', 'rejected'] as const;

/** 异议处理结果告知书: the outcome of the review of the institution's objection, with reasons. */
export const objectionResult = template('objection-result', true, (ctx) => {
  const received = ctx.data.date('objectionReceivedOn', '收到异议日期');
  const outcome = ctx.data.oneOf('outcome', '处理结果', OBJECTION_OUTCOMES);
  const reasons = ctx.data.text('reasons', '复核理由');
  const result = {
    upheld: `经复核，你单位提出的异议成立：${reasons}本局决定不予认定你单位存在该失信行为，本案终结。`,
    partly: `经复核，你单位提出的异议部分成立：${reasons}本局将按照复核意见依法作出认定决定。`,
    rejected: `经复核，你单位提出的异议不成立，理由如下：${reasons}本局将依法作出失信行为认定决定。`,
  }[outcome];
  return toSubject(ctx, [
    para(`你单位于${dateText(received)}对本局拟认定的失信行为（${ctx.case!.behaviourTitle}，案件编号 ${ctx.case!.caseNo}）提出的异议收悉。本局依法进行了复核，现将处理结果告知如下：`),
    para(result),
    ...(outcome === 'upheld' ? [] : [para('本局作出的认定决定将另行送达，你单位对认定决定不服的，可以依法申请行政复议或者提起行政诉讼。')]),
    contact(ctx),
  ], { closing: '特此告知。' });
});

/** 失信行为认定决定书: facts, basis, measures, publicity period, rectification order and remedies. */
export const determinationDecision = template('determination-decision', true, (ctx) => {
  const severity = severityOf(ctx);
  const decided = ctx.data.date('decisionDate', '决定日期', ctx.case?.decisionDate ?? ctx.today);
  const measures = ctx.data.texts('measures', '惩戒措施');
  const rectDays = ctx.data.int('rectificationDays', '整改期限（日）', 1, 365, ctx.case?.rectificationDays);
  const requirements = ctx.data.text('rectificationRequirements', '整改要求');
  const published = severity !== 'minor' || ctx.data.has('publicityUntil');
  const until = published ? ctx.data.date('publicityUntil', '公示截止日期', ctx.case?.publicityUntil) : null;
  const repairable = ctx.data.date('repairableFrom', '可申请信用修复日期', ctx.case?.repairableFrom ?? decided);
  const notice = ctx.data.text('noticeDocNo', '认定告知书文号', { optional: true });
  return toSubject(ctx, [
    ...(notice ? [para(`本局已向你单位送达《失信行为认定告知书》（${notice}），告知拟认定的事实、理由、依据及你单位依法享有的陈述、申辩和异议权利。`)] : []),
    heading('一、认定事实'),
    para(facts(ctx)),
    heading('二、认定依据和结论'),
    para(`上述行为属于${basisText(ctx)}所列失信行为。依据上述规定及${REPAIR_RULES}，`
      + `本局决定认定你单位存在失信行为，失信程度为“${SEVERITY_LABELS[severity]}”，决定日期为${dateText(decided)}。`),
    heading('三、惩戒措施和公示'),
    ...numbered(measures),
    para(until
      ? `上述失信信息自${dateText(decided)}起公示，公示截止日期为${dateText(until)}；自${dateText(repairable)}起，你单位可以依法申请信用修复。`
      : '该失信信息依法记录并共享，不予公开公示；你单位履行相关义务后可以依法申请信用修复。'),
    heading('四、整改要求'),
    para(`你单位应当${fromService(rectDays, 'calendar', '本决定书')}完成整改：${requirements}整改完成后，通过机构门户报送整改报告及证明材料。`),
    heading('五、救济途径'),
    remedies(ctx),
    para('《信用修复告知书》与本决定书一并送达。'),
  ]);
});

/** 信用修复告知书: served with the decision (两书同达, 国办发〔2025〕22号), the conditions and procedure of repair. */
export const repairNotice = template('repair-notice', true, (ctx) => {
  const severity = severityOf(ctx);
  const from = ctx.data.date('repairableFrom', '可申请信用修复日期', ctx.case?.repairableFrom ?? ctx.today);
  const acceptDays = ctx.data.int('acceptanceDays', '受理期限（工作日）', 1, 30, 3);
  const decideDays = ctx.data.int('decisionDays', '决定期限（工作日）', 1, 60, 10);
  const until = ctx.data.text('publicityUntil', '公示截止日期', { optional: true, fallback: ctx.case?.publicityUntil ?? null });
  return toSubject(ctx, [
    para(`根据${REPAIR_RULES}和国办发〔2025〕22号文件关于认定决定书与信用修复告知书“两书同达”的要求，现将信用修复有关事项告知如下：`),
    heading('一、修复条件'),
    para(severity === 'minor'
      ? `你单位的失信信息（${ctx.case!.behaviourTitle}，失信程度“轻微”）在你单位履行相关义务、完成整改后，即可申请信用修复。`
      : `你单位的失信信息（${ctx.case!.behaviourTitle}，失信程度“${SEVERITY_LABELS[severity]}”）最短公示期届满后，即自${dateText(from)}起，`
        + '在已履行行政决定规定的义务、已完成整改且未再发生同类失信行为的情况下，可以申请信用修复。'),
    heading('二、申请材料'),
    ...numbered(['信用修复申请书；', '本单位签署的信用承诺书；', '已履行义务、完成整改的证明材料；', '参加信用修复培训的证明；',
      '按要求提供的信用报告或者参加公益服务的证明。']),
    heading('三、办理程序'),
    para(`通过机构门户提交申请。本局自收到申请之日起${acceptDays}个工作日内决定是否受理，自受理之日起${decideDays}个工作日内作出是否予以修复的决定。`
      + '予以修复的，停止公示并同步停止共享，基于该失信信息采取的联合惩戒等信用措施同时解除；已作出的行政处罚不因信用修复而撤销。'),
    ...(until ? [para(`最长公示期届满（${dateText(until)}）后，该失信信息自动停止公示。`)] : []),
    contact(ctx),
  ], { closing: '特此告知。' });
});
