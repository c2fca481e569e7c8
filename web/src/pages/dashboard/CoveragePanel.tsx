import { Progress, Table } from 'antd';
import { ExportButton } from '../../components/ExportButton';
import { useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { Panel } from './Panel';
import { periodHeading, reports, type CoverageRow, type Period } from './reports';

const TYPES: Record<string, string> = { licence: '办学许可审批', award: '评先评优', subsidy: '财政补贴', other: '其他' };

/** 信用审查 coverage: the plan asks for 100 % of approvals and awards to have a review on file. */
export function CoveragePanel({ period }: { period: Period }) {
  const { officeName } = useOffices();
  const data = useAsync(() => reports.coverage(period), [period.from, period.to]);
  const rows = data.data?.rows ?? [];
  const decided = rows.reduce((s, r) => s + r.decided, 0);
  const reviewed = rows.reduce((s, r) => s + r.withReview, 0);
  return (
    <Panel title="信用审查覆盖率" what="信用审查统计" error={data.error} loading={data.loading}
      extra={<ExportButton<CoverageRow> fileName="信用审查覆盖率" sheetName="审查覆盖率" rows={rows} heading={periodHeading('信用审查覆盖率', period)} columns={[
        { header: '科室', value: (r) => officeName(r.officeCode) }, { header: '事项类型', value: (r) => TYPES[r.type] ?? r.type },
        { header: '已决定', value: (r) => r.decided }, { header: '有审查记录', value: (r) => r.withReview },
        { header: '覆盖率(%)', value: (r) => (r.decided ? r.coverage : '—') }, { header: '审查拦截', value: (r) => r.blocked },
      ]} />}>
      {/* nothing decided: no rate at all, not 100 % */}
      <Progress type="dashboard" percent={decided ? Math.round((reviewed / decided) * 1000) / 10 : 0} format={(p) => (decided ? `${p}%` : '—')} size={120} data-testid="coverage-rate" />
      <span style={{ marginLeft: 12 }}>共决定 {decided} 项，有审查记录 {reviewed} 项</span>
      <Table<CoverageRow> size="small" rowKey={(r) => `${r.officeCode}-${r.type}`} dataSource={rows} pagination={false}
        locale={{ emptyText: '本期没有需要审查的事项' }}
        columns={[
          { title: '科室', dataIndex: 'officeCode', render: officeName }, { title: '事项', dataIndex: 'type', render: (t: string) => TYPES[t] ?? t },
          { title: '已决定', dataIndex: 'decided' }, { title: '覆盖率', dataIndex: 'coverage', render: (c: number, r) => (r.decided ? `${c}%` : '—') },
        ]} />
    </Panel>
  );
}
