import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { CommitmentList } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { CommitmentTable } from '../../components/CommitmentTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday, formatDate } from '../../lib/dates';
import { applyApiErrors } from '../../lib/formErrors';
import { useAsync } from '../../lib/useAsync';

const PURPOSES = [
  { value: 'annual', label: '年度信用承诺' },
  { value: 'licence_notice', label: '告知承诺制审批' },
  { value: 'repair', label: '信用修复承诺' },
  { value: 'other', label: '其他' },
];

interface Values {
  purpose: string;
  reference: string;
  content: string;
  signerName: string;
  dueDate?: Dayjs;
}

/**
 * 信用承诺: the institution signs today (the server's date; there is no date to choose), and the bureau later
 * verifies whether it was kept; only a verified kept commitment counts towards the grade.
 */
export default function CommitmentsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useAsync(async () => (await get<CommitmentList>('/commitments', { uscc: me.uscc })).items, [me.uscc]);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await post('/commitments', { ...v, uscc: me.uscc, dueDate: v.dueDate?.format('YYYY-MM-DD') });
      message.success('承诺已签署');
      form.resetFields();
      list.reload();
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Title level={2} className="page-title">信用承诺</Typography.Title>
      <Card size="small" title="签署新承诺" style={{ marginBottom: 16, maxWidth: 820 }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ purpose: 'annual' }}>
          <Form.Item name="purpose" label="承诺事项" rules={[{ required: true, message: '请选择承诺事项' }]}><Select options={PURPOSES} style={{ width: 220 }} /></Form.Item>
          <Form.Item name="reference" label="承诺书编号" rules={[{ required: true, message: '请填写承诺书编号' }, { min: 2, max: 60, message: '编号应为 2–60 个字符' }]}><Input style={{ width: 220 }} /></Form.Item>
          <Form.Item name="content" label="承诺内容" rules={[{ required: true, whitespace: true, message: '请填写承诺内容' }, { min: 10, message: '承诺内容至少 10 个字' }]}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
          <Form.Item name="signerName" label="签署人" rules={[{ required: true, message: '请填写签署人姓名' }, { min: 2, max: 50, message: '姓名应为 2–50 个字' }]}><Input style={{ width: 220 }} /></Form.Item>
          <Form.Item label="签署日期" extra="以系统日期为准，不得倒签或预签">
            <Typography.Text data-testid="signed-on">{formatDate(beijingToday())}（今天）</Typography.Text>
          </Form.Item>
          <Form.Item name="dueDate" label="履约期限" extra="年度承诺默认到当年 12 月 31 日；承诺经教育局核实履约后方计入信用加分">
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < beijingToday()} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>签署承诺</Button>
        </Form>
      </Card>
      <ErrorAlert error={list.error} />
      <CommitmentTable items={list.data ?? []} loading={list.loading} />
    </>
  );
}
