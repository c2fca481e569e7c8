// Issue #22, "search that finds": each test fails on the console before the fix.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { OFFICES, signedInAs, stubApi } from '../../test/api';
import { renderSignedIn, renderUi } from '../../test/render';
import InstitutionPage from '../institutions/InstitutionPage';
import CaseListPage from './CaseListPage';

const CASES = { total: 1, page: 1, pageSize: 20, items: [{
  caseNo: 'LY-2026-000001', uscc: '91320706MA1XXXXX0A', institutionName: '启明星培训学校', behaviourCode: 'EDU-001', severity: 'general',
  stage: 'INVESTIGATION', officeCode: 'XWPX', registeredAt: '2026-03-02T01:00:00Z', decisionDate: null, outcome: null, waitingFor: '待办：调查并提出拟认定意见',
}] };
const CATALOGUE = { version: 1, title: '清单', effectiveFrom: '2026-01-01', items: [{ code: 'EDU-001', title: '未经许可擅自举办校外培训' }] };

describe('case list', () => {
  it('sends the words typed in the one box as q (a name, not a USCC check-digit error) and resets', async () => {
    const calls = stubApi({ '/cases': CASES, '/offices': OFFICES, '/catalogue': CATALOGUE });
    const { container } = renderUi(<MemoryRouter><CaseListPage /></MemoryRouter>);
    await screen.findByText('启明星培训学校');
    fireEvent.change(screen.getByPlaceholderText('机构名称、统一社会信用代码或案件编号'), { target: { value: '启明星' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(calls.some((c) => c.startsWith('/api/cases?') && decodeURIComponent(c).includes('q=启明星'))).toBe(true));
    expect(container.textContent).not.toContain('校验');
    fireEvent.click(screen.getByRole('button', { name: '重置' }));
    await waitFor(() => expect((screen.getByPlaceholderText('机构名称、统一社会信用代码或案件编号') as HTMLInputElement).value).toBe(''));
  });

  it('fills the 等待 column, names the behaviour and offers 导出Excel', async () => {
    stubApi({ '/cases': CASES, '/offices': OFFICES, '/catalogue': CATALOGUE });
    const { container } = renderUi(<MemoryRouter><CaseListPage /></MemoryRouter>);
    await screen.findByText('待办：调查并提出拟认定意见');
    await screen.findByText('未经许可擅自举办校外培训');
    expect(screen.getByRole('button', { name: /导出Excel/ })).toBeTruthy();
    expect(container.textContent).not.toMatch(/EDU-\d+/);
  });
});

describe('institution file', () => {
  it('lists the institution’s cases with a 登记线索 shortcut for that institution', async () => {
    signedInAs({ role: 'officer', officeCode: 'XWPX' }, {
      '/cases': CASES, '/offices': OFFICES, '/catalogue': CATALOGUE, '/cases/LY-2026-000001/documents': [],
      '/institutions/91320706MA1XXXXX0A': { uscc: '91320706MA1XXXXX0A', name: '启明星培训学校', typeLabel: '校外培训机构', officeCode: 'XWPX',
        legalRepresentative: { name: '陈明', idNumberMasked: '3207**********1234' }, licenceNo: null, address: null },
      '/institutions/91320706MA1XXXXX0A/measures': { uscc: '91320706MA1XXXXX0A', grade: 'C', score: 700, measures: [], industryBans: [] },
    });
    renderSignedIn(<MemoryRouter initialEntries={['/institutions/91320706MA1XXXXX0A']}>
      <Routes><Route path="/institutions/:uscc" element={<InstitutionPage />} /></Routes></MemoryRouter>);
    expect(await screen.findByText('LY-2026-000001', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('register-lead').closest('a')?.getAttribute('href')).toBe('/cases/new?uscc=91320706MA1XXXXX0A');
    await waitFor(() => expect(screen.getByText('校外培训监管科')).toBeTruthy());
  });
});
