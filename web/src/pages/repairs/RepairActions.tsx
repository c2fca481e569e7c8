import { Alert, App, Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { RecordRepair, Role } from '../../api/types';
import { decisionBlockedReason } from './repairText';

interface Values { outcome: string; reason?: string }

/**
 * The step the application waits for, for the role that takes it: an officer 受理/不予受理 a submitted one, an
 * approver who neither entered nor accepted it 准予/不予修复 an accepted one. Anyone else sees nothing to click.
 */
export function RepairActions({ repair, me, onDone }: { repair: RecordRepair; me: { id: string; role: Role }; onDone: (r: RecordRepair) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const accepting = repair.status === 'submitted' && me.role === 'officer';
  const deciding = repair.status === 'accepted' && me.role === 'approver';
  if (!accepting && !deciding) return null;
  const blocked = deciding ? decisionBlockedReason(repair, me.id) : null;
  const negative = outcome === 'reject' || outcome === 'refuse';
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const next = await post<RecordRepair>(`/record-repairs/${repair.id}/${accepting ? 'acceptance' : 'decision'}`, v);
      message.success(`已办理：${next.statusLabel}`);
      form.resetFields();
      onDone(next);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={!!blocked} data-testid="repair-actions"
      initialValues={{ outcome: accepting ? 'accept' : 'grant' }}>
      {blocked && <Alert type="warning" showIcon message={blocked} style={{ marginBottom: 12 }} data-testid="decision-blocked" />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="outcome" label={accepting ? '受理意见' : '修复决定'}>
        <Radio.Group options={accepting
          ? [{ value: 'accept', label: '受理' }, { value: 'reject', label: '不予受理' }]
          : [{ value: 'grant', label: '准予修复' }, { value: 'refuse', label: '不予修复' }]} />
      </Form.Item>
      <Form.Item name="reason" label={accepting ? '不予受理的理由' : negative ? '不予修复的理由（写入决定书）' : '审查意见'}
        rules={[{ required: deciding || negative, whitespace: true, message: '请填写理由或审查意见' },
          { min: accepting ? 5 : 2, message: `至少 ${accepting ? 5 : 2} 个字` }]}
        hidden={accepting && !negative}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space><Button type="primary" htmlType="submit" loading={busy} danger={negative}>{accepting ? '提交受理意见' : '作出决定'}</Button></Space>
    </Form>
  );
}
