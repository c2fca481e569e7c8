import { Table } from 'antd';
import { Link } from 'react-router';
import { Chart } from '../../components/Chart';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../lib/dates';
import { useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { Panel } from './Panel';
import { bucketByOffice, periodHeading, reports, type OverdueRectifications } from './reports';

type Item = OverdueRectifications['items'][number];

const columnsFor = (officeName: (c: string | null) => string) => [
  { header: '案件编号', value: (r: Item) => r.caseNo, width: 18 },
  { header: '机构', value: (r: Item) => r.institutionName, width: 36 },
  { header: '科室', value: (r: Item) => officeName(r.officeCode) },
  { header: '整改期限', value: (r: Item) => r.dueDate, width: 14 },
  { header: '逾期工作日', value: (r: Item) => r.overdueWorkingDays },
];

export function RectificationPanel() {
  const { officeName } = useOffices();
  const columns = columnsFor(officeName);
  const data = useAsync(reports.rectifications, []);
  const items = data.data?.items ?? [];
  const { offices, series } = bucketByOffice(items);
  return (
    <Panel
      title={`逾期未整改（${items.length} 件）`}
      what="逾期整改统计"
      error={data.error}
      loading={data.loading}
      extra={<ExportButton fileName="逾期未整改" sheetName="逾期未整改" columns={columns} rows={items} heading={periodHeading('逾期未整改案件')} />}
    >
      <Chart
        empty={!items.length}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 40, right: 10, top: 40, bottom: 30 },
          xAxis: { type: 'category', data: offices.map((o) => (o === '未指定' ? o : officeName(o))) },
          yAxis: { type: 'value', minInterval: 1 },
          series: series.map((s) => ({ ...s, type: 'bar', stack: 'age' })),
        }}
      />
      <Table<Item>
        size="small" rowKey="caseNo" dataSource={items} pagination={{ pageSize: 5, hideOnSinglePage: true }} data-testid="overdue-rectifications"
        locale={{ emptyText: '没有逾期未整改的案件' }}
        columns={[
          { title: '案件', dataIndex: 'caseNo', render: (v: string) => <Link to={`/cases/${v}`}>{v}</Link> },
          { title: '机构', dataIndex: 'institutionName', ellipsis: true },
          { title: '科室', dataIndex: 'officeCode', width: 110, render: officeName },
          { title: '期限', dataIndex: 'dueDate', render: formatDate, width: 120 },
          { title: '逾期', dataIndex: 'overdueWorkingDays', render: (n: number) => `${n} 个工作日`, width: 100 },
        ]}
      />
    </Panel>
  );
}
