/**
 * Message templates. `{name}` is replaced by data.name; every placeholder must be supplied, so a message never
 * reaches an institution with a hole in it. Titles stay short: they double as the SMS text's first line.
 */
export const TEMPLATES = {
  deadline_new: {
    title: '新的办理期限',
    body: '{institutionName}：案件 {caseNo} 有新的待办事项「{item}」，请于 {dueDate} 前通过信用监管系统办理。',
  },
  deadline_reminder: {
    title: '办理期限即将届满',
    body: '{institutionName}：案件 {caseNo} 的「{item}」将于 {dueDate} 届满，请尽快办理，逾期将按规定处理。',
  },
  deadline_moved: {
    title: '办理期限已调整',
    body: '{institutionName}：案件 {caseNo} 的「{item}」原按暂定日历计算为 {previousDueDate} 届满，按正式公布的节假日安排调整为 {dueDate}。',
  },
  document_served: {
    title: '文书已送达',
    body: '{institutionName}：《{title}》（{docNo}）已于 {servedOn} 送达，请登录信用监管系统查看。',
  },
  case_outcome: {
    title: '案件处理结果',
    body: '{institutionName}：案件 {caseNo} 已作出处理结果：{outcome}。如有异议，可依法申请复核。',
  },
  task_assigned: {
    title: '新的待办任务',
    body: '您有一项新的待办任务「{taskTitle}」（案件 {caseNo}），办理期限 {dueDate}。',
  },
  task_reminder: {
    title: '待办任务即将到期',
    body: '待办任务「{taskTitle}」（案件 {caseNo}）将于 {dueDate} 到期，请及时办理。',
  },
  task_overdue: {
    title: '待办任务已逾期',
    body: '待办任务「{taskTitle}」（案件 {caseNo}）已超过办理期限 {dueDate}，请督促办理。',
  },
  platform_needs_fix: {
    title: '报送被市平台退回',
    body: '报送市公共信用信息共享平台的{recordType}记录（{recordRef}）被退回：{reason}。请修改后重新报送。',
  },
  inbound_warning: {
    title: '外部门信用信息预警',
    body: '市公共信用信息共享平台推送了{department}关于{institutionName}的「{title}」，信用审查时请予关注。',
  },
} as const satisfies Record<string, { title: string; body: string }>;

export type TemplateName = keyof typeof TEMPLATES;

export class TemplateError extends Error {}

export function render(template: string, data: Record<string, unknown>): { title: string; body: string } {
  const t = (TEMPLATES as Record<string, { title: string; body: string }>)[template];
  if (!t) throw new TemplateError(`unknown notification template ${template}`);
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = data[k];
      if (v === undefined || v === null || v === '') throw new TemplateError(`template ${template} needs data.${k}`);
      // an object would reach the recipient as "[object Object]"
      if (typeof v === 'object') throw new TemplateError(`template ${template}: data.${k} must be text or a number`);
      return String(v as string | number | boolean);
    });
  return { title: fill(t.title), body: fill(t.body) };
}
