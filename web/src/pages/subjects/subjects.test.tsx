// Issue #19, console: 自然人查询 by ID number (POST body) and the person page, masked.
import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../test/api';
import { renderUi } from '../../test/render';
import { IntakeTable } from './PersonPage';
import { SubjectSearch } from './SubjectsPage';

// passes GB 11643: the weighted sum of the first 17 digits is 167, 167 mod 11 = 2, check character 'X'
const ID = '11010519491231002X';
const MASKED = '1101**********002X';

describe('natural persons', () => {
  it('finds a person by ID number and shows only the masked number', async () => {
    const calls = stubApi({ '/subjects/search': { items: [{ id: 'p1', kind: 'person', kindLabel: '自然人', idType: '身份证', idMasked: MASKED, name: '张三', officeCode: null, createdAt: '2026-03-01T00:00:00Z' }] } });
    const { container } = renderUi(<MemoryRouter><SubjectSearch /></MemoryRouter>);
    fireEvent.change(screen.getByLabelText('证件号码'), { target: { value: ID } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText(MASKED, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('张三')).toBeTruthy();
    // the number travels in the body, never the URL, and is not left on the screen
    expect(calls.join(' ')).not.toContain(ID);
    expect(container.textContent).not.toContain(ID);
    expect((screen.getByLabelText('证件号码') as HTMLInputElement).value).toBe('');
  });

  it('refuses a malformed ID number before asking the server', async () => {
    const calls = stubApi({});
    renderUi(<MemoryRouter><SubjectSearch /></MemoryRouter>);
    fireEvent.change(screen.getByLabelText('证件号码'), { target: { value: '110105194912310021' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText(/证件号码不正确/)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('lists counter intakes with the reason of the decision in words', () => {
    renderUi(<IntakeTable items={[{ id: 'i1', subjectId: 'p1', kind: 'objection', recordId: 'r1', channel: 'post', receivedOn: '2026-03-02', content: '处罚对象认定有误',
      material: [], officeCode: null, enteredBy: 'u1', enteredAt: '2026-03-03T01:00:00Z', status: 'rejected', decidedBy: 'u2', decidedAt: '2026-03-10T02:00:00Z',
      decisionReason: '经核查，处罚对象认定无误', documentId: null, servedOn: '2026-02-24', objectionDue: '2026-03-03', late: false, lateBasis: null,
      acceptDue: '2026-03-04', answerDue: '2026-03-16', overdue: false }]} />);
    expect(screen.getByText('异议不成立')).toBeTruthy();
    expect(screen.getByText('邮寄')).toBeTruthy();
    expect(screen.getByText(/经核查，处罚对象认定无误/)).toBeTruthy();
  });

  it('marks a late objection with its rule and an unanswered one past its deadline', () => {
    renderUi(<IntakeTable items={[{ id: 'i2', subjectId: 'p1', kind: 'objection', recordId: 'r1', channel: 'counter', receivedOn: '2026-10-10', content: '处罚对象认定有误',
      material: [], officeCode: null, enteredBy: 'u1', enteredAt: '2026-10-10T01:00:00Z', status: 'received', decidedBy: null, decidedAt: null,
      decisionReason: null, documentId: null, servedOn: '2026-09-25', objectionDue: '2026-10-09', late: true, lateBasis: '逾期提出：异议期为送达之日起5个工作日',
      acceptDue: '2026-10-13', answerDue: '2026-10-23', overdue: true }]} />);
    expect(screen.getByText('逾期提出').getAttribute('title')).toContain('异议期为送达之日起5个工作日');
    expect(screen.getByText(/答复期限/)).toBeTruthy();
  });
});
