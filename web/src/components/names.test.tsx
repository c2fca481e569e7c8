// Issue #22, "names, not codes": every test here fails on the console before the fix.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { CaseEvent, CaseView } from '../api/types';
import { AuthProvider } from '../auth/AuthContext';
import { Shell } from '../layout/Shell';
import CasePage from '../pages/cases/CasePage';
import PublicPage from '../pages/public/PublicPage';
import { OFFICES, signedInAs, stubApi } from '../test/api';
import { renderSignedIn, renderUi } from '../test/render';
import { CaseTimeline } from './CaseTimeline';
import { ErrorAlert } from './ErrorAlert';
import { LifecycleDiagram } from './LifecycleDiagram';

const RAW = /EDU-\d+|XWPX|[A-Z_]{6,}/;
const event = (e: Partial<CaseEvent>): CaseEvent => ({
  type: 'REGISTERED', from: null, to: null, actorId: null, actorRole: 'officer', reason: null, payload: {},
  occurredAt: '2026-03-02T01:00:00.000Z', ...e,
});

describe('timeline', () => {
  it('names events from the shared labels, draws no “— →” before the first stage and says a reason once', () => {
    const { container } = render(<CaseTimeline events={[
      event({ type: 'REGISTERED', to: 'REGISTERED' }),
      event({ type: 'TASK_COMPLETED', reason: '证据充分' }),
      event({ type: 'DETERMINATION_PROPOSED', from: 'INVESTIGATION', to: 'APPROVAL', reason: '证据充分' }),
      event({ type: 'CLOSED_REPAIRED', from: 'REPAIR_REVIEW', to: 'CLOSED' }),
    ]} />);
    expect(screen.getByText('办结：信用修复')).toBeTruthy();
    expect(container.textContent).not.toContain('—');
    expect(screen.getAllByText('理由：证据充分')).toHaveLength(1);
    expect(container.textContent).not.toMatch(RAW);
  });
});

describe('case page words', () => {
  it('当前等待 has one colon and says for whom', () => {
    const { container } = render(<LifecycleDiagram stage="APPROVAL" visited={[]} waitingFor="待办：审核拟认定意见" forWhom="审核人 · 校外培训监管科" />);
    expect(container.textContent).toContain('当前等待：审核拟认定意见');
    expect(container.textContent).not.toMatch(/：待办：/);
    expect(screen.getByTestId('waiting-for-whom').textContent).toContain('审核人 · 校外培训监管科');
  });

  it('the case page names the behaviour, dates the approval and says whom the case waits for', async () => {
    const history = [event({ type: 'DETERMINATION_PROPOSED', from: 'INVESTIGATION', to: 'APPROVAL' }),
      event({ type: 'NOTICE_SERVED', from: 'APPROVAL', to: 'OBJECTION_WINDOW', occurredAt: '2026-03-05T02:00:00.000Z' })];
    const view = {
      caseNo: 'JY-2026-0001', uscc: '91320706MA1XXXXX0A', institutionName: '启明星培训学校', behaviourCode: 'EDU-001', severity: 'general',
      stage: 'OBJECTION_REVIEW', stageLabel: '异议处理', facts: '超范围办学', source: 'inspection', officeCode: 'XWPX', policyVersion: 1,
      registeredAt: '2026-03-01T01:00:00.000Z', decisionDate: null, closedAt: null, repairableFrom: null, publicityUntil: null,
      blockedReason: null, blockedAt: null, dueDates: [], institutionDeadlines: [], interviews: [], history,
      tasks: [{ id: 't1', kind: 'review-objection', stage: 'OBJECTION_REVIEW', status: 'open', candidateRole: 'officer', candidateOffice: 'XWPX',
        assigneeId: null, dueDate: '2026-03-20', overdue: false, createdAt: '2026-03-06T01:00:00.000Z', completedAt: null }],
      waitingFor: '待办：复核异议',
    } as unknown as CaseView;
    signedInAs({ role: 'manager' }, {
      '/cases/JY-2026-0001': view, '/offices': OFFICES,
      '/catalogue': { version: 1, title: '清单', effectiveFrom: '2026-01-01', items: [{ code: 'EDU-001', title: '未经许可擅自举办校外培训' }] },
    });
    const { container } = renderSignedIn(<MemoryRouter initialEntries={['/cases/JY-2026-0001']}>
      <Routes><Route path="/cases/:caseNo" element={<CasePage />} /></Routes></MemoryRouter>);
    await waitFor(() => expect(screen.getByTestId('behaviour').textContent).toBe('未经许可擅自举办校外培训'));
    expect(screen.getByTestId('decision-date').textContent).toBe('拟认定意见已于 2026年3月5日 审核通过，异议期满后认定');
    await waitFor(() => expect(screen.getByTestId('waiting-for-whom').textContent).toContain('经办人 · 校外培训监管科'));
    expect(container.textContent).toContain('当前等待：复核异议');
    expect(container.textContent).not.toMatch(RAW);
  });
});

describe('errors', () => {
  it('shows the sentence, keeps the machine code folded under 详情', () => {
    const { container } = renderUi(<ErrorAlert error={new ApiError(400, 'USCC_INVALID', '统一社会信用代码校验位不正确')} />);
    expect(container.textContent).toContain('统一社会信用代码校验位不正确');
    expect(container.textContent).not.toContain('USCC_INVALID');
    fireEvent.click(screen.getByText('详情'));
    expect(container.textContent).toContain('USCC_INVALID');
  });
});

describe('the bureau and the office by name', () => {
  it('header shows the bureau from the document settings and the office name', async () => {
    signedInAs({ officeCode: 'XWPX' }, { '/offices': OFFICES, '/public/bureau': { name: '连云港市连云区教育局' } });
    const { container } = renderUi(<AuthProvider><MemoryRouter><Shell /></MemoryRouter></AuthProvider>);
    await waitFor(() => expect(screen.getByTestId('current-office').textContent).toBe('校外培训监管科'));
    await waitFor(() => expect(screen.getByTestId('bureau-name').textContent).toContain('连云港市连云区教育局'));
    expect(container.textContent).not.toMatch(/海州区|XWPX/);
  });

  it('public page names the bureau from the settings, never 海州区', async () => {
    stubApi({ '/public/bureau': { name: '连云港市连云区教育局' } });
    const { container } = renderUi(<MemoryRouter><PublicPage /></MemoryRouter>);
    await waitFor(() => expect(container.textContent).toContain('连云港市连云区教育局'));
    expect(container.textContent).not.toContain('海州区');
  });
});

describe('an account that must first change its password', () => {
  it('asks the API for nothing it would refuse (no unread count, no offices) until it has', async () => {
    const calls = signedInAs({ officeCode: 'XWPX', requirements: ['password_change'] }, { '/public/bureau': { name: '连云港市连云区教育局' } });
    renderUi(<AuthProvider><MemoryRouter><Shell /></MemoryRouter></AuthProvider>);
    await screen.findByTestId('current-user');
    await waitFor(() => expect(screen.getByTestId('bureau-name').textContent).toContain('连云港市连云区教育局'));
    expect(calls.filter((c) => /\/api\/(inbox|offices)/.test(c))).toEqual([]);
  });
});
