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
import { ExportButton } from '../../components/ExportButton';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { formatDate } from '../../lib/dates';
import type { SheetColumn } from '../../lib/excel';
import { useOffices } from '../../lib/lookups';
import { SEVERITY_COLORS, severityLabel, stageLabel, TASK_STATUS_LABELS, taskKindLabel } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';
import { BulkReassignModal } from './BulkReassignModal';
import { FIRST_PAGE, firstPage } from './first-page';
import { WorklistFilters, type WorklistFilter } from './WorklistFilters';

/** Every page of the worklist for an export (100 a page), up to 5,000 rows. */
async function allTasks(filter: WorklistFilter): Promise<WorklistItem[]> {
  const out: WorklistItem[] = [];
  for (let page = 1; page <= 50; page++) {
    const r = await get<Worklist>('/tasks', { ...filter, page, pageSize: 100, sort: 'dueDate' });
    out.push(...r.items);
    if (out.length >= r.total || !r.items.length) break;
  }
  return out;
}

/** The filters in words for the sheet's 筛选条件 row. */
export function describeWorklistFilter(f: WorklistFilter, officeName: (c: string) => string): string {
  return [f.stage && `阶段：${stageLabel(f.stage)}`, f.officeCode && `科室：${officeName(f.officeCode)}`, f.uscc && `机构：${f.uscc}`,
    f.severity && `程度：${severityLabel(f.severity)}`, f.dueBefore && `期限不晚于 ${formatDate(f.dueBefore)}`, f.overdue && '只看逾期']
    .filter(Boolean).join('；');
}

export default function WorklistPage() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<WorklistFilter>({});
  const [page, setPage] = useState<{ page: number; pageSize: number }>({ page: FIRST_PAGE.page, pageSize: FIRST_PAGE.pageSize });
  const [selected, setSelected] = useState<string[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const [busyTask, setBusyTask] = useState<string | null>(null);
  const { officeName } = useOffices();
  const opening = !Object.keys(filter).length && page.page === FIRST_PAGE.page && page.pageSize === FIRST_PAGE.pageSize;
  const list = useAsync(
    () => (opening ? firstPage() : get<Worklist>('/tasks', { ...filter, ...page, sort: 'dueDate' })),
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

  const worklistSheet: SheetColumn<WorklistItem>[] = [
    { header: '案件编号', value: (t) => t.caseNo, width: 18 }, { header: '机构', value: (t) => t.institutionName, width: 36 },
    { header: '待办事项', value: (t) => taskKindLabel(t.kind), width: 24 }, { header: '阶段', value: (t) => stageLabel(t.stage) },
    { header: '程度', value: (t) => severityLabel(t.severity) }, { header: '科室', value: (t) => officeName(t.candidateOffice), width: 16 },
    { header: '办理期限', value: (t) => `${formatDate(t.dueDate)}${t.provisional ? '（暂定）' : ''}`, width: 16 }, { header: '逾期', value: (t) => (t.overdue ? '是' : '否') },
    { header: '状态', value: (t) => TASK_STATUS_LABELS[t.status] ?? '' },
  ];
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
      render: (v: string, t) => <><DeadlineCountdown dueDate={v} workingDaysLeft={t.workingDaysLeft} /><ProvisionalTag provisional={t.provisional} /></>,
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
      <Space style={{ marginBottom: 8 }}>
        {me.role === 'approver' && (
          <Button disabled={!selected.length} onClick={() => setReassigning(true)}>批量改派{selected.length ? `（${selected.length}）` : ''}</Button>
        )}
        <ExportButton<WorklistItem> fileName="我的待办" sheetName="我的待办" label="导出Excel" columns={worklistSheet} rows={() => allTasks(filter)}
          heading={{ title: '待办任务清单', filters: describeWorklistFilter(filter, officeName) }} />
      </Space>
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
        tasks={(list.data?.items ?? []).filter((t) => selected.includes(t.id))}
        officeCode={me.officeCode}
        onClose={(changed) => { setReassigning(false); if (changed) { setSelected([]); list.reload(); } }}
      />
      {/* below the worklist and second in importance: drawn once the rows are, not in the same first render */}
      {(me.role === 'approver' || me.role === 'officer') && list.data && (
        <Card size="small" title="案件撤销与更正审批" style={{ marginTop: 16 }}>
          <DecisionProposals kinds={['case_withdrawal', 'case_correction']} />
        </Card>
      )}
    </>
  );
}
