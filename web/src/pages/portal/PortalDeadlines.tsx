import { Button, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PortalDeadline } from '../../api/types';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { DeadlineDocument } from '../../components/DeadlineDocument';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { DEADLINE_KIND_LABELS } from '../../lib/labels';
import { SubmissionModal, type SubmissionKind } from './SubmissionModal';

const ACTION: Record<string, { kind: SubmissionKind; label: string }> = {
  objection: { kind: 'objection', label: '提出异议' },
  rectification: { kind: 'rectification', label: '提交整改报告' },
  statement: { kind: 'statement', label: '陈述申辩' },
};
const OPEN = ['open', 'pending'];
const STATUS: Record<string, string> = { open: '待提交', answered: '已提交', missed: '逾期未提交', closed: '已结束' };

export function PortalDeadlines({ deadlines, loading, onChanged }: { deadlines: PortalDeadline[]; loading: boolean; onChanged: () => void }) {
  const [active, setActive] = useState<{ kind: SubmissionKind; caseNo: string } | null>(null);
  return (
    <>
      <Table<PortalDeadline>
        rowKey={(d) => `${d.caseNo}-${d.kind}-${d.dueDate}`}
        size="small"
        loading={loading}
        dataSource={deadlines}
        pagination={false}
        locale={{ emptyText: '目前没有需要您答复的期限' }}
        rowClassName={(d) => (OPEN.includes(d.status) && (d.workingDaysLeft ?? 1) < 0 ? 'row-overdue' : '')}
        columns={[
          { title: '案件', dataIndex: 'caseNo', render: (v: string) => <Link to={`/portal/cases/${v}`}>{v}</Link> },
          { title: '事项', dataIndex: 'kind', render: (k: string) => DEADLINE_KIND_LABELS[k] ?? k },
          {
            // the document that set the deadline, and the day it was served: the period runs from the next day
            title: '依据文书', dataIndex: 'documentNo',
            render: (no: string | null, d) => <DeadlineDocument documentNo={no} documentTitle={d.documentTitle} servedOn={d.servedOn} />,
          },
          { title: '截止日期', dataIndex: 'dueDate', render: (_, d) => <><DeadlineCountdown dueDate={d.dueDate} workingDaysLeft={d.workingDaysLeft} done={!OPEN.includes(d.status)} /><ProvisionalTag provisional={d.provisional} /></> },
          { title: '状态', dataIndex: 'status', render: (s: string) => STATUS[s] ?? s },
          {
            title: '操作', key: 'op',
            render: (_, d) => ACTION[d.kind] && OPEN.includes(d.status) && (
              <Button type="primary" size="small" onClick={() => setActive({ kind: ACTION[d.kind].kind, caseNo: d.caseNo })}>{ACTION[d.kind].label}</Button>
            ),
          },
        ]}
      />
      {active && (
        <SubmissionModal kind={active.kind} caseNo={active.caseNo} open onClose={(sent) => { setActive(null); if (sent) onChanged(); }} />
      )}
    </>
  );
}
