import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { WorklistItem, WorklistPage as Worklist } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { DecisionProposals } from '../../components/DecisionProposals';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SEVERITY_COLORS, severityLabel, stageLabel, TASK_STATUS_LABELS, taskKindLabel } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';
import { BulkReassignModal } from './BulkReassignModal';
import { WorklistFilters, type WorklistFilter } from './WorklistFilters';

export default function WorklistPage() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<WorklistFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const [busyTask, setBusyTask] = useState<string | null>(null);
  const list = useAsync(
    () => get<Worklist>('/tasks', { ...filter, ...page, sort: 'dueDate' }),
    [JSON.stringify(filter), page.page, page.pageSize],
  );

  const claim = async (t: WorklistItem) => {
    setBusyTask(t.id);
    try {
      await post(`/tasks/${t.id}/claim`);
      message.success('已领取，请办理');
      void navigate(`/cases/${t.caseNo}`);
    } catch (e) {
      message.error(describeError(e));
      list.reload();
    } finally {
      setBusyTask(null);
    }
  };

  const columns: ColumnsType<WorklistItem> = [
    { title: '案件编号', dataIndex: 'caseNo', width: 140, render: (v: string) => <Link to={`/cases/${v}`}>{v}</Link> },
    { title: '机构', dataIndex: 'institutionName', ellipsis: true, },
    { title: '待办事项', dataIndex: 'kind', width: 160, render: taskKindLabel },
    { title: '阶段', dataIndex: 'stage', width: 110, render: stageLabel },
    {
      title: '程度', dataIndex: 'severity', width: 64,
      render: (v: WorklistItem['severity']) => <Tag color={SEVERITY_COLORS[v]}>{severityLabel(v)}</Tag>,
    },
    {
      title: '办理期限', dataIndex: 'dueDate', width: 230, defaultSortOrder: 'ascend', sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
      // the row turns red when the workflow has escalated the task; the countdown says by how much
      render: (v: string) => <DeadlineCountdown dueDate={v} />,
    },
    {
      title: '状态', dataIndex: 'status', width: 90,
      render: (v: string, t) => (t.assigneeId === me.id ? <Tag color="processing">我在办理</Tag> : TASK_STATUS_LABELS[v] ?? v),
    },
    {
      title: '操作', key: 'op', width: 90, fixed: 'right',
      render: (_, t) =>
        t.assigneeId === me.id ? (
          <Link to={`/cases/${t.caseNo}`}>办理</Link>
        ) : (
          <Button size="small" type="primary" loading={busyTask === t.id} onClick={() => claim(t)}>领取</Button>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">我的待办</Typography.Title>
      <WorklistFilters onChange={(f) => { setFilter(f); setPage((p) => ({ ...p, page: 1 })); }} />
      <ErrorAlert error={list.error} />
      {me.role === 'approver' && (
        <Space style={{ marginBottom: 8 }}>
          <Button disabled={!selected.length} onClick={() => setReassigning(true)}>批量改派{selected.length ? `（${selected.length}）` : ''}</Button>
        </Space>
      )}
      <Table<WorklistItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 1000 }}
        rowClassName={(t) => (t.overdue ? 'row-overdue' : '')}
        rowSelection={me.role === 'approver' ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
        pagination={{
          current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true,
          showTotal: (n) => `共 ${n} 项`, onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        locale={{ emptyText: '暂无待办任务' }}
      />
      <BulkReassignModal
        open={reassigning}
        taskIds={selected}
        officeCode={me.officeCode}
        onClose={(changed) => { setReassigning(false); if (changed) { setSelected([]); list.reload(); } }}
      />
      {(me.role === 'approver' || me.role === 'officer') && (
        <Card size="small" title="案件撤销与更正审批" style={{ marginTop: 16 }}>
          <DecisionProposals kinds={['case_withdrawal', 'case_correction']} />
        </Card>
      )}
    </>
  );
}
