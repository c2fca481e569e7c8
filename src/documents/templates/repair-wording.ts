import { contact, dateText, para, remedies, REPAIR_RULES } from './common';
import type { Block, TemplateContext } from './template.types';

/** 信用修复决定书 or 不予信用修复决定书, as the data decides. */
export const repairTitle = (ctx: TemplateContext): string =>
  (ctx.data.has('approved') && ctx.data.flag('approved', '是否予以修复') ? '信用修复决定书' : '不予信用修复决定书');

/**
 * The body both repair decisions share (a case's record and a record outside a case, issue #19): approval ends
 * publication and sharing and the measures based on the record (36号令 art. 3), the penalty itself stands; a refusal
 * gives its reasons and the remedies. `record` reads the record's name, `fulfilled` says what the subject has done,
 * `lifted` which measures end.
 */
export function repairDecisionBlocks(ctx: TemplateContext, wording: { record: () => string; fulfilled: string; lifted: string }): Block[] {
  const approved = ctx.data.flag('approved', '是否予以修复');
  const received = ctx.data.date('applicationReceivedOn', '收到修复申请日期');
  const record = wording.record();
  const effective = approved ? ctx.data.date('effectiveOn', '修复生效日期', ctx.today) : null;
  const reasons = approved ? '' : ctx.data.text('reasons', '不予修复的理由');
  const decided = `根据${REPAIR_RULES}，本局决定对你单位的失信信息（${record}）`;
  return [
    para(`你单位于${dateText(received)}提出的信用修复申请收悉。经审查，`
      + (approved ? `你单位${wording.fulfilled}，符合信用修复条件。` : `你单位的申请不符合信用修复条件，理由如下：${reasons}`)),
    ...(approved
      ? [para(`${decided}予以信用修复：自${dateText(effective!)}起停止公示并同步停止共享，${wording.lifted}同时解除。`),
        para('已作出的行政处罚不因信用修复而撤销，依其决定执行至期满或者依法变更、撤销。')]
      : [para(`${decided}不予信用修复。你单位可以在符合条件后重新申请。`), remedies(ctx)]),
    contact(ctx),
  ];
}
