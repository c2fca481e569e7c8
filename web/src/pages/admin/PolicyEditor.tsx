import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { DecisionProposal } from '../../api/types';
import { applyApiErrors } from '../../lib/formErrors';
import { type FigureChange, policyDiff, shown } from './policyFigures';

interface Pending { changes: FigureChange[]; note: string; effectiveFrom?: string }

/**
 * The one policy form: every deadline figure shown once, with its value in force as the starting value. Submitting
 * first shows what changes against the current version (figure, now, then); only a confirmation proposes the new
 * version (POST /api/policies, 202 with the proposal), which is published when another administrator approves it
 * (four eyes). Cases already open keep the version they started under; the API checks the whole document.
 */
export function PolicyEditor({ version, figures, document, onPublished }: {
  version: number; figures: Record<string, string>; document: Record<string, unknown>; onPublished: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const keys = Object.keys(figures).filter((k) => typeof document[k] === 'number');
  const preview = ({ note, effectiveFrom, ...values }: Record<string, unknown>) => {
    const changes = policyDiff(keys, document, values);
    if (!changes.length) return setError('没有修改任何参数');
    setError(null);
    setPending({ changes, note: note as string, effectiveFrom: (effectiveFrom as string | undefined) || undefined });
  };
  const submit = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const changes = Object.fromEntries(pending.changes.map((c) => [c.key, c.after]));
      await post<DecisionProposal>('/policies', { changes, note: pending.note, ...(pending.effectiveFrom ? { effectiveFrom: pending.effectiveFrom } : {}) });
      message.success('已提交新版本，须由另一名管理员在“待审批事项”中批准后发布；新登记的案件届时按新参数办理');
      setPending(null);
      onPublished();
    } catch (e) {
      setPending(null);
      applyApiErrors(form, e);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={preview} initialValues={Object.fromEntries(keys.map((k) => [k, document[k]]))}>
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
      <Button type="primary" htmlType="submit">预览改动</Button>
      <Modal open={!!pending} title={`与现行第 ${version} 版相比的改动`} okText="确认提交（待另一名管理员批准）" cancelText="返回修改"
        confirmLoading={busy} onOk={() => void submit()} onCancel={() => setPending(null)} width={640}>
        <Table<FigureChange> size="small" rowKey="key" pagination={false} dataSource={pending?.changes ?? []} data-testid="policy-diff"
          columns={[
            { title: '参数', dataIndex: 'label' },
            { title: '现行', dataIndex: 'before', render: shown },
            { title: '改为', dataIndex: 'after', render: (v: unknown) => <Typography.Text strong>{shown(v)}</Typography.Text> },
          ]} />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          发布说明：{pending?.note}；施行日期：{pending?.effectiveFrom ?? '批准即施行'}。其余参数不变。
        </Typography.Paragraph>
      </Modal>
    </Form>
  );
}
