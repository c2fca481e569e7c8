import { contact, dateText, para, template, toSubject } from './common';

const OUTCOMES = ['upheld', 'rejected'] as const;

/**
 * 异议处理结果告知书 for an objection to a credit record (not a case), received from a natural person at the counter or
 * by post (issue #19). The person has no portal: it goes out on paper (直接送达 or 邮寄送达, docs/subjects.md).
 */
export const recordObjectionResult = template('record-objection-result', false, (ctx) => {
  const received = ctx.data.date('receivedOn', '收到异议日期');
  const record = ctx.data.text('recordTitle', '所涉信用记录');
  const outcome = ctx.data.oneOf('outcome', '处理结果', OUTCOMES);
  const reasons = ctx.data.text('reasons', '复核理由');
  return toSubject(ctx, [
    para(`你于${dateText(received)}对本局记录的信用信息（${record}）提出的书面异议收悉。本局依法进行了核查，现将处理结果告知如下：`),
    para(outcome === 'upheld'
      ? `经核查，你提出的异议成立：${reasons}本局将依法更正或者撤下该信息，并同步推送市公共信用信息共享平台。`
      : `经核查，你提出的异议不成立，理由如下：${reasons}该信息维持不变。你对此不服的，可以依法申请行政复议或者提起行政诉讼。`),
    contact(ctx),
  ], { closing: '特此告知。' });
});
