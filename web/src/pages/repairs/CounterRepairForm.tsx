import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { CreditFile, RecordRepair } from '../../api/types';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { beijingToday, formatDate } from '../../lib/dates';
import { applyApiErrors } from '../../lib/formErrors';
import { useAsync } from '../../lib/useAsync';
import { repairablePenalties } from './repairText';

interface Values {
  uscc: string;
  recordId: string;
  receivedOn: Dayjs;
  correction: string;
  commitment?: string;
  commitmentSignedOn?: Dayjs;
}

const notAfterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > beijingToday();

/**
 * 窗口受理: an application handed in on paper. The day it was received (not the day it is typed in) starts the
 * acceptance period; the paper commitment's text and signing day are copied when there is one.
 */
export function CounterRepairForm({ onDone }: { onDone: (r: RecordRepair) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const uscc = Form.useWatch('uscc', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const records = useAsync(async () => (uscc ? repairablePenalties((await get<CreditFile>(`/institutions/${uscc}/credit-file`)).items) : []), [uscc]);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await post<RecordRepair>('/record-repairs', {
        recordId: v.recordId, receivedOn: v.receivedOn.format('YYYY-MM-DD'), correction: v.correction,
        ...(v.commitment?.trim() ? { commitment: v.commitment, commitmentSignedOn: v.commitmentSignedOn?.format('YYYY-MM-DD') } : {}),
      });
      message.success(created.status === 'referred' ? '该信息由其他部门认定，已转其办理并出具转办函' : `已登记，受理期限 ${formatDate(created.acceptDue)}`);
      form.resetFields();
      onDone(created);
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="counter-repair-form">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="uscc" label="申请机构" rules={[{ required: true, message: '请选择申请机构' }]}>
        <InstitutionSelect onChange={() => form.setFieldValue('recordId', undefined)} />
      </Form.Item>
      <Form.Item name="recordId" label="申请修复的行政处罚信息" rules={[{ required: true, message: '请选择要修复的信息' }]}
        extra={uscc && !records.loading && !records.data?.length ? '该机构没有可申请修复的行政处罚信息' : undefined}>
        <Select loading={records.loading} disabled={!uscc} placeholder="先选择机构"
          options={(records.data ?? []).map((r) => ({ value: r.id, label: `${r.title}（${formatDate(r.decisionDate)}）` }))} />
      </Form.Item>
      <Form.Item name="receivedOn" label="收到申请的日期" extra="受理期限自收到之日起计算，不是录入日期" rules={[{ required: true, message: '请选择收到日期' }]}>
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item name="correction" label="整改情况" rules={[{ required: true, whitespace: true, message: '请填写纠正失信行为、履行义务的情况' }, { min: 5, message: '整改情况至少 5 个字' }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="commitment" label="信用修复承诺书内容" extra="纸质承诺书的文字；未签署承诺书的不能准予修复" rules={[{ min: 10, message: '承诺内容至少 10 个字' }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {/* read at validation time: a watched value may lag the keystroke that submits the form */}
      <Form.Item name="commitmentSignedOn" label="承诺书签署日期" dependencies={['commitment']}
        rules={[({ getFieldValue }) => ({ required: !!getFieldValue('commitment')?.trim(), message: '填写承诺内容时请选择签署日期' })]}>
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>登记申请</Button>
    </Form>
  );
}
