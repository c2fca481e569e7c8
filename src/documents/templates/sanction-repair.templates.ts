import { contact, dateText, fields, numbered, para, record, REPAIR_RULES, signatures, subjectIdentity, template, toDepartment, toSubject, usccNamed } from './common';
import { repairDecisionBlocks, repairTitle } from './repair-wording';
import type { TemplateContext } from './template.types';

const department = (ctx: TemplateContext) => ctx.data.text('department', '收函部门');

/** 联合惩戒函 to a member department: who, on which decision, which measures under which basis (brief §3 step 8). */
export const sanctionLetter = template('sanction-letter', true, (ctx) => {
  const to = department(ctx);
  const decisionNo = ctx.data.text('decisionDocNo', '认定决定书文号');
  const decided = ctx.data.date('decisionDate', '决定日期', ctx.case?.decisionDate);
  const measures = ctx.data.texts('measures', '惩戒措施及依据');
  return toDepartment(to, [
    para(`${usccNamed(ctx)}因${ctx.case!.behaviourTitle}，经本局依法认定为严重失信主体`
      + `（认定决定书文号：${decisionNo}，决定日期：${dateText(decided)}），认定依据为${ctx.case!.legalBasis}。`),
    para('根据有关法律、法规和规章的规定，请贵单位在职责范围内依法依规对其实施以下联合惩戒措施：'),
    ...numbered(measures),
    para('上述措施实施至该失信信息停止公示或者依法予以信用修复之日止，届时本局将另行函告解除。请将措施实施情况函复本局。'),
    contact(ctx),
  ], { closing: '特此函告。', copyTo: ctx.data.text('copyTo', '抄送', { optional: true }) || undefined });
});

const LIFTING_REASONS = { repair: '其失信信息已依法予以信用修复', withdrawn: '对其作出的失信认定决定已依法撤销', expired: '其失信信息公示期已届满' } as const;

/** 解除联合惩戒函: the same departments are told the measures end with the record (36号令 art. 3). */
export const sanctionLiftingLetter = template('sanction-lifting-letter', true, (ctx) => {
  const to = department(ctx);
  const letter = ctx.data.text('originalLetterNo', '原联合惩戒函文号');
  const reason = ctx.data.oneOf('reason', '解除原因', Object.keys(LIFTING_REASONS) as (keyof typeof LIFTING_REASONS)[]);
  const lifted = ctx.data.date('liftedOn', '解除日期', ctx.today);
  const basisNo = ctx.data.text('basisDocNo', '修复或撤销决定书文号', { optional: true });
  return toDepartment(to, [
    para(`本局曾以《联合惩戒函》（${letter}）商请贵单位对${usccNamed(ctx)}实施联合惩戒措施。`),
    para(`因${LIFTING_REASONS[reason]}${basisNo ? `（${basisNo}）` : ''}，根据${REPAIR_RULES}第三条，`
      + `基于该失信信息采取的联合惩戒措施自${dateText(lifted)}起解除，请贵单位同步解除相关措施，并将解除情况函复本局。`),
    contact(ctx),
  ], { closing: '特此函告。' });
});

/** 信用修复决定书 / 不予信用修复决定书: approval ends publication and the credit measures; a refusal gives reasons and remedies. */
export const repairDecision = template('repair-decision', true, (ctx) => toSubject(ctx, repairDecisionBlocks(ctx, {
  record: () => `${ctx.case!.behaviourTitle}，案件编号 ${ctx.case!.caseNo}`,
  fulfilled: '已履行相关义务、完成整改并签署信用承诺',
  lifted: '基于该失信信息采取的联合惩戒等信用措施',
})), { title: repairTitle });

export const SERVICE_RECEIPT_SIGNATURES = ['受送达人（签名或者盖章）：', '送达人（签名）：', '见证人（留置送达时签名）：'];

/** 送达回证: one per service on paper; the recipient signs the printed copy, its scan is the proof. */
export const serviceReceipt = template('service-receipt', false, (ctx) => {
  const served = ctx.data.text('servedDocument', '送达文书名称及文号');
  const addressee = ctx.data.text('addressee', '受送达人', { fallback: `${ctx.subject.name}（${subjectIdentity(ctx)}）` });
  const place = ctx.data.text('place', '送达地点', { fallback: ctx.subject.address });
  const method = ctx.data.text('method', '送达方式');
  const on = ctx.data.date('servedOn', '送达日期');
  const recipient = ctx.data.text('recipient', '签收人', { optional: true });
  const servers = ctx.data.texts('servers', '送达人');
  const witness = ctx.data.text('witness', '见证人', { optional: true });
  const remark = ctx.data.text('remark', '备注', { optional: true });
  return record(ctx.subject.name, [
    fields([['送达文书名称及文号', served], ['受送达人', addressee], ['送达地点', place], ['送达方式', method],
      ['送达日期', dateText(on)], ['签收人', recipient || '（见签名）'], ['送达人', servers.join('、')], ['见证人', witness || '—'],
      ['备注', remark || '—']]),
    signatures(SERVICE_RECEIPT_SIGNATURES),
  ]);
});
