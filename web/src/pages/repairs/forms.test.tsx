// Issue #19, console: the two ways an application is filed — at the counter by an officer, and from the portal.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CreditRecord } from '../../api/types';
import { stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { PortalRepairForm } from '../portal/PortalRepairsPage';
import { CounterRepairForm } from './CounterRepairForm';

const USCC = '91320706MA1XXXXX0A';
const record = (id: string, title: string, kind: CreditRecord['kind'], status: string) =>
  ({ id, title, kind, status, statusLabel: '', kindLabel: '', decisionDate: '2026-03-01', severity: 'general' }) as CreditRecord;

describe('record repair forms', () => {
  it('asks the counter for the day the application was received, and for the signing day of a paper commitment', async () => {
    stubApi({ '/institutions': { items: [], total: 0 } });
    renderUi(<CounterRepairForm onDone={() => undefined} />);
    fireEvent.change(screen.getByLabelText('信用修复承诺书内容'), { target: { value: '本机构承诺今后依法依规办学，接受监督' } });
    fireEvent.click(screen.getByRole('button', { name: '登记申请' }));
    expect(await screen.findByText('请选择收到日期')).toBeTruthy();
    // each field shows its message when its own check settles: wait for each, not only the first
    expect(await screen.findByText('请选择申请机构')).toBeTruthy();
    expect(await screen.findByText('填写承诺内容时请选择签署日期')).toBeTruthy();
  });

  it('offers the institution only its penalties that can still be repaired, and requires its commitment', async () => {
    stubApi({ [`/institutions/${USCC}/credit-file`]: { uscc: USCC, items: [
      record('r1', '超范围培训 警告并处罚款', 'penalty', 'published'), record('r2', '未备案收费 警告', 'penalty', 'repaired'),
      record('r3', '办学许可', 'licence', 'recorded')] } });
    renderUi(<PortalRepairForm uscc={USCC} onDone={() => undefined} />);
    fireEvent.mouseDown(screen.getByRole('combobox'));
    expect(await screen.findByText('超范围培训 警告并处罚款（2026年3月1日）', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText(/未备案收费/)).toBeNull();
    expect(screen.queryByText(/办学许可/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(screen.getByText('请填写信用修复承诺')).toBeTruthy());
  });
});
