// Issue #22, portal: receipts, 我提交的材料, unread count, what a case waits for. Each fails on the console before the fix.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PortalCase, PortalDeadline } from '../../api/types';
import { AuthProvider } from '../../auth/AuthContext';
import { Shell } from '../../layout/Shell';
import { signedInAs, stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { MySubmissions } from './MySubmissions';
import PortalCasePage from './PortalCasePage';
import { PortalCases } from './PortalCases';
import { PortalDeadlines } from './PortalDeadlines';
import { SubmissionModal } from './SubmissionModal';

const RECEIPT = { receiptNo: 'LY-2026-000001-YY1', caseNo: 'LY-2026-000001', kind: 'objection', kindLabel: '异议', round: 1,
  submittedAt: '2026-03-02T02:05:00.000Z', files: 0 };

describe('portal', () => {
  it('shows the receipt number and time when an objection is filed', async () => {
    stubApi({ '/portal/cases/LY-2026-000001/objection': { caseNo: 'LY-2026-000001', accepted: true, waitingFor: '已受理，案件将转入下一环节' },
      '/portal/submissions': { items: [RECEIPT] } });
    renderUi(<SubmissionModal kind="objection" caseNo="LY-2026-000001" open onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('异议理由'), { target: { value: '我机构已取得办学许可证，请核实' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    const receipt = await screen.findByTestId('submission-receipt', {}, { timeout: 5000 });
    expect(receipt.textContent).toContain('LY-2026-000001-YY1');
    expect(receipt.textContent).toContain('2026年3月2日 10:05');
  });

  it('lists 我提交的材料 with receipts', async () => {
    stubApi({ '/portal/submissions': { items: [RECEIPT] } });
    renderUi(<MemoryRouter><MySubmissions refresh={0} /></MemoryRouter>);
    expect(await screen.findByText('LY-2026-000001-YY1')).toBeTruthy();
  });

  it('says what each case waits for and offers the answer it may give', async () => {
    stubApi({ '/catalogue': { version: 1, title: '清单', effectiveFrom: '2026-01-01', items: [{ code: 'EDU-001', title: '未经许可擅自举办校外培训' }] } });
    const c = { caseNo: 'LY-2026-000001', behaviourCode: 'EDU-001', stage: 'RECTIFICATION', severity: 'general', decisionDate: '2026-03-20',
      outcome: null, firstServedOn: '2026-03-02' } as PortalCase;
    const { container } = renderUi(<MemoryRouter><PortalCases cases={[c]} loading={false} onChanged={() => undefined} /></MemoryRouter>);
    expect(screen.getByText('等待本机构按期提交整改报告')).toBeTruthy();
    expect(screen.getByRole('button', { name: '提交整改报告' })).toBeTruthy();
    await screen.findByText('未经许可擅自举办校外培训');
    expect(container.textContent).not.toMatch(/EDU-\d+/);
    // issue #18: the institution opens its case in the portal, never on the staff case page
    expect(container.querySelector('a[href="/portal/cases/LY-2026-000001"]')).toBeTruthy();
    expect(container.querySelector('a[href="/cases/LY-2026-000001"]')).toBeNull();
  });

  it('shows its own case as addressed to it: the behaviour by title, the served notice, the deadline and its receipt', async () => {
    const doc = { id: 'd1', kind: 'notice-of-determination', kindLabel: '失信行为认定告知书', docNo: '连区教信告〔2026〕12号', title: '失信行为认定告知书',
      issuedOn: '2026-03-02', servedOn: '2026-03-02', servedAt: '2026-03-02T02:00:00.000Z', serviceMethodLabel: '电子送达', openedAt: null, downloadUrl: '/api/documents/d1/pdf' };
    stubApi({ '/portal/cases/LY-2026-000001': {
      caseNo: 'LY-2026-000001', uscc: '91320706MA1XXXXX0A', institutionName: '启明星培训学校', behaviourCode: 'EDU-001', behaviourTitle: '未经许可擅自举办校外培训',
      severity: 'general', severityLabel: '一般', stage: 'OBJECTION_REVIEW', stageLabel: '异议处理', waitingFor: '教育局办理中（异议处理）',
      firstServedOn: '2026-03-02', decisionDate: null, closedAt: null, outcome: null, repairableFrom: null, publicityUntil: null,
      milestones: [{ stage: 'OBJECTION_WINDOW', stageLabel: '告知及异议期', knownOn: '2026-03-02' }],
      deadlines: [{ kind: 'objection', kindLabel: '提出异议', round: 0, dueDate: '2026-03-09', status: 'answered', statusLabel: '已答复', closedAt: '2026-03-03T02:00:00Z',
        workingDaysLeft: null, documentNo: doc.docNo, documentTitle: doc.title, servedOn: '2026-03-02' }],
      documents: [doc], submissions: [RECEIPT], interviews: [], publicText: null,
    } });
    const { container } = renderUi(<MemoryRouter initialEntries={['/portal/cases/LY-2026-000001']}>
      <Routes><Route path="/portal/cases/:caseNo" element={<PortalCasePage />} /></Routes></MemoryRouter>);
    expect(await screen.findByTestId('behaviour')).toHaveProperty('textContent', '未经许可擅自举办校外培训');
    expect(screen.getByText('连区教信告〔2026〕12号')).toBeTruthy();
    // the case starts for it on the day of the first service, never at the bureau's registration
    expect(screen.getByTestId('first-served').textContent).toBe('2026年3月2日');
    expect(screen.getByText('LY-2026-000001-YY1')).toBeTruthy();
    expect(screen.getByText('已答复')).toBeTruthy();
    // the deadline names the document that set it and the day it was served (the period runs from the next day)
    expect(screen.getByTestId('deadline-document').textContent).toBe('失信行为认定告知书（连区教信告〔2026〕12号），2026年3月2日送达');
    expect(container.textContent).not.toMatch(/EDU-\d+|线索来源/);
  });

  it('names the document behind each open deadline on the portal page', () => {
    const deadline = { caseNo: 'LY-2026-000001', kind: 'rectification', round: 0, dueDate: '2026-04-20', status: 'open', workingDaysLeft: 5, provisional: false,
      documentNo: '连区教信决〔2026〕3号', documentTitle: '失信行为认定决定书', servedOn: '2026-03-20' } as PortalDeadline;
    renderUi(<MemoryRouter><PortalDeadlines deadlines={[deadline, { ...deadline, kind: 'objection', documentNo: null, documentTitle: null, servedOn: null }]}
      loading={false} onChanged={() => undefined} /></MemoryRouter>);
    expect(screen.getAllByTestId('deadline-document').map((e) => e.textContent)).toEqual(['失信行为认定决定书（连区教信决〔2026〕3号），2026年3月20日送达']);
  });

  it('shows the unread count on 消息通知', async () => {
    signedInAs({ role: 'institution', uscc: '91320706MA1XXXXX0A' }, { '/inbox': { items: [], unread: 3 }, '/public/bureau': { name: null } });
    renderUi(<AuthProvider><MemoryRouter><Shell /></MemoryRouter></AuthProvider>);
    await waitFor(() => expect(screen.getByTestId('unread-count').textContent).toContain('3'));
  });
});
