import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Evaluation } from '../api/types';
import { addDays, beijingToday } from '../lib/dates';
import { renderUi } from '../test/render';
import type { Commitment } from './CommitmentTable';
import { GradeCard } from './GradeCard';
import { VerifyCommitmentButton } from './VerifyCommitmentButton';

afterEach(() => vi.unstubAllGlobals());

/** An antd modal with a form takes seconds to render and fill in jsdom on a busy machine. */
const MODAL_MS = 20_000;

const capped: Evaluation = {
  uscc: '52320700MJ58463813', asOf: '2026-03-02', policyVersion: 3, score: 860, scoreGrade: 'C', grade: 'D', base: 1000, deductions: 150, bonuses: 10,
  caps: [{
    rule: 'SERIOUS_DETERMINATION', grade: 'D', title: '严重失信认定公示中', refs: ['r1'],
    because: '严重失信认定公示中：擅自举办校外培训机构（2026-03-02），最高评为 D', source: '实施方案任务四',
  }],
  contributions: [],
};

describe('GradeCard', () => {
  it('says which rule holds the grade below what the score earns, and why', () => {
    renderUi(<GradeCard evaluation={capped} />);
    expect(screen.getByTestId('grade').textContent).toBe('D');
    expect(screen.getByText('等级限制（按得分应为 C 级）')).toBeTruthy();
    expect(screen.getByTestId('grade-cap').textContent).toContain('最高 D 级严重失信认定公示中：擅自举办校外培训机构（2026-03-02）');
  });

  it('shows no limits when the score decides the grade', () => {
    renderUi(<GradeCard evaluation={{ ...capped, grade: 'C', caps: [] }} />);
    expect(screen.queryByText(/等级限制/)).toBeNull();
  });
});

function commitment(dueDate: string): Commitment {
  return {
    id: 'c1', purpose: 'other', content: '按期公示从业人员信息', signerName: '陈**', signedOn: beijingToday(), dueDate,
    status: 'active', verification: null,
  };
}

function stubVerify(answer: object = { id: 'c1', status: 'kept' }, status = 200) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(answer), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('VerifyCommitmentButton', () => {
  it('offers “kept” only once the term has run, and asks for a choice rather than defaulting to a case', async () => {
    const fetch = stubVerify();
    renderUi(<VerifyCommitmentButton commitment={commitment(addDays(beijingToday(), 30))} onDone={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: '核实履约' }));
    expect((await screen.findByLabelText('已履约') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('核实意见'), { target: { value: '经现场核查，承诺事项尚未落实。' } });
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    expect(await screen.findByText('请选择核实结果')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  }, MODAL_MS);

  it('sends the verification of a commitment due today', async () => {
    const fetch = stubVerify();
    const done = vi.fn();
    renderUi(<VerifyCommitmentButton commitment={commitment(beijingToday())} onDone={done} />);
    fireEvent.click(screen.getByRole('button', { name: '核实履约' }));
    fireEvent.click(await screen.findByLabelText('已履约'));
    fireEvent.change(screen.getByLabelText('核实意见'), { target: { value: '经核查，从业人员信息已全部公示。' } });
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/commitments/c1/verify');
    expect(JSON.parse(init.body as string)).toEqual({ kept: true, note: '经核查，从业人员信息已全部公示。' });
  }, MODAL_MS);

  it('says a verification as not kept waits for the approver (four eyes) rather than that a case was opened', async () => {
    stubVerify({ id: 'p1', kind: 'commitment_breach', status: 'pending' }, 202);
    const done = vi.fn();
    renderUi(<VerifyCommitmentButton commitment={commitment(beijingToday())} onDone={done} />);
    fireEvent.click(screen.getByRole('button', { name: '核实履约' }));
    fireEvent.click(await screen.findByLabelText('未履约（经审核人批准后认定违约并立案）'));
    fireEvent.change(screen.getByLabelText('核实意见'), { target: { value: '经现场核查，承诺事项尚未落实。' } });
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(await screen.findByText('已提交未履约的处理意见，经本科室审核人批准后认定违约并立案')).toBeTruthy();
  }, MODAL_MS);

  it('offers nothing for a commitment already verified or broken', () => {
    renderUi(<VerifyCommitmentButton commitment={{ ...commitment(beijingToday()), verification: 'kept' }} onDone={() => undefined} />);
    expect(screen.queryByRole('button', { name: '核实履约' })).toBeNull();
  });
});
