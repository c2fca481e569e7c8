// Issue #22: the periodic report for the district and city credit offices, built from the statistics indicators.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { beijingToday } from '../../lib/dates';
import { stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { PeriodicReport } from './PeriodicReport';

const INDICATORS = [
  { key: 'inspections', group: '双随机抽查', label: '完成抽查', unit: 'count', definition: '本期登记检查结果的双随机抽查对象数（以登记结果的时间计）。' },
  { key: 'inspectionsFindingShare', group: '双随机抽查', label: '问题发现率', unit: 'share', definition: '本期完成抽查的对象中发现问题的比例；本期无抽查结果时为“—”。' },
];
const REPORT = {
  title: '2026年第3季度', from: '2026-07-01', to: '2026-09-30', generatedAt: '2026-10-08T01:30:00.000Z', indicators: INDICATORS,
  columns: [
    { label: '本期', from: '2026-07-01', to: '2026-09-30', values: { inspections: 4, inspectionsFindingShare: 25 } },
    { label: '上年同期', from: '2025-07-01', to: '2025-09-30', values: { inspections: 0, inspectionsFindingShare: null } },
    { label: '本年累计', from: '2026-01-01', to: '2026-09-30', values: { inspections: 10, inspectionsFindingShare: 30 } },
  ],
};

const setup = () => {
  const calls = stubApi({ '/statistics/report': REPORT, '/public/bureau': { name: '连云港市连云区教育局' } });
  const view = renderUi(<PeriodicReport />);
  return { calls, view };
};
const reportCalls = (calls: string[]) => calls.filter((c) => c.startsWith('/api/statistics/report')).map((c) => Object.fromEntries(new URL(c, 'http://x').searchParams));

describe('periodic report to the credit offices', () => {
  it('heads the report with the bureau, the recipient, the period and when it was made', async () => {
    setup();
    const heading = await screen.findByTestId('periodic-report-heading');
    await waitFor(() => expect(heading.textContent).toContain('连云港市连云区教育局教育领域信用监管季报'));
    await waitFor(() => expect(heading.textContent).toContain('2026年第3季度（2026年7月1日 至 2026年9月30日）'));
    expect(heading.textContent).toContain('区信用办');
    expect(heading.textContent).toContain('2026年10月8日 09:30');
  });

  it('sets this period beside the same period a year earlier and the year to date, each indicator with its definition', async () => {
    setup();
    const table = await screen.findByTestId('periodic-report');
    await within(table).findByText('问题发现率');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['类别', '指标', '本期', '上年同期', '本年累计', '口径']);
    const row = within(table).getByText('问题发现率').closest('tr') as HTMLElement;
    // no inspection a year earlier: no rate (—), never 0 %
    expect(within(row).getAllByRole('cell').slice(0, 4).map((c) => c.textContent)).toEqual(['问题发现率', '25%', '—', '30%']);
    expect(row.textContent).toContain('本期完成抽查的对象中发现问题的比例');
  });

  it('asks for the last quarter that has ended, and for a year without 期次', async () => {
    const { calls } = setup();
    await screen.findByText('问题发现率');
    const [y, m] = beijingToday().split('-').map(Number);
    const quarter = Math.floor((m - 1) / 3) + 1;
    const last = quarter > 1 ? { year: String(y), number: String(quarter - 1) } : { year: String(y - 1), number: '4' };
    expect(reportCalls(calls)[0]).toEqual({ period: 'quarter', ...last });
    fireEvent.click(screen.getByText('年报'));
    await waitFor(() => expect(reportCalls(calls).at(-1)).toEqual({ period: 'year', year: String(y - 1), number: '1' }));
    expect(screen.queryByLabelText('期次')).toBeNull();
  });
});
