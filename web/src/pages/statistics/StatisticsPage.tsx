import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Segmented, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { get } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { beijingToday, formatDate } from '../../lib/dates';
import { useBureauName } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { definitionColumn, figureColumn, groupColumn, type IndicatorRow, indicatorRows, indicatorSheet } from './figures';
import { PeriodicReport } from './PeriodicReport';

export { formatFigure } from './figures';

type Statistics = components['schemas']['StatisticsDto'];
type Granularity = 'month' | 'quarter' | 'year';

const GRANULARITY_LABELS: Record<Granularity, string> = { month: '按月', quarter: '按季度', year: '按年度' };

/**
 * 统计分析: the bureau's indicators by month, quarter or year, each with its definition beside it; printable and exported
 * with a title row, the period, the granularity and the export time (GET /api/statistics). Beside it, the periodic
 * report to the district and city credit offices built from the same indicators.
 */
export default function StatisticsPage() {
  return (
    <>
      <Typography.Title level={2} className="page-title">统计分析</Typography.Title>
      <Tabs items={[
        { key: 'figures', label: '分期统计', children: <PeriodFigures /> },
        { key: 'report', label: '报送区、市信用办报表', children: <PeriodicReport /> },
      ]} />
    </>
  );
}

function PeriodFigures() {
  const today = beijingToday();
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 4)}-01-01`, today]);
  const bureau = useBureauName();
  const data = useAsync(() => get<Statistics>('/statistics', { granularity, from: range[0], to: range[1] }), [granularity, range[0], range[1]]);
  const periods = data.data?.periods ?? [];
  const rows = indicatorRows(data.data?.indicators ?? [], periods);
  const columns: ColumnsType<IndicatorRow> = [
    { ...groupColumn(rows), fixed: 'left' },
    { title: '指标', dataIndex: 'label', width: 170, fixed: 'left', render: (l: string, r) => <Tooltip title={r.definition}>{l}</Tooltip> },
    ...periods.map((p, i) => figureColumn(p.label, i)),
    { ...definitionColumn, width: 360 },
  ];
  const period = `${formatDate(range[0])} 至 ${formatDate(range[1])}`;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap className="no-print">
        <Segmented<Granularity> value={granularity} onChange={setGranularity}
          options={(Object.keys(GRANULARITY_LABELS) as Granularity[]).map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))} />
        <DatePicker.RangePicker allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([(v[0] as Dayjs).format('YYYY-MM-DD'), (v[1] as Dayjs).format('YYYY-MM-DD')])} />
        <ExportButton<IndicatorRow> fileName={`统计分析_${range[0]}_${range[1]}`} sheetName="统计分析" label="导出Excel" columns={indicatorSheet(periods.map((p) => p.label))} rows={rows}
          heading={{ title: `${bureau}教育领域信用监管统计表`, period, filters: GRANULARITY_LABELS[granularity] }} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
      </Space>
      <Typography.Paragraph className="print-only" style={{ textAlign: 'center' }}>{bureau} · {period} · {GRANULARITY_LABELS[granularity]}</Typography.Paragraph>
      <ErrorAlert error={data.error} />
      <Table<IndicatorRow> size="small" bordered rowKey="key" loading={data.loading} dataSource={rows} columns={columns} pagination={false}
        scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty description="暂无数据" /> }} data-testid="statistics-table" />
    </Space>
  );
}
