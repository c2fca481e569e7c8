/** Chinese names of tasks and stages, shared by the workflow's `waitingFor` text and the API. */
import type { CaseStage, InstitutionDeadlineKind, TaskKind } from './contracts';

export const TASK_LABELS: Record<TaskKind, string> = {
  investigate: '调查并提出拟认定意见', 'approve-determination': '审核拟认定意见', 'review-objection': '复核异议',
  'decide-objection': '作出异议决定', 'verify-rectification': '核查整改情况', 'schedule-interview': '安排约谈',
  'record-interview': '记录约谈', 'confirm-sanction': '确认联合惩戒措施', 'accept-repair': '受理信用修复申请',
  'decide-repair': '作出信用修复决定',
};

export const STAGE_LABELS: Record<CaseStage, string> = {
  REGISTERED: '线索登记', INVESTIGATION: '调查', APPROVAL: '审核', OBJECTION_WINDOW: '告知及异议期',
  OBJECTION_REVIEW: '异议处理', JOINT_SANCTION: '联合惩戒', RECTIFICATION: '限期整改', RECTIFICATION_REVIEW: '整改核查',
  REMINDER_INTERVIEW: '提示性约谈', WARNING_INTERVIEW: '警示性约谈', PUBLICITY: '公示期', REPAIR_REVIEW: '信用修复审查',
  CLOSED: '已办结', WITHDRAWN: '已撤销',
};

/** What a resting case waits for, in words: the workflow's query and the API's case page (read from PostgreSQL) agree. */
export function waitingForText(s: {
  stage: CaseStage; openTaskKinds: TaskKind[]; institutionDeadline: { kind: InstitutionDeadlineKind; dueDate: string } | null;
  repairableFrom: string | null; publicityUntil: string | null;
}): string {
  if (s.openTaskKinds.length) return `待办：${s.openTaskKinds.map((k) => TASK_LABELS[k]).join('、')}`;
  if (s.institutionDeadline) return `等待机构${s.institutionDeadline.kind === 'objection' ? '提出异议' : '提交整改报告'}（截止 ${s.institutionDeadline.dueDate}）`;
  if (s.stage === 'PUBLICITY') return `公示中，${s.repairableFrom ?? ''} 起可申请信用修复，${s.publicityUntil ?? ''} 公示期满`;
  return STAGE_LABELS[s.stage];
}
