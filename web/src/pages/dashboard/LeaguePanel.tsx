import { Table } from 'antd';
import { Link } from 'react-router';
import { ExportButton } from '../../components/ExportButton';
import { Chart } from '../../components/Chart';
import type { SheetColumn } from '../../lib/excel';
import { useAsync } from '../../lib/useAsync';
import { Panel } from './Panel';
import { periodHeading, reports, type LeagueRow, type Period } from './reports';

export const LEAGUE_COLUMNS: { key: keyof LeagueRow; title: string }[] = [
  { key: 'rank', title: '排名' },
  { key: 'officeName', title: '科室' },
  { key: 'overdueTasks', title: '逾期任务' },
  { key: 'latePublications', title: '双公示逾期' },
  { key: 'notShared', title: '共享数据被退回' },
  { key: 'lateObjections', title: '异议逾期' },
  { key: 'total', title: '合计' },
];

export const leagueSheet: SheetColumn<LeagueRow>[] = LEAGUE_COLUMNS.map((c) => ({ header: c.title, value: (r) => r[c.key] as string | number }));

export function LeagueTable({ rows, loading }: { rows: LeagueRow[]; loading?: boolean }) {
  return (
    <Table<LeagueRow> size="small" rowKey="officeCode" dataSource={rows} loading={loading} pagination={false}
      rowClassName={(r) => (r.total > 0 && r.rank <= 3 ? 'row-overdue' : '')}
      columns={LEAGUE_COLUMNS.map((c) => ({ title: c.title, dataIndex: c.key }))} />
  );
}

/** The office league table behind the 通报: who is slow to publish, share, review and answer. */
export function LeaguePanel({ period }: { period: Period }) {
  const data = useAsync(() => reports.league(period), [period.from, period.to]);
  const rows = data.data?.offices ?? [];
  return (
    <Panel title="科室排名（通报依据）" what="科室排名" error={data.error} loading={data.loading}
      extra={<>
        <ExportButton fileName={`科室排名_${period.from}_${period.to}`} sheetName="科室排名" columns={leagueSheet} rows={rows} heading={periodHeading('科室排名（通报依据）', period)} />
        <Link to={`/circular?from=${period.from}&to=${period.to}`}>打印通报</Link>
      </>}>
      <Chart height={200} empty={rows.every((r) => r.total === 0)} option={{
        tooltip: { trigger: 'axis' }, grid: { left: 90, right: 20, top: 10, bottom: 20 },
        yAxis: { type: 'category', data: rows.map((r) => r.officeName).reverse() }, xAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: rows.map((r) => r.total).reverse(), itemStyle: { color: '#cf1322' }, name: '问题合计' }],
      }} />
      <LeagueTable rows={rows} />
    </Panel>
  );
}
