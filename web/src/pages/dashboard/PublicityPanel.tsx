import { Table, Tag } from 'antd';
import { Chart } from '../../components/Chart';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../lib/dates';
import { useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { Panel } from './Panel';
import { periodHeading, reports, type PublicityOverdue } from './reports';

type Item = PublicityOverdue['items'][number];
const KIND: Record<string, string> = { licence: '行政许可', penalty: '行政处罚' };

const columnsFor = (officeName: (c: string | null) => string) => [
  { header: '类别', value: (r: Item) => KIND[r.kind] ?? r.kind },
  { header: '文号', value: (r: Item) => r.documentNo, width: 24 },
  { header: '机构', value: (r: Item) => r.institutionName, width: 36 },
  { header: '科室', value: (r: Item) => officeName(r.officeCode) },
  { header: '决定日期', value: (r: Item) => r.decisionDate, width: 14 },
  { header: '应公示日期', value: (r: Item) => r.dueDate, width: 14 },
  { header: '状态', value: (r: Item) => (r.state === 'late' ? '逾期未公示' : '即将到期') },
];

/** 双公示 timeliness: decisions not yet published within 7 working days, and those about to miss it. */
export function PublicityPanel() {
  const { officeName } = useOffices();
  const columns = columnsFor(officeName);
  const data = useAsync(reports.publicity, []);
  const byOffice = data.data?.byOffice ?? [];
  const items = data.data?.items ?? [];
  return (
    <Panel title="双公示及时性" what="双公示统计" error={data.error} loading={data.loading}
      extra={<ExportButton fileName="双公示逾期" sheetName="双公示逾期" columns={columns} rows={items} heading={periodHeading('双公示逾期及即将到期')} />}>
      <Chart
        empty={!byOffice.some((o) => o.late + o.dueSoon > 0)}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 40, right: 10, top: 40, bottom: 30 },
          xAxis: { type: 'category', data: byOffice.map((o) => (o.officeCode ? officeName(o.officeCode) : '未指定')) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: '逾期未公示', type: 'bar', data: byOffice.map((o) => o.late), itemStyle: { color: '#cf1322' } },
            { name: '即将到期', type: 'bar', data: byOffice.map((o) => o.dueSoon), itemStyle: { color: '#fa8c16' } },
          ],
        }}
      />
      <Table<Item>
        size="small" rowKey="id" dataSource={items} pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: '所有决定均已按时公示' }}
        columns={[
          { title: '文号', dataIndex: 'documentNo', ellipsis: true },
          { title: '机构', dataIndex: 'institutionName', ellipsis: true },
          { title: '应公示', dataIndex: 'dueDate', render: formatDate, width: 120 },
          { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => (s === 'late' ? <Tag color="red">逾期</Tag> : <Tag color="orange">即将到期</Tag>) },
        ]}
      />
    </Panel>
  );
}
