import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';

/** An approver may withdraw a case with a reason (brief §3); the reason is kept in the timeline. */
export function WithdrawButton({ caseNo, onDone }: { caseNo: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await post(`/cases/${caseNo}/withdraw`, { reason: reason.trim() });
      message.success('案件已撤销');
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>撤销案件</Button>
      <Modal cancelText="取消" title="撤销案件" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="确认撤销" okButtonProps={{ danger: true }} confirmLoading={busy}>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label="撤销理由" rules={[{ required: true, whitespace: true, message: '请写明撤销理由' }, { min: 5, message: '理由至少 5 个字' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
