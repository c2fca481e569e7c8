// Issue #22: dashboard and statistics. Each test fails on the console before the fix.
import { screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { headingRows } from '../../lib/excel';
import StatisticsPage, { formatFigure } from '../statistics/StatisticsPage';
import { stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { CoveragePanel } from './CoveragePanel';
import { GradePanel } from './GradePanel';
import { HeadlineFigures } from './HeadlineFigures';
import { LeagueTable } from './LeaguePanel';

const period = { from: '2026-01-01', to: '2026-12-31' };

describe('dashboard', () => {
  it('shows 暂无数据 instead of bare axes when every grade count is 0', async () => {
    stubApi({ '/reports/grade-distribution': { grades: ['A', 'B', 'C', 'D', 'E'].map((grade) => ({ grade, count: 0 })) } });
    renderUi(<GradePanel />);
    expect(await screen.findByTestId('chart-empty')).toBeTruthy();
    expect(document.querySelector('canvas')).toBeNull();
  });

  it('shows — for coverage when nothing was decided (0/0), not 100 %', async () => {
    stubApi({ '/credit-review/coverage': { rows: [] } });
    const { container } = renderUi(<CoveragePanel period={period} />);
    await waitFor(() => expect(screen.getByTestId('coverage-rate').textContent).toBe('—'));
    expect(container.textContent).not.toContain('100%');
  });

  it('leads with open cases, new this month, overdue tasks and overdue rectifications', async () => {
    stubApi({
      '/cases': { items: [], total: 7, page: 1, pageSize: 1 },
      '/accountability': { from: period.from, to: period.to, generatedOn: period.to, offices: [
        { rank: 1, officeCode: 'A', officeName: 'A', latePublications: 0, notShared: 0, overdueTasks: 2, lateObjections: 0, total: 2 },
        { rank: 2, officeCode: 'B', officeName: 'B', latePublications: 0, notShared: 0, overdueTasks: 1, lateObjections: 0, total: 1 }] },
      '/reports/overdue-rectifications': { asOf: period.to, items: [{ caseNo: 'x' }, { caseNo: 'y' }, { caseNo: 'z' }] },
    });
    renderUi(<HeadlineFigures period={period} today="2026-03-15" />);
    await waitFor(() => expect(screen.getByTestId('headline-overdue-tasks').textContent).toContain('3'));
    expect(screen.getByTestId('headline-open').textContent).toContain('7');
    expect(screen.getByTestId('headline-overdue-rectifications').textContent).toContain('3');
  });

  it('has no always-zero “未经信用审查” column and shows tied ranks as the server ranks them', () => {
    const row = (officeCode: string, rank: number) => ({ rank, officeCode, officeName: officeCode, latePublications: 0, notShared: 0, overdueTasks: 0, lateObjections: 0, total: 0 });
    const { container } = renderUi(<MemoryRouter><LeagueTable rows={[row('甲科', 1), row('乙科', 1)]} /></MemoryRouter>);
    expect(container.textContent).not.toContain('未经信用审查');
    expect([...container.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')?.textContent)).toEqual(['1', '1']);
  });
});

describe('exports and statistics', () => {
  it('puts the title, period, filters and export time above an exported table', () => {
    const rows = headingRows({ title: '案件查询', period: '2026年1月1日 至 2026年3月31日', filters: '程度：严重' }, new Date('2026-04-01T02:05:00Z'));
    expect(rows).toEqual(['案件查询', '统计期间：2026年1月1日 至 2026年3月31日', '筛选条件：程度：严重', '导出时间：2026年4月1日 10:05']);
  });

  it('prints — for a share with no denominator and each indicator’s definition beside it', async () => {
    expect(formatFigure(null, 'share')).toBe('—');
    expect(formatFigure(0, 'share')).toBe('0%');
    stubApi({
      '/public/bureau': { name: '连云港市连云区教育局' },
      '/statistics': { granularity: 'month', indicators: [
        { key: 'publicityOnTime', group: '双公示', label: '7个工作日内公示率', unit: 'share', definition: '分母为 0 时为“—”。' }],
      periods: [{ label: '2026年1月', from: '2026-01-01', to: '2026-01-31', values: { publicityOnTime: null } }] },
    });
    const { container } = renderUi(<StatisticsPage />);
    await screen.findByText('7个工作日内公示率');
    expect(container.textContent).toContain('分母为 0 时为“—”。');
    expect([...container.querySelectorAll('tbody td')].map((td) => td.textContent)).toContain('—');
  });
});
