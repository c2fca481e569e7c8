import { contact, dateText, para, remedies, REPAIR_RULES, subjectIdentity, template, toDepartment, toSubject, usccIdentity } from './common';
import { repairDecisionBlocks, repairTitle } from './repair-wording';
import type { TemplateContext } from './template.types';

/**
 * 信用修复决定书 / 不予信用修复决定书 for a record outside a case (a 双公示 penalty, issue #19): the record is named by
 * its decision number, not a case. Approval ends publication and sharing (36号令 art. 3); the penalty itself stands.
 */
export const recordRepairDecision = template('record-repair-decision', false, (ctx) => toSubject(ctx, repairDecisionBlocks(ctx, {
  record: () => ctx.data.text('recordTitle', '失信信息'),
  fulfilled: '已纠正失信行为、履行行政处罚决定规定的全部义务，并作出信用承诺',
  lifted: '基于该信息采取的信用措施',
})), { title: repairTitle });

/** The application as every answer to it names it: when it came, by which route, about which record. */
const application = (ctx: TemplateContext) => ({
  received: ctx.data.date('applicationReceivedOn', '收到修复申请日期'),
  record: ctx.data.text('recordTitle', '失信信息'),
  route: ctx.data.text('routeLabel', '申请渠道'),
});

/**
 * 信用修复申请不予受理决定书 (issue #19 review): refusing to accept an application decides the applicant's request, so
 * it is a numbered decision served like the repair decision itself, with its reasons and the remedies (行政复议 to the
 * body of the settings within 60 days, 行政诉讼 within 6 months: 行政复议法 2023 art. 20, 行政诉讼法 art. 46).
 */
export const recordRepairNotAccepted = template('record-repair-not-accepted', false, (ctx) => {
  const { received, record, route } = application(ctx);
  const reasons = ctx.data.text('reasons', '不予受理的理由');
  return toSubject(ctx, [
    para(`本局于${dateText(received)}通过${route}收到你方对失信信息（${record}）提出的信用修复申请。经审查，该申请不符合受理条件，理由如下：${reasons}`),
    para(`根据${REPAIR_RULES}，本局决定不予受理。你方可以在符合条件后重新提出申请。`),
    remedies(ctx),
    contact(ctx),
  ]);
});

/**
 * 信用修复申请转办函: a record another department determined is repaired by that department (谁认定谁修复,
 * 36号令); the bureau forwards the application to it and tells the applicant where it went.
 */
const referralLetter = (version: number, identity: (ctx: TemplateContext) => string) => template('repair-referral-letter', false, (ctx) => {
  const to = ctx.data.text('department', '认定部门');
  const { received, record, route } = application(ctx);
  return toDepartment(to, [
    para(`本局于${dateText(received)}通过${route}收到${ctx.subject.name}（${identity(ctx)}）对失信信息（${record}）提出的信用修复申请。`),
    para(`经核查，该失信信息由贵单位认定。根据${REPAIR_RULES}“谁认定、谁修复”的规定，`
      + '现将该申请及所附材料转贵单位依法办理，请将办理结果告知申请人并推送市公共信用信息共享平台。'),
    contact(ctx),
  ], { closing: '特此函告。', copyTo: ctx.subject.name });
}, { version });

/** Version 1 named every applicant by USCC, so a natural person's letter read "统一社会信用代码：null". */
export const repairReferralLetterV1 = referralLetter(1, usccIdentity);
/** Version 2: a natural person by ID type and masked number (issue #19 review). */
export const repairReferralLetter = referralLetter(2, subjectIdentity);
