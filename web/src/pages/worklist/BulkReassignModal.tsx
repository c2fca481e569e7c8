import { Alert, Form, List, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { BulkReassignResult } from '../../api/types';
import { UserPicker } from '../../components/UserPicker';

type Result = BulkReassignResult['results'][number];

/** An approver hands several tasks to one colleague; each task answers on its own. */
export function BulkReassignModal({ taskIds, open, onClose, officeCode }: {
  taskIds: string[]; open: boolean; onClose: (changed: boolean) => void; officeCode: string | null;
}) {
  const [form] = Form.useForm<{ toUserId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<Result[] | null>(null);

  const submit = async ({ toUserId }: { toUserId: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await post<BulkReassignResult>('/tasks/bulk-reassign', { taskIds, toUserId });
      setResults(r.results);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    const changed = !!results?.some((r) => r.ok);
    setResults(null);
    setError(null);
    form.resetFields();
    onClose(changed);
  };
  const okCount = results?.filter((r) => r.ok).length ?? 0;

  return (
    <Modal cancelText="取消"
      title={`批量改派（${taskIds.length} 项任务）`}
      open={open}
      onCancel={close}
      onOk={results ? close : () => form.submit()}
      okText={results ? '完成' : '改派'}
      confirmLoading={busy}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {busy && <Progress percent={99} status="active" showInfo={false} />}
      {!results ? (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="toUserId" label="改派给" rules={[{ required: true, message: '请选择接收人' }]}>
            <UserPicker officeCode={officeCode} />
          </Form.Item>
        </Form>
      ) : (
        <>
          <Typography.Paragraph>成功 {okCount} 项，未成功 {results.length - okCount} 项。</Typography.Paragraph>
          <List
            size="small"
            dataSource={results.filter((r) => !r.ok)}
            renderItem={(r) => <List.Item>任务 {r.taskId.slice(0, 8)}：{r.message ?? r.code}</List.Item>}
          />
        </>
      )}
    </Modal>
  );
}
