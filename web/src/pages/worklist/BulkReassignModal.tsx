import { Alert, Form, List, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { BulkReassignResult, Role, WorklistItem } from '../../api/types';
import { UserPicker } from '../../components/UserPicker';
import { ROLE_LABELS, taskKindLabel } from '../../lib/labels';

type Result = BulkReassignResult['results'][number];

/**
 * An approver hands several tasks to one colleague; each task answers on its own. Only colleagues of the role the
 * tasks are for are offered: a task for an officer cannot be done by an approver, and the server would refuse it.
 */
export function BulkReassignModal({ tasks, open, onClose, officeCode }: {
  tasks: WorklistItem[]; open: boolean; onClose: (changed: boolean) => void; officeCode: string | null;
}) {
  const taskIds = tasks.map((t) => t.id);
  const roles = [...new Set(tasks.map((t) => t.candidateRole))];
  const byId = new Map(tasks.map((t) => [t.id, t]));
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
      okButtonProps={{ disabled: !results && roles.length > 1 }}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {busy && <Progress percent={99} status="active" showInfo={false} />}
      {!results && roles.length > 1 && (
        <Alert type="warning" showIcon data-testid="mixed-roles"
          message={`所选任务分别由${roles.map((r) => ROLE_LABELS[r as Role] ?? '其他人员').join('、')}办理，请按角色分开改派`} />
      )}
      {!results ? (
        roles.length <= 1 && (
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="toUserId" label={`改派给${roles[0] ? `（${ROLE_LABELS[roles[0] as Role] ?? ''}）` : ''}`} rules={[{ required: true, message: '请选择接收人' }]}>
              <UserPicker officeCode={officeCode} role={roles[0]} />
            </Form.Item>
          </Form>
        )
      ) : (
        <>
          <Typography.Paragraph>成功 {okCount} 项，未成功 {results.length - okCount} 项。</Typography.Paragraph>
          {/* the list of failures only when there are some: an empty list would draw a 暂无数据 box under 成功 n 项 */}
          {okCount < results.length && (
            <List
              size="small"
              dataSource={results.filter((r) => !r.ok)}
              renderItem={(r) => {
                const t = byId.get(r.taskId);
                return <List.Item>{t ? `${t.caseNo} ${taskKindLabel(t.kind)}` : '任务'}：{r.message || '未能改派'}</List.Item>;
              }}
            />
          )}
        </>
      )}
    </Modal>
  );
}
