import { Table } from 'antd';
import { Chart } from '../../components/Chart';
import { ExportButton } from '../../components/ExportButton';
import { useAsync } from '../../lib/useAsync';
import { Panel } from './Panel';
import { periodHeading, reports, type GradeDistribution } from './reports';

const COLORS: Record<string, string> = { A: '#389e0d', B: '#13c2c2', C: '#fadb14', D: '#fa8c16', E: '#cf1322' };
type Row = GradeDistribution['grades'][number];

export function GradePanel() {
  const data = useAsync(reports.grades, []);
  const rows = data.data?.grades ?? [];
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <Panel title="信用等级分布" what="等级分布统计" error={data.error} loading={data.loading}
      extra={<ExportButton<Row> fileName="信用等级分布" sheetName="等级分布" rows={rows} heading={periodHeading('信用等级分布（最近一次评价）')} columns={[
        { header: '等级', value: (r) => r.grade }, { header: '机构数', value: (r) => r.count },
        { header: '占比(%)', value: (r) => (total ? Math.round((r.count / total) * 1000) / 10 : 0) },
      ]} />}>
      <Chart
        empty={total === 0}
        option={{
          tooltip: { trigger: 'item', formatter: '{b} 级：{c} 家（{d}%）' },
          legend: { bottom: 0 },
          series: [{ type: 'pie', radius: ['40%', '70%'], data: rows.filter((r) => r.count > 0).map((r) => ({ name: r.grade, value: r.count, itemStyle: { color: COLORS[r.grade] } })) }],
        }}
      />
      <Table<Row> size="small" rowKey="grade" dataSource={rows} pagination={false}
        columns={[{ title: '等级', dataIndex: 'grade' }, { title: '机构数', dataIndex: 'count' }, { title: '占比', key: 'p', render: (_, r) => `${total ? Math.round((r.count / total) * 1000) / 10 : 0}%` }]} />
    </Panel>
  );
}
