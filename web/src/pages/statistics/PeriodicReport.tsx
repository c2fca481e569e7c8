import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, InputNumber, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { get } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { beijingToday, formatDate, formatDateTime } from '../../lib/dates';
import { useBureauName } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { definitionColumn, figureColumn, groupColumn, type IndicatorRow, indicatorRows, indicatorSheet } from './figures';

type Report = components['schemas']['StatisticsReportDto'];
type Kind = 'month' | 'quarter' | 'half' | 'year';

const KIND_LABELS: Record<Kind, string> = { month: '月报', quarter: '季报', half: '半年报', year: '年报' };
const COUNT: Record<Kind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const numberLabel = (kind: Kind, n: number) => ({ month: `${n}月`, quarter: `第${n}季度`, half: n === 1 ? '上半年' : '下半年', year: '全年' })[kind];
export const RECIPIENTS = ['区信用办（区社会信用体系建设领导小组办公室）', '市信用办（市社会信用体系建设领导小组办公室）'];

/** The last whole period before today: a report is sent after its period ends. */
function lastClosed(kind: Kind, today: string): { year: number; n: number } {
  const [y, m] = today.split('-').map(Number);
  const months = 12 / COUNT[kind];
  const current = Math.floor((m - 1) / months) + 1;
  return current > 1 ? { year: y, n: current - 1 } : { year: y - 1, n: COUNT[kind] };
}

/**
 * 定期报表: the report the bureau sends to the district and city credit offices (区、市信用办), built from the same
 * indicators as 统计分析 (GET /api/statistics/report): this period, the same period a year earlier and the year to date,
 * each indicator's definition beside it; printable, and exported with a title row, the period, the recipient and the
 * export time.
 */
export function PeriodicReport() {
  const today = beijingToday();
  const [kind, setKind] = useState<Kind>('quarter');
  const [{ year, n }, setPeriod] = useState(() => lastClosed('quarter', today));
  const [recipient, setRecipient] = useState(RECIPIENTS[0]);
  const bureau = useBureauName();
  const data = useAsync(() => get<Report>('/statistics/report', { period: kind, year, number: n }), [kind, year, n]);
  const columns = data.data?.columns ?? [];
  const rows = indicatorRows(data.data?.indicators ?? [], columns);
  const title = `${bureau}教育领域信用监管${KIND_LABELS[kind]}`;
  const period = data.data ? `${data.data.title}（${formatDate(data.data.from)} 至 ${formatDate(data.data.to)}）` : '';
  const table: ColumnsType<IndicatorRow> = [
    groupColumn(rows), { title: '指标', dataIndex: 'label', width: 170 }, ...columns.map((c, i) => figureColumn(c.label, i)), definitionColumn,
  ];
  const sheet = indicatorSheet(columns.map((c) => `${c.label}（${formatDate(c.from)}至${formatDate(c.to)}）`), 22);
  const choose = (k: Kind) => { setKind(k); setPeriod(lastClosed(k, today)); };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap className="no-print">
        <Select value={recipient} onChange={setRecipient} style={{ width: 300 }} options={RECIPIENTS.map((r) => ({ value: r, label: `报送：${r}` }))} />
        <Segmented<Kind> value={kind} onChange={choose} options={(Object.keys(KIND_LABELS) as Kind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        <Typography.Text>年度</Typography.Text>
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} precision={0} style={{ width: 100 }}
          onChange={(v) => v && setPeriod({ year: v, n })} />
        {kind !== 'year' && (
          <Select aria-label="期次" value={n} style={{ width: 110 }} onChange={(v) => setPeriod({ year, n: v })}
            options={Array.from({ length: COUNT[kind] }, (_, i) => ({ value: i + 1, label: numberLabel(kind, i + 1) }))} />
        )}
        <ExportButton<IndicatorRow> fileName={`${KIND_LABELS[kind]}_${data.data?.title ?? ''}`} sheetName={KIND_LABELS[kind]} label="导出Excel" columns={sheet} rows={rows}
          heading={{ title, period, filters: `报送：${recipient}；${KIND_LABELS[kind]}，本期与上年同期${kind === 'year' ? '' : '、本年累计'}对比` }} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
      </Space>
      <div data-testid="periodic-report-heading">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>{title}</Typography.Title>
        <Descriptions size="small" column={3} items={[
          { key: 'to', label: '报送', children: recipient },
          { key: 'period', label: '统计期间', children: period },
          { key: 'at', label: '生成时间', children: data.data ? formatDateTime(data.data.generatedAt) : '' },
        ]} />
      </div>
      <ErrorAlert error={data.error} />
      <Table<IndicatorRow> size="small" bordered rowKey="key" loading={data.loading} dataSource={rows} columns={table} pagination={false}
        locale={{ emptyText: <Empty description="暂无数据" /> }} data-testid="periodic-report" />
      <Typography.Paragraph type="secondary">填报单位：{bureau}。比例、平均数无分母时记为“—”。</Typography.Paragraph>
    </Space>
  );
}
