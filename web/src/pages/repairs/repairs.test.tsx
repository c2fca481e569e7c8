// Issue #19, console: 信用修复申请 for staff and the portal, 罚款缴纳. What a clerk or an institution sees.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RecordRepair } from '../../api/types';
import { signedInAs, stubApi } from '../../test/api';
import { renderSignedIn, renderUi } from '../../test/render';
import { addDays, beijingToday } from '../../lib/dates';
import { PortalRepairList } from '../portal/PortalRepairsPage';
import { FinePaymentForm } from './FinePaymentForm';
import { RepairDetail } from './RecordRepairPage';

const today = beijingToday();
const FINE_UNPAID = '行政处罚决定的罚款尚未登记缴纳（缴纳日期和票据号），未履行全部法定义务，不能予以信用修复';
const repair = (over: Partial<RecordRepair> = {}): RecordRepair => ({
  id: 'a1', recordId: 'r1', decisionId: 'd1', uscc: '91320706MA1XXXXX0A', recordTitle: '超范围培训 警告并处罚款', route: 'counter',
  routeLabel: '窗口受理', externalRef: null, receivedOn: addDays(today, -5), commitmentSignedOn: addDays(today, -5), correction: '已停止超范围培训',
  status: 'accepted', statusLabel: '已受理，待决定', acceptDue: addDays(today, -2), acceptedOn: addDays(today, -3), decideDue: addDays(today, 9),
  decidedOn: null, reason: null, referredTo: null, documentId: null, documentNo: null, repairRecordId: null, createdAt: `${today}T01:00:00.000Z`,
  createdBy: 'u1', acceptedBy: 'u2', unmetConditions: [FINE_UNPAID], ...over,
});

describe('record repair (staff)', () => {
  it('shows the approver who entered the application the decision disabled, with why, and the unmet condition in words', async () => {
    signedInAs({ id: 'u1', role: 'approver' });
    const { container } = renderSignedIn(<MemoryRouter><RepairDetail repair={repair()} onChanged={() => undefined} /></MemoryRouter>);
    expect((await screen.findByTestId('decision-blocked')).textContent).toContain('您是本申请的录入人');
    expect(screen.getByRole('button', { name: '作出决定' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('unmet-conditions').textContent).toContain('罚款尚未登记缴纳');
    expect(screen.getByTestId('fine-payment-form')).toBeTruthy();
    expect(container.textContent).not.toMatch(/REPAIR_|EDU-\d/);
  });

  it('lets another approver decide, and asks for a reason before refusing', async () => {
    signedInAs({ id: 'u9', role: 'approver' });
    renderSignedIn(<MemoryRouter><RepairDetail repair={repair({ unmetConditions: [] })} onChanged={() => undefined} /></MemoryRouter>);
    const decide = await screen.findByRole('button', { name: '作出决定' });
    expect(decide.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByTestId('decision-blocked')).toBeNull();
    fireEvent.click(screen.getByLabelText('不予修复'));
    fireEvent.click(decide);
    expect(await screen.findByText('请填写理由或审查意见')).toBeTruthy();
  });

  it('offers 受理 to an officer while the application waits for acceptance, and no decision', async () => {
    signedInAs({ id: 'u3', role: 'officer' });
    renderSignedIn(<MemoryRouter><RepairDetail repair={repair({ status: 'submitted', statusLabel: '待受理', acceptedOn: null, acceptedBy: null, decideDue: null })} onChanged={() => undefined} /></MemoryRouter>);
    expect(await screen.findByRole('button', { name: '提交受理意见' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '作出决定' })).toBeNull();
    expect(screen.getByText('受理后计算')).toBeTruthy();
  });

  it('records a fine as paid with its date and receipt', async () => {
    const paidOn = addDays(today, -1);
    const calls = stubApi({ '/publicity/decisions/d1/fine-payment': { decisionId: 'd1', paidOn, receiptNo: 'FS-0001', amountYuan: 5000, recordedAt: `${today}T02:00:00Z` } });
    let paid: string | null = null;
    renderUi(<FinePaymentForm decisionId="d1" onDone={(p) => { paid = p.receiptNo; }} />);
    fireEvent.click(screen.getByRole('button', { name: '登记缴纳' }));
    expect(await screen.findByText('请选择缴纳日期')).toBeTruthy();
    expect(await screen.findByText('请填写缴款票据号')).toBeTruthy();
    const date = screen.getByLabelText('缴纳日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: paidOn } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    fireEvent.change(screen.getByLabelText('票据号'), { target: { value: 'FS-0001' } });
    fireEvent.click(screen.getByRole('button', { name: '登记缴纳' }));
    await waitFor(() => expect(paid).toBe('FS-0001'), { timeout: 5000 });
    expect(calls.some((c) => c.includes('/fine-payment'))).toBe(true);
  });
});

describe('record repair (portal)', () => {
  it('shows the institution the outcome of its applications with the reason of a refusal', () => {
    const refused = repair({ id: 'a2', status: 'refused', statusLabel: '不予修复', decidedOn: today, reason: '整改材料不足以证明已纠正失信行为', documentNo: '教信修〔2026〕3号' });
    const pending = repair({ id: 'a3', status: 'submitted', statusLabel: '待受理', decideDue: null });
    const { container } = renderUi(<PortalRepairList items={[refused, pending]} />);
    expect(screen.getByText('不予修复')).toBeTruthy();
    expect(container.textContent).toContain('整改材料不足以证明已纠正失信行为');
    expect(container.textContent).toContain('教信修〔2026〕3号');
    expect(container.textContent).toContain('前受理');
  });
});
