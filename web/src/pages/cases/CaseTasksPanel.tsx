import { App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { CaseTask, CaseView, Me } from '../../api/types';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { taskKindLabel } from '../../lib/labels';
import { ServeDocumentForm } from './task-forms/ServeDocumentForm';
import { TaskForm } from './task-forms/TaskForm';

function canClaim(t: CaseTask, me: Me) {
  return !t.assigneeId && t.candidateRole === me.role && (!t.candidateOffice || t.candidateOffice === me.officeCode);
}

/** The open tasks of the case: claim one, work the one you hold, hand it back. */
export function CaseTasksPanel({ view, me, onChanged, onCompleted }: {
  view: CaseView; me: Me; onChanged: () => void; onCompleted: (taskId: string) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const open = view.tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
  const act = async (t: CaseTask, action: 'claim' | 'unclaim') => {
    setBusy(t.id);
    try {
      await post(`/tasks/${t.id}/${action}`);
      message.success(action === 'claim' ? '已领取' : '已退回待办池');
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(null);
      onChanged();
    }
  };
  if (!open.length) return <Empty description={view.waitingFor ? `暂无需要办理的任务（${view.waitingFor}）` : '暂无需要办理的任务'} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {open.map((t) => (
        <Card
          key={t.id}
          size="small"
          title={<Space>{taskKindLabel(t.kind)}{t.overdue && <Tag color="red">已逾期</Tag>}</Space>}
          extra={<DeadlineCountdown dueDate={t.dueDate} />}
        >
          {t.assigneeId === me.id ? (
            <>
              {t.kind === 'serve-document' ? (
                <ServeDocumentForm caseNo={view.caseNo} onDone={() => { message.success('已登记送达'); onChanged(); }} />
              ) : (
                <TaskForm task={t} onDone={() => { message.success('已提交'); onCompleted(t.id); }} />
              )}
              <Button type="link" size="small" loading={busy === t.id} onClick={() => act(t, 'unclaim')} style={{ paddingLeft: 0 }}>
                退回待办池
              </Button>
            </>
          ) : canClaim(t, me) ? (
            <Button type="primary" loading={busy === t.id} onClick={() => act(t, 'claim')}>领取并办理</Button>
          ) : (
            <Typography.Text type="secondary">
              {t.assigneeId ? '他人正在办理' : `等待${t.candidateRole === 'approver' ? '审核人' : '经办人'}领取`}
            </Typography.Text>
          )}
        </Card>
      ))}
    </Space>
  );
}
