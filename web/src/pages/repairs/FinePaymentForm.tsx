import { Alert, App, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { FinePayment } from '../../api/types';
import { beijingToday, formatDate } from '../../lib/dates';
import { applyApiErrors } from '../../lib/formErrors';

interface Values { paidOn: Dayjs; receiptNo: string; amountYuan?: number | null }

/**
 * 登记罚款缴纳: repair of a penalty with a fine needs every obligation fulfilled (国家发展改革委令第36号), which the
 * system reads from this record of the payment: its date (not before the decision, not after today) and receipt.
 */
export function FinePaymentForm({ decisionId, decisionDate, onDone }: { decisionId: string; decisionDate?: string | null; onDone: (p: FinePayment) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const paid = await post<FinePayment>(`/publicity/decisions/${decisionId}/fine-payment`, {
        paidOn: v.paidOn.format('YYYY-MM-DD'), receiptNo: v.receiptNo.trim(), ...(v.amountYuan != null ? { amountYuan: v.amountYuan } : {}),
      });
      message.success(`已登记罚款缴纳（${formatDate(paid.paidOn)}，票据号 ${paid.receiptNo}）`);
      onDone(paid);
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const outOfRange = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD');
    return day > beijingToday() || (!!decisionDate && day < decisionDate);
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} data-testid="fine-payment-form">
      {error && <Alert type="error" showIcon message={error} style={{ width: '100%', marginBottom: 8 }} />}
      <Form.Item name="paidOn" label="缴纳日期" rules={[{ required: true, message: '请选择缴纳日期' }]}>
        <DatePicker disabledDate={outOfRange} />
      </Form.Item>
      <Form.Item name="receiptNo" label="票据号" rules={[{ required: true, whitespace: true, message: '请填写缴款票据号' }, { min: 3, max: 100, message: '票据号应为 3–100 个字符' }]}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="amountYuan" label="金额（元）"><InputNumber min={0} precision={2} style={{ width: 140 }} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>登记缴纳</Button>
    </Form>
  );
}
