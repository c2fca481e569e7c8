/** Chinese names of tasks, stages and case events, shared by the workflow's `waitingFor` text and the API. */
import type { CaseEventType, CaseStage, InstitutionDeadlineKind, TaskKind } from './contracts';

export const TASK_LABELS: Record<TaskKind, string> = {
  investigate: '调查并提出拟认定意见', 'approve-determination': '审核拟认定意见', 'review-objection': '复核异议',
  'decide-objection': '作出异议决定', 'verify-rectification': '核查整改情况', 'schedule-interview': '安排约谈',
  'record-interview': '记录约谈', 'confirm-sanction': '确认联合惩戒措施', 'accept-repair': '受理信用修复申请',
  'decide-repair': '作出信用修复决定', 'serve-document': '送达文书',
  'propose-listing': '提出列入严重失信主体名单意见', 'review-listing': '法制审核（严重失信主体名单）', 'decide-listing': '局负责人决定（严重失信主体名单）',
  'propose-interview': '提出约谈意见', 'approve-interview': '审核约谈意见',
};

export const STAGE_LABELS: Record<CaseStage, string> = {
  REGISTERED: '线索登记', INVESTIGATION: '调查', APPROVAL: '审核', OBJECTION_WINDOW: '告知及异议期',
  OBJECTION_REVIEW: '异议处理', SERIOUS_LIST: '严重失信主体名单', JOINT_SANCTION: '联合惩戒', RECTIFICATION: '限期整改', RECTIFICATION_REVIEW: '整改核查',
  REMINDER_INTERVIEW: '提示性约谈', WARNING_INTERVIEW: '警示性约谈', PUBLICITY: '公示期', REPAIR_REVIEW: '信用修复审查',
  CLOSED: '已办结', WITHDRAWN: '已撤销',
};

/** Every case event's name on the timeline: a type added to CASE_EVENT_TYPES without one here fails to compile. */
export const EVENT_LABELS: Record<CaseEventType, string> = {
  REGISTERED: '登记线索', INVESTIGATION_STARTED: '开始调查', DETERMINATION_PROPOSED: '提出拟认定意见', DETERMINATION_RETURNED: '拟认定意见被退回',
  NOTICE_SERVED: '送达告知书', OBJECTION_RECEIVED: '收到异议', OBJECTION_UPHELD: '异议成立', OBJECTION_REJECTED: '异议不成立',
  RECTIFICATION_ORDERED: '责令限期整改', RECTIFICATION_EXTENDED: '重新给予整改期限', RECTIFICATION_REPORTED: '提交整改报告',
  RECTIFICATION_PASSED: '整改核查通过', RECTIFICATION_FAILED: '整改核查未通过', RECTIFICATION_UNRESOLVED: '整改期满仍未整改到位，列为重点监管对象', INTERVIEW_REQUIRED: '需约谈',
  JOINT_SANCTION_PROPOSED: '提请联合惩戒', JOINT_SANCTION_ACK: '成员单位签收联合惩戒通知', PUBLICITY_STARTED: '开始公示',
  REPAIR_APPLIED: '申请信用修复', REPAIR_REFUSED: '不予信用修复', CLOSED_NOT_DETERMINED: '办结：不予认定',
  CLOSED_PUBLICATION_ENDED: '办结：公示期满', CLOSED_REPAIRED: '办结：信用修复', WITHDRAWN: '撤销案件', CASE_CORRECTED: '更正案件',
  TASK_CLAIMED: '领取任务', TASK_UNCLAIMED: '退回任务', TASK_REASSIGNED: '改派任务', TASK_COMPLETED: '办结任务',
  TASK_OVERDUE: '任务逾期', DEADLINE_MISSED: '机构逾期未提交', CASE_BLOCKED: '案件受阻', CASE_RESUMED: '案件恢复办理',
  LISTING_CONSIDERED: '研究是否列入严重失信主体名单', LISTING_PROPOSED: '提请列入严重失信主体名单', STATEMENT_RECEIVED: '收到陈述申辩', LISTED: '列入严重失信主体名单',
  NOT_LISTED: '决定不列入严重失信主体名单', REFUSAL_CASE_OPENED: '拒不整改，另案登记',
  DEADLINE_RECOMPUTED: '期限按正式日历重新计算',
  CLOSED_PUBLICATION_ENDED_UNRECTIFIED: '办结：公示期满仍未整改到位', CLOSED_REVOKED: '办结：原决定经行政复议或行政诉讼撤销',
  INTERVIEW_PROPOSED: '提出约谈意见', INTERVIEW_AGREED: '同意约谈意见', INTERVIEW_PROPOSAL_RETURNED: '约谈意见被退回',
  POLICY_APPLIED: '确定认定适用的政策版本（从旧兼从轻）',
};

const ANSWER_LABELS: Record<InstitutionDeadlineKind, string> = { objection: '提出异议', rectification: '提交整改报告', statement: '陈述申辩' };

/** What a resting case waits for, in words: the workflow's query and the API's case page (read from PostgreSQL) agree. */
export function waitingForText(s: {
  stage: CaseStage; openTaskKinds: TaskKind[]; institutionDeadline: { kind: InstitutionDeadlineKind; dueDate: string } | null;
  repairableFrom: string | null; publicityUntil: string | null;
}): string {
  if (s.openTaskKinds.length) return `待办：${s.openTaskKinds.map((k) => TASK_LABELS[k]).join('、')}`;
  if (s.institutionDeadline) return `等待机构${ANSWER_LABELS[s.institutionDeadline.kind]}（截止 ${s.institutionDeadline.dueDate}）`;
  if (s.stage === 'PUBLICITY' && !s.publicityUntil) return `轻微失信记入信用档案、不予公示，${s.repairableFrom ?? ''} 起可申请信用修复`;
  if (s.stage === 'PUBLICITY') return `公示中，${s.repairableFrom ?? ''} 起可申请信用修复，${s.publicityUntil ?? ''} 公示期满`;
  return STAGE_LABELS[s.stage];
}
