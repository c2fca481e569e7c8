import { basisText, contact, dateText, facts, fromService, numbered, para, remedies, template, toSubject } from './common';

/**
 * The serious-dishonesty list (严重失信主体名单) as a decision (issue #17; 国办发〔2020〕49号 第（六）（七）项: 认定严重失信
 * 主体名单须告知当事人并听取陈述申辩，依法作出决定并载明移出条件和救济途径). The decision goes out together with the
 * repair notice (两书同达, 国办发〔2025〕22号).
 */
const GUOBAN_49 = '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）';

/** 列入严重失信主体名单告知书: facts, basis, the intended listing and the right to state a case within its period. */
export const listingNotice = template('listing-notice', true, (ctx) => {
  const days = ctx.data.int('statementDays', '陈述申辩期限（工作日）', 1, 30);
  const decisionNo = ctx.data.text('decisionDocNo', '失信行为认定决定书文号');
  const basis = ctx.data.text('basis', '列入依据');
  return toSubject(ctx, [
    para(`本局已对你单位作出失信行为认定决定（${decisionNo}），认定事实：${facts(ctx)}。认定依据：${basisText(ctx)}。`),
    para(`依据${GUOBAN_49}和${basis}，本局拟将你单位列入严重失信主体名单。列入后，将依法对你单位实施联合惩戒措施，`
      + '名单有效期届满、依法信用修复或者列入决定被撤销的，予以移出。'),
    para(`你单位有权进行陈述和申辩。如需陈述、申辩，请${fromService(days, 'working', '本告知书')}通过机构门户或者书面向本局提出；逾期未提出的，视为放弃上述权利。`),
    contact(ctx),
  ], { closing: '特此告知。' });
});

/** 列入严重失信主体名单决定书: the head's decision with the statement heard, the term, removal and the remedies. */
export const listingDecision = template('listing-decision', true, (ctx) => {
  const noticeNo = ctx.data.text('noticeDocNo', '列入告知书文号');
  const basis = ctx.data.text('basis', '列入依据');
  const until = ctx.data.date('listUntil', '名单有效期至');
  const statement = ctx.data.text('statement', '陈述申辩情况');
  return toSubject(ctx, [
    para(`本局于送达《列入严重失信主体名单告知书》（${noticeNo}）后，${statement}。经法制审核并由本局负责人决定：`),
    ...numbered([
      `依据${GUOBAN_49}和${basis}，将你单位列入严重失信主体名单，有效期至${dateText(until)}。`,
      '列入期间，本局将商请有关部门依法实施联合惩戒措施，每项措施以《全国失信惩戒措施基础清单》所列及其依据为限。',
      '有效期届满、你单位依法完成信用修复或者本决定被依法撤销的，本局将你单位移出名单，同时解除相关联合惩戒措施。',
    ]),
    para('你单位可以依照随本决定书同时送达的《信用修复告知书》申请信用修复。'),
    remedies(ctx),
  ], { closing: '特此决定。' });
});
