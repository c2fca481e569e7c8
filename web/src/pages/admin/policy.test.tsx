// Issue #22: the policy editor shows every figure once and, before anything is proposed, what changes against the
// version in force.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { PolicyView } from './PolicyView';
import { policyDiff } from './policyFigures';

const DOCUMENT = { investigationDays: 10, approvalDays: 5, objectionDays: 5, objectionReviewDays: 10, publicationDays: 7,
  publicity: { general: { minMonths: 3, maxMonths: 12 } } };

const setup = () => {
  const calls = stubApi({ '/policies/active': { version: 4, document: DOCUMENT }, '/policies/upcoming': [], '/policies': { id: 'p1' } });
  renderUi(<PolicyView />);
  return calls;
};
const posted = () => vi.mocked(fetch).mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST');

describe('policy editor', () => {
  it('lists only the figures that differ', () => {
    expect(policyDiff(['objectionDays', 'approvalDays'], DOCUMENT, { objectionDays: 7, approvalDays: 5 }))
      .toEqual([{ key: 'objectionDays', label: '异议期（工作日）', before: 5, after: 7 }]);
  });

  it('shows each figure once, in the form', async () => {
    setup();
    await screen.findByText(/当前政策版本 4/, {}, { timeout: 5000 });
    expect(screen.getAllByText('异议期（工作日）')).toHaveLength(1);
    expect((screen.getByLabelText('异议期（工作日）') as HTMLInputElement).value).toBe('5');
  });

  it('previews the change against the version in force and proposes it only when confirmed', async () => {
    setup();
    const objection = await screen.findByLabelText('异议期（工作日）', {}, { timeout: 5000 });
    fireEvent.change(objection, { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('发布说明（依据、文号）'), { target: { value: '依据苏政规〔2025〕4号调整' } });
    fireEvent.click(screen.getByRole('button', { name: '预览改动' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('与现行第 4 版相比的改动');
    const rows = within(within(dialog).getByTestId('policy-diff')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['异议期（工作日）57']);
    expect(dialog.textContent).not.toContain('审核期限');
    expect(posted()).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: /确认提交/ }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    const [url, init] = posted()[0];
    expect(url).toBe('/api/policies');
    expect(JSON.parse((init as RequestInit).body as string)).toEqual({ changes: { objectionDays: 7 }, note: '依据苏政规〔2025〕4号调整' });
  });

  it('proposes nothing when no figure changed', async () => {
    setup();
    await screen.findByLabelText('异议期（工作日）', {}, { timeout: 5000 });
    fireEvent.change(screen.getByLabelText('发布说明（依据、文号）'), { target: { value: '无改动' } });
    fireEvent.click(screen.getByRole('button', { name: '预览改动' }));
    expect(await screen.findByText('没有修改任何参数')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
