import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';

/**
 * An officer or approver proposes withdrawing a case with a reason (brief §3); it takes effect only when another
 * approver of the case's office, neither the proposer nor the case's 承办, approves it (four eyes, docs/four-eyes.md).
 */
export function WithdrawButton({ caseNo, onDone }: { caseNo: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await post(`/cases/${caseNo}/withdraw`, { reason: reason.trim() });
      message.success('已提出撤销意见，须由本科室另一名审核人批准后生效');
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
      <Button danger onClick={() => setOpen(true)}>提出撤销</Button>
      <Modal cancelText="取消" title="撤销案件" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="提出撤销意见" okButtonProps={{ danger: true }} confirmLoading={busy}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          message="撤销须经第二人审批：提出后由本科室另一名审核人（非提出人、非本案承办人）在“待办—案件撤销与更正审批”中批准后生效。" />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label="撤销理由" rules={[{ required: true, whitespace: true, message: '请写明撤销理由' }, { min: 5, message: '理由至少 5 个字' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
