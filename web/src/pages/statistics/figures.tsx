import { Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { components } from '../../api/schema';
import type { SheetColumn } from '../../lib/excel';

type Definition = components['schemas']['IndicatorDefinitionDto'];

/** A figure as printed: counts as they are, averages in days, shares in %; no denominator reads —, never 0 % or 100 %. */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'share') return `${value}%`;
  if (unit === 'days') return `${value} 天`;
  return String(value);
}

/** One indicator with its figure in each column (a period, or 本期 / 上年同期 / 本年累计). */
export interface IndicatorRow { key: string; group: string; label: string; definition: string; unit: string; values: (number | null)[] }

export const indicatorRows = (indicators: Definition[], columns: { values: Record<string, number | null> }[]): IndicatorRow[] =>
  indicators.map((d) => ({ key: d.key, group: d.group, label: d.label, definition: d.definition, unit: d.unit, values: columns.map((c) => c.values[d.key] ?? null) }));

/** 类别 spans its indicators' rows; 口径 prints each definition beside its figures. */
export const groupColumn = (rows: IndicatorRow[]): ColumnType<IndicatorRow> => ({
  title: '类别', dataIndex: 'group', width: 90,
  onCell: (r, i) => ({ rowSpan: i !== undefined && rows[i - 1]?.group === r.group ? 0 : rows.filter((x) => x.group === r.group).length }),
});
export const definitionColumn: ColumnType<IndicatorRow> = {
  title: '口径', dataIndex: 'definition', render: (d: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d}</Typography.Text>,
};
export const figureColumn = (title: string, i: number): ColumnType<IndicatorRow> =>
  ({ title, key: `${i}`, width: 96, align: 'right', render: (_: unknown, r: IndicatorRow) => formatFigure(r.values[i], r.unit) });

/** The same table as an Excel sheet: group, indicator, one column per figure header, the definition. */
export const indicatorSheet = (headers: string[], width = 14): SheetColumn<IndicatorRow>[] => [
  { header: '类别', value: (r) => r.group }, { header: '指标', value: (r) => r.label, width: 26 },
  ...headers.map((h, i) => ({ header: h, value: (r: IndicatorRow) => formatFigure(r.values[i], r.unit), width })),
  { header: '口径', value: (r) => r.definition, width: 60 },
];
