import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { get } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { beijingToday, formatDate } from '../../lib/dates';
import type { SheetColumn } from '../../lib/excel';
import { useBureauName } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';

type Statistics = components['schemas']['StatisticsDto'];
type Definition = Statistics['indicators'][number];
type Granularity = 'month' | 'quarter' | 'year';

const GRANULARITY_LABELS: Record<Granularity, string> = { month: '按月', quarter: '按季度', year: '按年度' };

/** A figure as printed: counts as they are, averages in days, shares in %; no denominator reads —, never 0 % or 100 %. */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'share') return `${value}%`;
  if (unit === 'days') return `${value} 天`;
  return String(value);
}

interface Row { key: string; group: string; label: string; definition: string; unit: string; values: (number | null)[] }

/**
 * 统计分析: the bureau's indicators by month, quarter or year, each with its definition beside it; printable and exported
 * with a title row, the period, the granularity and the export time (GET /api/statistics).
 */
export default function StatisticsPage() {
  const today = beijingToday();
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 4)}-01-01`, today]);
  const bureau = useBureauName();
  const data = useAsync(() => get<Statistics>('/statistics', { granularity, from: range[0], to: range[1] }), [granularity, range[0], range[1]]);
  const periods = data.data?.periods ?? [];
  const rows: Row[] = (data.data?.indicators ?? []).map((d: Definition) => ({
    key: d.key, group: d.group, label: d.label, definition: d.definition, unit: d.unit, values: periods.map((p) => p.values[d.key] ?? null),
  }));
  const columns: ColumnsType<Row> = [
    { title: '类别', dataIndex: 'group', width: 90, fixed: 'left', onCell: (r, i) => ({ rowSpan: i !== undefined && rows[i - 1]?.group === r.group ? 0 : rows.filter((x) => x.group === r.group).length }) },
    { title: '指标', dataIndex: 'label', width: 170, fixed: 'left', render: (l: string, r) => <Tooltip title={r.definition}>{l}</Tooltip> },
    ...periods.map((p, i) => ({ title: p.label, key: p.from, width: 96, align: 'right' as const, render: (_: unknown, r: Row) => formatFigure(r.values[i], r.unit) })),
    { title: '口径', dataIndex: 'definition', width: 360, render: (d: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d}</Typography.Text> },
  ];
  const sheet: SheetColumn<Row>[] = [
    { header: '类别', value: (r) => r.group }, { header: '指标', value: (r) => r.label, width: 26 },
    ...periods.map((p, i) => ({ header: p.label, value: (r: Row) => formatFigure(r.values[i], r.unit), width: 14 })),
    { header: '口径', value: (r) => r.definition, width: 60 },
  ];
  const period = `${formatDate(range[0])} 至 ${formatDate(range[1])}`;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} className="page-title">统计分析</Typography.Title>
      <Space wrap className="no-print">
        <Segmented<Granularity> value={granularity} onChange={setGranularity}
          options={(Object.keys(GRANULARITY_LABELS) as Granularity[]).map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))} />
        <DatePicker.RangePicker allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([(v[0] as Dayjs).format('YYYY-MM-DD'), (v[1] as Dayjs).format('YYYY-MM-DD')])} />
        <ExportButton<Row> fileName={`统计分析_${range[0]}_${range[1]}`} sheetName="统计分析" label="导出Excel" columns={sheet} rows={rows}
          heading={{ title: `${bureau}教育领域信用监管统计表`, period, filters: GRANULARITY_LABELS[granularity] }} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
      </Space>
      <Typography.Paragraph className="print-only" style={{ textAlign: 'center' }}>{bureau} · {period} · {GRANULARITY_LABELS[granularity]}</Typography.Paragraph>
      <ErrorAlert error={data.error} />
      <Table<Row> size="small" bordered rowKey="key" loading={data.loading} dataSource={rows} columns={columns} pagination={false}
        scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty description="暂无数据" /> }} data-testid="statistics-table" />
    </Space>
  );
}
