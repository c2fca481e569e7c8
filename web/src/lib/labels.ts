import type { Role, Severity } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  officer: '经办人', approver: '审核人', manager: '分管领导', institution: '机构', auditor: '审计', admin: '管理员',
};

export const SEVERITY_LABELS: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' };
export const SEVERITY_COLORS: Record<Severity, string> = { minor: 'blue', general: 'orange', serious: 'red' };

export const STAGE_LABELS: Record<string, string> = {
  REGISTERED: '线索登记',
  INVESTIGATION: '调查与拟认定',
  APPROVAL: '审核拟认定',
  OBJECTION_WINDOW: '告知与异议期',
  OBJECTION_REVIEW: '异议处理',
  JOINT_SANCTION: '联合惩戒',
  RECTIFICATION: '限期整改',
  RECTIFICATION_REVIEW: '整改核查',
  REMINDER_INTERVIEW: '提示性约谈',
  WARNING_INTERVIEW: '警示性约谈',
  PUBLICITY: '公示期',
  REPAIR_REVIEW: '信用修复审查',
  CLOSED: '已结案',
  WITHDRAWN: '已撤销',
  DETERMINED: '已认定',
};

export const TASK_KIND_LABELS: Record<string, string> = {
  investigate: '调查并提出拟认定意见',
  'approve-determination': '审核拟认定意见',
  'review-objection': '异议复核',
  'decide-objection': '异议决定',
  'verify-rectification': '整改核查',
  'schedule-interview': '安排约谈',
  'record-interview': '记录约谈',
  'confirm-sanction': '确认联合惩戒',
  'accept-repair': '受理信用修复申请',
  'decide-repair': '信用修复决定',
};

export const DEADLINE_KIND_LABELS: Record<string, string> = {
  objection: '异议期',
  rectification: '整改期限',
  repair: '信用修复',
  commitment: '承诺履约',
};

export const TASK_STATUS_LABELS: Record<string, string> = {
  open: '待领取', claimed: '办理中', completed: '已办结', cancelled: '已取消',
};

export const CASE_SOURCES: { value: string; label: string }[] = [
  { value: 'inspection', label: '检查发现' },
  { value: 'complaint', label: '群众投诉' },
  { value: 'hotline-12345', label: '12345 热线' },
  { value: 'referral', label: '部门移送' },
  { value: 'commitment-breach', label: '违背信用承诺' },
  { value: 'other', label: '其他' },
];

export const EVENT_LABELS: Record<string, string> = {
  REGISTERED: '登记线索',
  INVESTIGATION_STARTED: '开始调查',
  TASK_CLAIMED: '领取任务',
  TASK_UNCLAIMED: '退回任务',
  TASK_REASSIGNED: '改派任务',
  TASK_COMPLETED: '办结任务',
  TASK_OVERDUE: '任务逾期',
  DETERMINATION_PROPOSED: '提出拟认定意见',
  DETERMINATION_RETURNED: '拟认定意见被退回',
  NOTICE_SERVED: '送达告知书',
  OBJECTION_SUBMITTED: '机构提出异议',
  OBJECTION_UPHELD: '异议成立',
  OBJECTION_REJECTED: '异议不成立',
  DETERMINED: '作出认定决定',
  RECTIFICATION_ORDERED: '责令限期整改',
  RECTIFICATION_REPORTED: '机构提交整改报告',
  RECTIFICATION_PASSED: '整改核查通过',
  RECTIFICATION_FAILED: '整改核查不通过',
  INTERVIEW_SCHEDULED: '安排约谈',
  INTERVIEW_RECORDED: '记录约谈',
  SANCTION_CONFIRMED: '确认联合惩戒',
  PUBLICITY_STARTED: '开始公示',
  REPAIR_APPLIED: '机构申请信用修复',
  REPAIR_ACCEPTED: '受理修复申请',
  REPAIR_APPROVED: '准予信用修复',
  REPAIR_REFUSED: '不予信用修复',
  CLOSED: '结案',
  WITHDRAWN: '撤销案件',
  CORRECTED: '更正案件',
  CASE_CORRECTED: '更正案件',
  DEADLINE_MISSED: '机构逾期未答复',
  INTERVIEW_REQUIRED: '需要约谈',
  JOINT_SANCTION_PROPOSED: '提请联合惩戒',
  NOT_DETERMINED: '不予认定',
  OBJECTION_RECEIVED: '收到异议',
  PUBLICATION_ENDED: '公示期满撤下',
  RECTIFICATION_EXTENDED: '重新限期整改',
  REPAIRED: '完成信用修复',
};

export const stageLabel = (s: string | null | undefined) => (s ? (STAGE_LABELS[s] ?? s) : '');
export const taskKindLabel = (k: string) => TASK_KIND_LABELS[k] ?? k;
export const eventLabel = (t: string) => EVENT_LABELS[t] ?? t;
export const severityLabel = (s: string | null | undefined) => (s ? (SEVERITY_LABELS[s as Severity] ?? s) : '');
