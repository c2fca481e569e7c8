import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { stubApi } from '../test/api';
import { renderUi } from '../test/render';
import { Form, Input } from 'antd';
import { describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidUscc } from '../lib/validators';
import { leadRules } from './cases/RegisterCasePage';
import { DecisionForm } from './publicity/DecisionForm';
import { PENALTY_FIELDS } from './publicity/fields';
import { submissionRules } from './portal/SubmissionModal';

function Harness({ rules, label }: { rules: object[]; label: string }) {
  return (
    <Form onFinish={() => undefined}>
      <Form.Item name="v" label={label} rules={rules as never}><Input /></Form.Item>
      <button type="submit">ok</button>
    </Form>
  );
}

describe('validators', () => {
  it('checks USCC and ID check characters', () => {
    expect(isValidUscc('52320700MJ58463813')).toBe(true);
    expect(isValidUscc('52320700MJ58463814')).toBe(false);
    expect(isValidIdNumber('320706198503124417')).toBe(true);
    expect(isValidIdNumber('320706198503124418')).toBe(false);
  });
});

describe('lead registration rules', () => {
  it('asks for facts of at least 10 characters', async () => {
    render(<Harness rules={leadRules.facts} label="事实" />);
    fireEvent.change(screen.getByLabelText('事实'), { target: { value: '太短' } });
    fireEvent.click(screen.getByText('ok'));
    expect(await screen.findByText('事实描述至少 10 个字')).toBeTruthy();
  });
});

describe('portal submission rules', () => {
  it('asks an institution for its reason and for evidence with a rectification report', async () => {
    const rules = submissionRules('rectification');
    expect(rules.fileIds).toEqual([expect.objectContaining({ message: '请上传至少一份证明材料' })]);
    expect(submissionRules('objection').fileIds).toEqual([]);
    render(<Harness rules={rules.text} label="整改情况" />);
    fireEvent.click(screen.getByText('ok'));
    expect(await screen.findByText('请填写整改情况')).toBeTruthy();
  });
});

describe('双公示 penalty form', () => {
  it('names each missing field and checks the codes before sending', async () => {
    stubApi({ '/public/bureau': { name: '连云港市连云区教育局' } });
    renderUi(<DecisionForm fields={PENALTY_FIELDS} endpoint="/publicity/penalties" title="行政处罚决定" />);
    // the authority is the bureau of the document settings, filled in once its name has loaded
    await waitFor(() => expect((screen.getByLabelText('处罚机关') as HTMLInputElement).value).toBe('连云港市连云区教育局'));
    fireEvent.change(screen.getByLabelText('统一社会信用代码'), { target: { value: '52320700MJ58463814' } });
    fireEvent.change(screen.getByLabelText('法定代表人身份证号'), { target: { value: '320706198503124418' } });
    fireEvent.click(screen.getByRole('button', { name: '登记行政处罚决定' }));
    expect(await screen.findByText('请填写决定书文号')).toBeTruthy();
    expect(await screen.findByText('请填写违法事实')).toBeTruthy();
    expect(await screen.findByText('统一社会信用代码不正确，请核对 18 位代码')).toBeTruthy();
    expect(await screen.findByText('身份证号不正确，请核对')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('请填写处罚机关')).toBeNull()); // filled in with the bureau by default
  });
});
