import { Alert, App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { post } from '../api/client';
import { describeError } from '../api/errors';
import { beijingToday } from '../lib/dates';
import type { Commitment } from './CommitmentTable';

interface Values {
  kept: boolean;
  note: string;
}

/**
 * 核实履约 (staff of the institution's office): kept counts towards the grade from today, and only once the term has
 * run; not kept is a proposal (four eyes, docs/four-eyes.md): once an approver of the office approves it, the
 * commitment is broken and a case for 违背信用承诺 opens.
 */
export function VerifyCommitmentButton({ commitment, onDone }: { commitment: Commitment; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const termRunning = !!commitment.dueDate && commitment.dueDate > beijingToday();
  if (commitment.verification || commitment.status === 'broken') return null;
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await post<{ kind?: string }>(`/commitments/${commitment.id}/verify`, { kept: v.kept, note: v.note.trim() });
      message.success(answer?.kind ? '已提交未履约的处理意见，经本科室审核人批准后认定违约并立案' : '已核实为已履约，自今日起计入信用加分');
      setOpen(false);
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>核实履约</Button>
      <Modal cancelText="取消" okText="确认" title="核实信用承诺履约情况" open={open} onCancel={() => setOpen(false)}
        onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {/* no default answer: "not kept" opens a case, so the officer chooses it */}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="kept" label="核实结果" rules={[{ required: true, message: '请选择核实结果' }]}
            extra={termRunning ? `履约期限（${commitment.dueDate}）届满后方可核实为已履约` : '已履约的承诺自核实之日起计入信用加分'}>
            <Radio.Group>
              <Radio value={true} disabled={termRunning}>已履约</Radio>
              <Radio value={false}>未履约（经审核人批准后认定违约并立案）</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label="核实意见" rules={[{ required: true, whitespace: true, message: '请填写核实意见' }, { min: 10, message: '核实意见至少 10 个字' }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
