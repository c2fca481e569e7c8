import { Table, Tag } from 'antd';
import type { CreditRecord, Severity } from '../api/types';
import { formatDate } from '../lib/dates';
import { SEVERITY_COLORS, severityLabel } from '../lib/labels';

const STATUS_COLORS: Record<string, string> = { published: 'red', pending: 'orange', repaired: 'green', expired: 'default', withdrawn: 'default', corrected: 'purple', recorded: 'blue' };

export function CreditFileTable({ records, loading }: { records: CreditRecord[]; loading?: boolean }) {
  return (
    <Table<CreditRecord>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={records}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '信用档案中暂无记录' }}
      columns={[
        { title: '类别', dataIndex: 'kindLabel', width: 100 },
        { title: '事项', dataIndex: 'title', ellipsis: true },
        { title: '程度', dataIndex: 'severity', width: 70, render: (s: CreditRecord['severity']) => (s ? <Tag color={SEVERITY_COLORS[s as Severity]}>{severityLabel(s)}</Tag> : '—') },
        { title: '决定日期', dataIndex: 'decisionDate', width: 130, render: formatDate },
        { title: '公示期至', dataIndex: 'publicityUntil', width: 130, render: (d: string | null) => (d ? formatDate(d) : '—') },
        { title: '状态', dataIndex: 'statusLabel', width: 90, render: (l: string, r) => <Tag color={STATUS_COLORS[r.status]}>{l}</Tag> },
      ]}
    />
  );
}
