import { Table } from 'antd';
import { Link } from 'react-router';
import { get } from '../../api/client';
import { ErrorAlert, isMissingEndpoint, PendingFeature } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';
import type { SubmissionReceipt } from './SubmissionModal';

/** 我提交的材料: every objection, rectification report and repair application the institution has sent, with its receipt. */
export function MySubmissions({ refresh }: { refresh: number }) {
  const list = useAsync(() => get<{ items: SubmissionReceipt[] }>('/portal/submissions'), [refresh]);
  if (list.error) return isMissingEndpoint(list.error) ? <PendingFeature what="我提交的材料" /> : <ErrorAlert error={list.error} />;
  return (
    <Table<SubmissionReceipt> size="small" rowKey="receiptNo" loading={list.loading} dataSource={list.data?.items ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: '尚未提交过材料' }} data-testid="my-submissions"
      columns={[
        { title: '回执号', dataIndex: 'receiptNo' },
        { title: '材料', dataIndex: 'kindLabel' },
        { title: '案件', dataIndex: 'caseNo', render: (v: string) => <Link to={`/portal/cases/${v}`}>{v}</Link> },
        { title: '收到时间', dataIndex: 'submittedAt', render: formatDateTime },
        { title: '附件', dataIndex: 'files', render: (n: number) => (n ? `${n} 份` : '—') },
      ]} />
  );
}
