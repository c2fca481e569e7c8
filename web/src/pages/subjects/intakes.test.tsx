// Issue #19, console: 窗口登记 of a natural person's paper objection or statement, and the officers' queue of counter
// objections still to answer. Dates are counted back from today (Beijing), so the tests hold on any day of the year.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CounterIntake, CreditRecord, OpenIntake } from '../../api/types';
import { addDays, beijingToday, formatDate } from '../../lib/dates';
import { OFFICES, stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { CounterIntakeForm } from './CounterIntakeForm';
import { OpenIntakes } from './OpenIntakes';

const today = beijingToday();
const RECORD = { id: 'r1', title: '无证开展学科类培训 警告', kind: 'penalty', status: 'published', statusLabel: '', kindLabel: '', decisionDate: addDays(today, -60), severity: 'general' } as CreditRecord;
const MASKED = '3207**********1234';

const intake = (over: Partial<CounterIntake> = {}): CounterIntake => ({
  id: 'i1', subjectId: 'p1', kind: 'objection', recordId: 'r1', channel: 'post', receivedOn: addDays(today, -1), content: '本人已于处罚前停止培训',
  material: [], officeCode: 'XWPX', enteredBy: 'u1', enteredAt: `${today}T01:00:00Z`, status: 'received', decidedBy: null, decidedAt: null,
  decisionReason: null, documentId: null, servedOn: addDays(today, -20), objectionDue: addDays(today, -10), late: false, lateBasis: null,
  acceptDue: addDays(today, 2), answerDue: addDays(today, 12), overdue: false, ...over,
});

const pickDate = (label: string, value: string) => {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
};

/** Fills a complete objection: received yesterday, served twenty days ago (late or not is the API's to say). */
const fillObjection = () => {
  fireEvent.click(screen.getByLabelText('异议'));
  fireEvent.mouseDown(screen.getByLabelText('所针对的信用记录'));
  fireEvent.click(screen.getByText(`无证开展学科类培训 警告（${formatDate(RECORD.decisionDate)}）`));
  fireEvent.click(screen.getByLabelText('邮寄'));
  fireEvent.change(screen.getByLabelText('内容摘要'), { target: { value: '本人已于处罚前停止培训' } });
  pickDate('收到日期', addDays(today, -1));
  pickDate('送达日期', addDays(today, -20));
};

const explainOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!.querySelector('.ant-form-item-explain')?.textContent ?? '';

describe('窗口登记 of a natural person', () => {
  it('asks an objection for its record and the day of service, and a statement for neither', async () => {
    const calls = stubApi({});
    renderUi(<CounterIntakeForm subjectId="p1" records={[RECORD]} onDone={() => undefined} />);
    // the kind is chosen and the form submitted in one go: the conditional rules read the kind when they run
    fireEvent.click(screen.getByLabelText('异议'));
    fireEvent.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findByText('异议须选择所针对的信用记录')).toBeTruthy();
    expect(await screen.findByText('异议须填写送达日期')).toBeTruthy();
    expect(await screen.findByText('请选择收到日期')).toBeTruthy();
    expect(await screen.findByText('请填写异议理由或陈述要点')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('陈述、申辩'));
    fireEvent.click(screen.getByRole('button', { name: '登记' }));
    await waitFor(() => expect(screen.queryByText('异议须填写送达日期')).toBeNull());
    expect(screen.queryByText('异议须选择所针对的信用记录')).toBeNull();
    expect(screen.getByText('请选择收到日期')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('refuses a day of service after the day received before asking the server', async () => {
    const calls = stubApi({});
    renderUi(<CounterIntakeForm subjectId="p1" records={[RECORD]} onDone={() => undefined} />);
    fillObjection();
    pickDate('送达日期', addDays(today, -1));
    pickDate('收到日期', addDays(today, -3));
    fireEvent.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findByText('送达日期不能晚于收到日期')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('enters a late objection and shows it as late with the rule and the answer deadline', async () => {
    const late = intake({ late: true, lateBasis: '逾期提出：异议期为送达之日起5个工作日', answerDue: addDays(today, 13) });
    stubApi({ '/subjects/p1/intakes': late });
    const done = vi.fn();
    renderUi(<CounterIntakeForm subjectId="p1" records={[RECORD]} onDone={done} />);
    fillObjection();
    fireEvent.click(screen.getByRole('button', { name: '登记' }));
    const outcome = await screen.findByTestId('intake-outcome', {}, { timeout: 5000 });
    expect(within(outcome).getByText('逾期提出')).toBeTruthy();
    expect(outcome.textContent).toContain(`答复期限 ${formatDate(addDays(today, 13))}`);
    expect(outcome.textContent).toContain('异议期为送达之日起5个工作日');
    expect(done).toHaveBeenCalledWith(late);
    const [, init] = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ kind: 'objection', recordId: 'r1', channel: 'post', content: '本人已于处罚前停止培训',
      receivedOn: addDays(today, -1), servedOn: addDays(today, -20) });
  });

  it('shows an objection in time as in time', async () => {
    stubApi({ '/subjects/p1/intakes': intake() });
    renderUi(<CounterIntakeForm subjectId="p1" records={[RECORD]} onDone={() => undefined} />);
    fillObjection();
    fireEvent.click(screen.getByRole('button', { name: '登记' }));
    const outcome = await screen.findByTestId('intake-outcome', {}, { timeout: 5000 });
    expect(outcome.textContent).toContain('在异议期内');
    expect(outcome.textContent).not.toContain('逾期提出');
  });

  it('puts the API\'s message under the field it is about', async () => {
    const message = '所针对的信用记录不存在或不属于该自然人';
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'RECORD_NOT_OF_SUBJECT', message, details: { fields: [{ field: 'recordId', message }] } }),
      { status: 400, headers: { 'Content-Type': 'application/json' } })));
    renderUi(<CounterIntakeForm subjectId="p1" records={[RECORD]} onDone={() => undefined} />);
    fillObjection();
    fireEvent.click(screen.getByRole('button', { name: '登记' }));
    await waitFor(() => expect(explainOf('所针对的信用记录')).toBe(message), { timeout: 5000 });
    expect(screen.queryByTestId('intake-outcome')).toBeNull();
  });
});

describe('counter objections to answer', () => {
  const row = (over: Partial<OpenIntake> = {}): OpenIntake => ({ ...intake(), subjectName: '冯时', idType: '身份证', idMasked: MASKED, recordTitle: RECORD.title, ...over });

  it('names the person with the masked ID number, the record and the office, and flags late and overdue ones', async () => {
    stubApi({ '/offices': OFFICES, '/subjects/intakes/open': { items: [
      row({ id: 'i1', late: true, lateBasis: '逾期提出：异议期为送达之日起5个工作日', answerDue: addDays(today, -1), overdue: true }),
      row({ id: 'i2', subjectId: 'p2', subjectName: '郑好', idMasked: '1101**********002X', late: false, answerDue: addDays(today, 5) })] } });
    renderUi(<MemoryRouter><OpenIntakes /></MemoryRouter>);
    const link = await screen.findByRole('link', { name: '冯时' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/subjects/p1');
    expect(screen.getByRole('link', { name: '郑好' }).getAttribute('href')).toBe('/subjects/p2');
    const table = screen.getByTestId('open-intakes');
    expect(table.textContent).toContain(`身份证 ${MASKED}`);
    expect(screen.getAllByText(RECORD.title)).toHaveLength(2);
    expect(screen.getByText('逾期提出').getAttribute('title')).toContain('异议期为送达之日起5个工作日');
    expect(screen.getByText(`${formatDate(addDays(today, -1))} 已逾期`)).toBeTruthy();
    expect(screen.getAllByText('邮寄')).toHaveLength(2);
    await waitFor(() => expect(screen.getAllByText('校外培训监管科')).toHaveLength(2));
    expect(table.textContent).not.toContain('XWPX');
    expect(table.textContent).not.toContain('post');
  });

  it('asks the API for the overdue ones only when filtered', async () => {
    const calls = stubApi({ '/offices': OFFICES, '/subjects/intakes/open': { items: [] } });
    renderUi(<MemoryRouter><OpenIntakes /></MemoryRouter>);
    expect(await screen.findByText('没有待复核的窗口异议', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('只看逾期未答复'));
    expect(await screen.findByText('没有逾期未答复的窗口异议', {}, { timeout: 5000 })).toBeTruthy();
    expect(calls.filter((c) => c.startsWith('/api/subjects/intakes/open'))).toEqual(['/api/subjects/intakes/open', '/api/subjects/intakes/open?overdue=true']);
  });
});
