import { Alert, App, Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { DecisionProposal } from '../../api/types';
import { applyApiErrors } from '../../lib/formErrors';

/**
 * Proposes a new policy version with changed deadline figures (POST /api/policies, 202 with the proposal); it is
 * published when another administrator approves it (four eyes). Cases already open keep the version they started
 * under; the API checks the whole document and names any figure out of range.
 */
export function PolicyEditor({ figures, document, onPublished }: {
  figures: Record<string, string>; document: Record<string, unknown>; onPublished: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keys = Object.keys(figures).filter((k) => typeof document[k] === 'number');
  const submit = async ({ note, effectiveFrom, ...values }: Record<string, unknown>) => {
    const changes = Object.fromEntries(keys.filter((k) => values[k] !== document[k]).map((k) => [k, values[k]]));
    if (!Object.keys(changes).length) return setError('没有修改任何参数');
    setBusy(true);
    setError(null);
    try {
      await post<DecisionProposal>('/policies', { changes, note, ...(effectiveFrom ? { effectiveFrom } : {}) });
      message.success('已提交新版本，须由另一名管理员在“待审批事项”中批准后发布；新登记的案件届时按新参数办理');
      onPublished();
    } catch (e) {
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={Object.fromEntries(keys.map((k) => [k, document[k]]))} style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        {keys.map((k) => (
          <Col key={k} xs={12} xl={6}>
            <Form.Item name={k} label={figures[k]} rules={[{ required: true, message: '请填写' }]}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="note" label="发布说明（依据、文号）" rules={[{ required: true, whitespace: true, message: '请填写发布说明' }, { min: 2, message: '发布说明至少 2 个字' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="effectiveFrom" label="施行日期（不填为批准即施行；填写以后的日期即提前发布，届时自动施行）"
        rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式为 YYYY-MM-DD' }]}>
        <Input placeholder="YYYY-MM-DD" maxLength={10} style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>提交新版本（待另一名管理员批准）</Button>
    </Form>
  );
}
