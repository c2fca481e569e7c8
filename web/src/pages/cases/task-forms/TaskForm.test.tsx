import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderUi } from '../../../test/render';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { TaskKind } from '../../../api/types';
import { TaskForm, toOutcome } from './TaskForm';

// the measures catalogue as GET /api/measures/catalogue answers it (two of its rows)
vi.mock('../../../api/client', async (original) => ({
  ...(await original<typeof import('../../../api/client')>()),
  get: vi.fn(async () => ({
    items: [
      { id: 'M-XZCY', name: '限制从业（一定期限内禁止从事校外培训及相关工作）', category: 'penalty', legalBasis: '《校外培训行政处罚暂行办法》第五条', departments: ['教育行政部门'] },
      { id: 'M-ZFCG', name: '限制参加政府采购活动', category: 'joint_sanction', legalBasis: '《中华人民共和国政府采购法》第二十二条', departments: ['财政部门'] },
    ],
  })),
}));

const renderForm = (kind: TaskKind, submit = vi.fn(async () => ({}))) => {
  renderUi(<TaskForm task={{ id: 't1', kind }} submit={submit} />);
  return submit;
};
const submitButton = () => screen.getByRole('button', { name: '提交' });

describe('TaskForm', () => {
  it('asks for the severity and the summary of an investigation before sending anything', async () => {
    const submit = renderForm('investigate');
    fireEvent.click(submitButton());
    expect(await screen.findByText('请选择拟认定的失信程度')).toBeTruthy();
    expect(await screen.findByText('请填写办理意见')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends the outcome the API takes', async () => {
    const submit = renderForm('investigate');
    // the officer is told that what they write is served on the institution as the findings
    expect(screen.getByText('审核同意后，即为认定事实：写入告知书、决定书，并据此起草公示文本')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('一般'));
    fireEvent.change(screen.getByLabelText('调查情况及拟认定意见'), { target: { value: ' 经查属实 ' } });
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ summary: '经查属实', severity: 'general' }));
  });

  it('requires a decision, and a reason when the approver returns the determination', async () => {
    const submit = renderForm('approve-determination');
    fireEvent.click(submitButton());
    expect(await screen.findByText('请选择办理结论')).toBeTruthy();
    fireEvent.click(screen.getByText('退回重新调查'));
    fireEvent.click(submitButton());
    expect(await screen.findByText('请写明理由')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('requires the time, place and attendees of an interview', async () => {
    renderForm('schedule-interview');
    fireEvent.click(submitButton());
    expect(await screen.findByText('请填写约谈时间')).toBeTruthy();
    expect(await screen.findByText('请填写约谈地点')).toBeTruthy();
    expect(await screen.findByText('请填写参加约谈的人员')).toBeTruthy();
  });

  it('proposes an interview by choice and asks a reason only when none is proposed', async () => {
    const submit = renderForm('propose-interview');
    fireEvent.click(submitButton());
    expect(await screen.findByText('请选择提示性约谈、警示性约谈或不约谈')).toBeTruthy();
    fireEvent.click(screen.getByText('不约谈'));
    fireEvent.change(screen.getByLabelText('提出意见的事由'), { target: { value: '逾期未整改' } });
    fireEvent.click(submitButton());
    expect(await screen.findByText('不约谈须写明理由')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('不约谈的理由'), { target: { value: ' 机构已说明逾期原因 ' } });
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ summary: '逾期未整改', interviewKind: 'none', reason: '机构已说明逾期原因' }));
  });

  it('sends a warning interview without a reason field', async () => {
    const submit = renderForm('propose-interview');
    fireEvent.click(screen.getByText('警示性约谈'));
    expect(screen.queryByLabelText('不约谈的理由')).toBeNull();
    fireEvent.change(screen.getByLabelText('提出意见的事由'), { target: { value: '情节较重' } });
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ summary: '情节较重', interviewKind: 'warning' }));
  });

  it('offers the catalogue\'s joint-sanction measures with their basis, no free text, and orders no industry ban there', async () => {
    renderForm('confirm-sanction');
    expect(await screen.findByText('限制参加政府采购活动')).toBeTruthy();
    expect(screen.getByText(/依据：《中华人民共和国政府采购法》第二十二条/)).toBeTruthy();
    expect(screen.queryByText('限制从业（一定期限内禁止从事校外培训及相关工作）')).toBeNull(); // a penalty, not a sanction
    expect(screen.queryByPlaceholderText('选择或输入措施')).toBeNull();
    expect(screen.queryByText('添加禁入人员')).toBeNull();
  });

  it('shows the API\'s message above the form and each field message under its field', async () => {
    const submit = vi.fn(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', '办理意见应为 1–2000 个字符', { fields: [{ field: 'summary', message: '办理意见应为 1–2000 个字符' }] });
    });
    renderForm('verify-rectification', submit);
    fireEvent.click(screen.getByText('整改通过'));
    fireEvent.change(screen.getByLabelText('核查意见'), { target: { value: '整改到位' } });
    fireEvent.click(submitButton());
    expect((await screen.findByRole('alert')).textContent).toContain('办理意见应为 1–2000 个字符');
    await waitFor(() => expect(screen.getAllByText('办理意见应为 1–2000 个字符').length).toBeGreaterThanOrEqual(2));
  });

  it('shows a workflow refusal (409) in words', async () => {
    renderForm('verify-rectification', vi.fn(async () => { throw new ApiError(409, 'TASK_NOT_CLAIMED', '请先领取该任务再办理'); }));
    fireEvent.click(screen.getByText('整改不通过'));
    fireEvent.change(screen.getByLabelText(/理由/), { target: { value: '未提供许可证' } });
    fireEvent.click(submitButton());
    expect((await screen.findByRole('alert')).textContent).toBe('请先领取该任务再办理');
  });
});

describe('toOutcome', () => {
  it('trims the summary and drops empty lists', () => {
    expect(toOutcome({ summary: ' 确认 ', measures: ['M-ZFCG'], attendees: [], basis: '' }))
      .toEqual({ summary: '确认', measures: ['M-ZFCG'] });
  });
});
