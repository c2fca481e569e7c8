/** The answers each kind of task takes, as the workflow checks them (workflows/task-rules.ts). */
export const DECISIONS: Record<string, { value: string; label: string; needsReason?: boolean }[]> = {
  'approve-determination': [{ value: 'approve', label: '同意认定' }, { value: 'return', label: '退回重新调查', needsReason: true }],
  'review-objection': [{ value: 'uphold', label: '建议采纳异议' }, { value: 'reject', label: '建议不予采纳' }],
  'decide-objection': [{ value: 'upheld', label: '异议成立' }, { value: 'rejected', label: '异议不成立' }],
  'verify-rectification': [{ value: 'pass', label: '整改通过' }, { value: 'fail', label: '整改不通过', needsReason: true }],
  'accept-repair': [{ value: 'accept', label: '受理' }, { value: 'reject', label: '不予受理', needsReason: true }],
  'decide-repair': [{ value: 'approve', label: '准予修复' }, { value: 'refuse', label: '不予修复', needsReason: true }],
  'propose-listing': [{ value: 'propose', label: '提请列入严重失信主体名单' }, { value: 'not-propose', label: '不提请列入', needsReason: true }],
  'review-listing': [{ value: 'agree', label: '同意' }, { value: 'disagree', label: '不同意', needsReason: true }],
  'decide-listing': [{ value: 'list', label: '列入' }, { value: 'not-list', label: '不列入', needsReason: true }],
  'approve-interview': [{ value: 'agree', label: '同意约谈意见' }, { value: 'return', label: '退回重新提出', needsReason: true }],
};

export const MEASURE_SUGGESTIONS = [
  '责令限期整改', '约谈', '列入重点监管对象', '增加检查频次', '取消评先评优资格', '限制申请财政补贴', '行业禁入',
  '暂停招生', '通报批评',
];

export const SUMMARY_LABELS: Record<string, string> = {
  investigate: '调查情况及拟认定意见',
  'approve-determination': '审核意见',
  'review-objection': '复核意见',
  'decide-objection': '决定理由',
  'verify-rectification': '核查意见',
  'propose-interview': '提出意见的事由',
  'approve-interview': '审核意见',
  'schedule-interview': '约谈事由',
  'record-interview': '约谈结论',
  'confirm-sanction': '惩戒意见',
  'accept-repair': '受理意见',
  'decide-repair': '决定意见',
  'propose-listing': '提请理由',
  'review-listing': '法制审核意见',
  'decide-listing': '决定理由',
};
