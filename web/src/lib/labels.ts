// Stages and tasks are named by the server (workflows/labels.ts, the words of its `waitingFor` text and notifications);
// the console imports those tables instead of keeping copies that drift. Events are named by the API itself (the case
// view's `typeLabel`), see CaseTimeline.
import { EVENT_LABELS, STAGE_LABELS, TASK_LABELS } from '@server/labels';
import type { Role, Severity, Stage, TaskKind } from '../api/types';

export { EVENT_LABELS, STAGE_LABELS, TASK_LABELS };

export const ROLE_LABELS: Record<Role, string> = {
  officer: '经办人', approver: '审核人', manager: '分管领导', institution: '机构', auditor: '审计', admin: '管理员', legal: '法制审核', head: '局负责人',
};

export const SEVERITY_LABELS: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' };
export const SEVERITY_COLORS: Record<Severity, string> = { minor: 'blue', general: 'orange', serious: 'red' };

export const DEADLINE_KIND_LABELS: Record<string, string> = {
  objection: '异议期',
  rectification: '整改期限',
  statement: '陈述申辩期',
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

const isStage = (s: string): s is Stage => s in STAGE_LABELS;
const isTaskKind = (k: string): k is TaskKind => k in TASK_LABELS;

/** A stage's name; event rows carry stages as plain strings, hence the guard. */
export const stageLabel = (s: string | null | undefined) => (s ? (isStage(s) ? STAGE_LABELS[s] : s) : '');
export const taskKindLabel = (k: string) => (isTaskKind(k) ? TASK_LABELS[k] : k);
export const severityLabel = (s: string | null | undefined) => (s ? (SEVERITY_LABELS[s as Severity] ?? s) : '');
