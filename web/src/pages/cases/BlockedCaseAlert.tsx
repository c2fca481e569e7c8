import { Alert, App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { formatDateTime } from '../../lib/dates';

/**
 * A case whose next step failed for a reason no retry fixes waits here (workflows/runtime/blocking.ts): everyone who
 * sees the case sees why, and an approver or administrator resumes it once the cause is fixed (the step runs again).
 */
export function BlockedCaseAlert({ caseNo, reason, since, canResume, onDone }: {
  caseNo: string; reason: string; since: string | null; canResume: boolean; onDone: () => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const resume = async () => {
    setBusy(true);
    try {
      await post(`/cases/${encodeURIComponent(caseNo)}/resume`, note.trim() ? { note: note.trim() } : {});
      message.success('已通知案件恢复推进；原因未消除时会再次受阻');
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="error" showIcon data-testid="case-blocked"
      message={`案件受阻${since ? `（自 ${formatDateTime(since)}）` : ''}`}
      description={reason}
      action={canResume && (
        <>
          <Button size="small" onClick={() => setOpen(true)}>恢复推进</Button>
          <Modal title="恢复推进" open={open} okText="恢复" cancelText="取消" confirmLoading={busy} onOk={resume} onCancel={() => setOpen(false)}>
            <p>请确认受阻原因已处理（如已发布所缺年度日历）。恢复后将重新执行受阻的步骤。</p>
            <Input.TextArea rows={2} maxLength={500} placeholder="处理说明（选填）" value={note} onChange={(e) => setNote(e.target.value)} />
          </Modal>
        </>
      )}
    />
  );
}
