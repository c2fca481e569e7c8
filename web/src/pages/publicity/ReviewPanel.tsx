import { Alert, App, Button, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { describeError } from '../../api/errors';
import { useMe } from '../../auth/AuthContext';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';
import { TEXT_FIELD_LABELS, type PublicText } from './types';

interface QueueItem extends PublicText {
  institutionName: string;
  subject: string;
  decisionId: string | null;
  recordId: string | null;
  draftedBy: string | null;
}

export function PublicTextFields({ fields }: { fields: Record<string, string> }) {
  return (
    <Descriptions size="small" column={1} bordered>
      {Object.entries(fields).map(([k, v]) => <Descriptions.Item key={k} label={TEXT_FIELD_LABELS[k] ?? k}>{v}</Descriptions.Item>)}
    </Descriptions>
  );
}

/**
 * 公示文本审核: the drafts waiting for sign-off. An approver reads the text and approves exactly it (its hash goes
 * back); the drafter cannot approve their own, and the API says so. A decision registered to be published on
 * approval is published at once.
 */
export function ReviewPanel() {
  const me = useMe();
  const { message } = App.useApp();
  const queue = useAsync(() => get<{ items: QueueItem[] }>('/publicity/public-texts', { status: 'draft' }), []);
  const [error, setError] = useState<string | null>(null);
  const approve = async (t: QueueItem) => {
    setError(null);
    try {
      const r = await post<{ decision: { status: string } | null }>(`/publicity/public-texts/${t.id}/approve`, { hash: t.hash });
      message.success(r.decision?.status === 'published' ? '已审核通过并公示' : '已审核通过');
      queue.reload();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">公示文本由经办人起草，须由起草人以外的审核人逐字审核通过后才能公示；系统同时自动检查身份证号、手机号、银行卡号和当事人姓名。</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {queue.error ? <Alert type="error" showIcon message={describeError(queue.error)} /> : null}
      <List loading={queue.loading} dataSource={queue.data?.items ?? []} locale={{ emptyText: <Empty description="没有待审核的公示文本" /> }}
        renderItem={(t) => (
          <List.Item key={t.id} actions={me.role === 'approver' && t.draftedBy !== me.id
            ? [<Button key="a" type="primary" onClick={() => approve(t)}>审核通过</Button>] : [<Tag key="w">待审核人审核</Tag>]}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t.institutionName} · {t.subject}（第 {t.version} 稿，{formatDate(t.draftedAt)} 起草）</Typography.Text>
              <PublicTextFields fields={t.fields} />
            </Space>
          </List.Item>
        )} />
    </>
  );
}
