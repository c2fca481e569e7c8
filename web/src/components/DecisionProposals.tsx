import { App, Button, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, post } from '../api/client';
import { describeError } from '../api/errors';
import type { DecisionProposal } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { formatDateTime } from '../lib/dates';
import { useAsync } from '../lib/useAsync';
import { useOffices } from '../lib/lookups';
import { ErrorAlert } from './ErrorAlert';

export const PROPOSAL_KINDS: Record<string, string> = {
  objection_decision: '异议处理', policy_publish: '发布政策', calendar_override: '调整工作日', calendar_override_removal: '删除工作日调整',
  calendar_year: '发布年度日历', commitment_breach: '认定违背承诺', totp_reset: '重置动态口令', remedy_outcome: '复议或诉讼结果',
  case_withdrawal: '撤销案件', case_correction: '更正案件',
};
const DECIDERS: Record<string, string> = { approver: '所属科室审核人', admin: '另一名管理员' };

/** Why this user may not decide a proposal (the API refuses the same: SAME_PERSON, NOT_DECIDING_ROLE, OTHER_OFFICE), or null. */
export function whyNot(p: DecisionProposal, me: { id: string; role: string; officeCode?: string | null }): string | null {
  if (p.kind === 'totp_reset' && p.raisedBy === me.id) return '与本人账号有关，须由另一名管理员审批';
  if (p.proposedBy === me.id || p.raisedBy === me.id) return '本人提出，须由他人审批';
  if (me.role !== p.decidingRole) return `须由${DECIDERS[p.decidingRole] ?? p.decidingRole}审批`;
  if (p.officeCode && me.officeCode !== p.officeCode) return '须由记录所属科室审批';
  return null;
}

/**
 * Four eyes (docs/four-eyes.md): changes waiting for a second person. The API lists only what this user may decide
 * or took part in (their office's matters for an approver, the rules and accounts for an administrator); `kinds`
 * narrows it to the ones this page is about, and the buttons show only for someone the API would let decide.
 */
export function DecisionProposals({ kinds }: { kinds: string[] }) {
  const me = useMe();
  const { officeName } = useOffices();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<DecisionProposal | null>(null);
  const [note, setNote] = useState('');
  const list = useAsync(async () => (await get<{ items: DecisionProposal[] }>('/decision-proposals', { status: 'pending' })).items
    .filter((p) => kinds.includes(p.kind)), [kinds.join()]);
  const decide = async (p: DecisionProposal, verdict: 'approve' | 'reject', body: object) => {
    try {
      await post(`/decision-proposals/${p.id}/${verdict}`, body);
      message.success(verdict === 'approve' ? '已批准，变更已生效' : '已退回，可重新提出处理意见');
      setRejecting(null);
      setNote('');
    } catch (e) {
      message.error(describeError(e));
    } finally {
      list.reload();
    }
  };
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <>
      <Table<DecisionProposal> size="small" rowKey="id" loading={list.loading} dataSource={list.data ?? []} pagination={false}
        locale={{ emptyText: '没有待审批的事项' }}
        columns={[
          { title: '事项', dataIndex: 'kind', render: (k: string) => <Tag>{PROPOSAL_KINDS[k] ?? k}</Tag> },
          { title: '内容', dataIndex: 'summary' },
          { title: '承办意见', dataIndex: 'reason' },
          { title: '科室', dataIndex: 'officeCode', render: officeName },
          { title: '提出时间', dataIndex: 'proposedAt', render: formatDateTime },
          {
            title: '审批',
            render: (_, p) => {
              const reason = whyNot(p, me);
              return reason ? <Tag>{reason}</Tag> : (
                <Space size={4}>
                  <Popconfirm title="批准后变更随即生效，确定批准？" onConfirm={() => decide(p, 'approve', {})}>
                    <Button size="small" type="primary">批准</Button>
                  </Popconfirm>
                  <Button size="small" onClick={() => setRejecting(p)}>退回</Button>
                </Space>
              );
            },
          },
        ]} />
      <Modal open={!!rejecting} title="退回处理意见" okText="退回" cancelText="取消" okButtonProps={{ disabled: note.trim().length < 2 }}
        onOk={() => rejecting && decide(rejecting, 'reject', { note: note.trim() })} onCancel={() => setRejecting(null)} destroyOnHidden>
        <Input.TextArea rows={3} maxLength={1000} placeholder="退回理由（至少 2 个字）" value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
