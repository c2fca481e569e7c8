import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../lib/dates';

export interface Commitment {
  id: string;
  purpose: string;
  purposeLabel?: string;
  content: string;
  signerName: string;
  signedOn: string;
  dueDate: string | null;
  status?: string;
  statusLabel?: string;
  verification?: 'kept' | 'not_kept' | null;
  verifiedOn?: string | null;
  verificationNote?: string | null;
  caseNo?: string | null;
}

const STATUS_COLORS: Record<string, string> = { active: 'blue', awaiting_verification: 'gold', kept: 'green', broken: 'red' };

/** Commitments with their state: a commitment counts only once the bureau has verified it as kept. */
export function CommitmentTable({ items, loading, action }: { items: Commitment[]; loading?: boolean; action?: (c: Commitment) => ReactNode }) {
  return (
    <Table<Commitment>
      rowKey="id" size="small" loading={loading} dataSource={items} pagination={items.length > 10 ? { pageSize: 10 } : false}
      columns={[
        { title: '事项', dataIndex: 'purpose', width: 130, render: (p: string, c) => c.purposeLabel ?? p },
        { title: '承诺内容', dataIndex: 'content', ellipsis: true },
        { title: '签署人', dataIndex: 'signerName', width: 90 },
        { title: '签署日期', dataIndex: 'signedOn', width: 130, render: formatDate },
        { title: '履约期限', dataIndex: 'dueDate', width: 130, render: (d: string | null) => (d ? formatDate(d) : '—') },
        {
          title: '状态', dataIndex: 'status', width: 110,
          render: (s: string | undefined, c) => <Tag color={STATUS_COLORS[s ?? ''] ?? 'default'} data-testid="commitment-status">{c.statusLabel ?? s ?? '—'}</Tag>,
        },
        {
          title: '核实', key: 'verification',
          render: (_, c) => (c.verifiedOn
            ? <Typography.Text type="secondary">{formatDate(c.verifiedOn)}{c.verificationNote ? `：${c.verificationNote}` : ''}</Typography.Text>
            : c.caseNo ? <Typography.Text type="secondary">已立案 {c.caseNo}</Typography.Text> : '—'),
        },
        ...(action ? [{ title: '操作', key: 'action', width: 90, render: (_: unknown, c: Commitment) => action(c) }] : []),
      ]}
    />
  );
}
