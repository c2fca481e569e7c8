import { contact, dateText, para, remedies, subjectIdentity, subjectLine } from './common';
import type { TemplateContext } from './template.types';
import type { DocumentTemplate } from './template.types';

/**
 * 信用修复决定书 / 不予信用修复决定书 for a record outside a case (a 双公示 penalty, issue #19): the record is named by
 * its decision number, not a case. Approval ends publication and sharing (36号令 art. 3); the penalty itself stands.
 */
export const recordRepairDecision: DocumentTemplate = {
  kind: 'record-repair-decision',
  version: 1,
  needsCase: false,
  title: (ctx) => (ctx.data.has('approved') && ctx.data.flag('approved', '是否予以修复') ? '信用修复决定书' : '不予信用修复决定书'),
  build(ctx) {
    const approved = ctx.data.flag('approved', '是否予以修复');
    const received = ctx.data.date('applicationReceivedOn', '收到修复申请日期');
    const record = ctx.data.text('recordTitle', '失信信息');
    const effective = approved ? ctx.data.date('effectiveOn', '修复生效日期', ctx.today) : null;
    const reasons = approved ? '' : ctx.data.text('reasons', '不予修复的理由');
    return {
      addresseeName: ctx.subject.name,
      addressee: subjectLine(ctx),
      blocks: [
        para(`你单位于${dateText(received)}提出的信用修复申请收悉。经审查，`
          + (approved
            ? '你单位已纠正失信行为、履行行政处罚决定规定的全部义务，并作出信用承诺，符合信用修复条件。'
            : `你单位的申请不符合信用修复条件，理由如下：${reasons}`)),
        ...(approved
          ? [para(`根据《信用修复管理办法》（国家发展改革委令第36号），本局决定对你单位的失信信息（${record}）予以信用修复：`
              + `自${dateText(effective!)}起停止公示并同步停止共享，基于该信息采取的信用措施同时解除。`),
            para('已作出的行政处罚不因信用修复而撤销，依其决定执行至期满或者依法变更、撤销。')]
          : [para(`根据《信用修复管理办法》（国家发展改革委令第36号），本局决定对你单位的失信信息（${record}）不予信用修复。你单位可以在符合条件后重新申请。`),
            remedies(ctx)]),
        para(contact(ctx)),
      ],
    };
  },
};

/**
 * 信用修复申请不予受理决定书 (issue #19 review): refusing to accept an application decides the applicant's request, so
 * it is a numbered decision served like the repair decision itself, with its reasons and the remedies (行政复议 to the
 * body of the settings within 60 days, 行政诉讼 within 6 months: 行政复议法 2023 art. 20, 行政诉讼法 art. 46).
 */
export const recordRepairNotAccepted: DocumentTemplate = {
  kind: 'record-repair-not-accepted',
  version: 1,
  needsCase: false,
  build(ctx) {
    const received = ctx.data.date('applicationReceivedOn', '收到修复申请日期');
    const record = ctx.data.text('recordTitle', '失信信息');
    const route = ctx.data.text('routeLabel', '申请渠道');
    const reasons = ctx.data.text('reasons', '不予受理的理由');
    return {
      addresseeName: ctx.subject.name,
      addressee: subjectLine(ctx),
      blocks: [
        para(`本局于${dateText(received)}通过${route}收到你方对失信信息（${record}）提出的信用修复申请。经审查，该申请不符合受理条件，理由如下：${reasons}`),
        para('根据《信用修复管理办法》（国家发展改革委令第36号），本局决定不予受理。你方可以在符合条件后重新提出申请。'),
        remedies(ctx),
        para(contact(ctx)),
      ],
    };
  },
};

/**
 * 信用修复申请转办函: a record another department determined is repaired by that department (谁认定谁修复,
 * 36号令); the bureau forwards the application to it and tells the applicant where it went.
 */
const referralLetter = (version: number, identity: (ctx: TemplateContext) => string): DocumentTemplate => ({
  kind: 'repair-referral-letter',
  version,
  needsCase: false,
  build(ctx) {
    const to = ctx.data.text('department', '认定部门');
    const received = ctx.data.date('applicationReceivedOn', '收到修复申请日期');
    const record = ctx.data.text('recordTitle', '失信信息');
    const route = ctx.data.text('routeLabel', '申请渠道');
    return {
      addresseeName: to,
      addressee: `${to}：`,
      blocks: [
        para(`本局于${dateText(received)}通过${route}收到${ctx.subject.name}（${identity(ctx)}）对失信信息（${record}）提出的信用修复申请。`),
        para('经核查，该失信信息由贵单位认定。根据《信用修复管理办法》（国家发展改革委令第36号）“谁认定、谁修复”的规定，'
          + '现将该申请及所附材料转贵单位依法办理，请将办理结果告知申请人并推送市公共信用信息共享平台。'),
        para(contact(ctx)),
      ],
      closing: '特此函告。',
      copyTo: ctx.subject.name,
    };
  },
});

/** Version 1 named every applicant by USCC, so a natural person's letter read "统一社会信用代码：null". */
export const repairReferralLetterV1 = referralLetter(1, (ctx) => `统一社会信用代码：${ctx.subject.uscc}`);
/** Version 2: a natural person by ID type and masked number (issue #19 review). */
export const repairReferralLetter = referralLetter(2, subjectIdentity);
