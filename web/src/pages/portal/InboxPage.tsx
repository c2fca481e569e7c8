import { App, Badge, Button, List, Typography } from 'antd';
import { Link } from 'react-router';
import { get, post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { InboxItem, InboxPage as Inbox } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert, isMissingEndpoint, PendingFeature } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';

// a message about a case carries its number in the template data (notifications/templates.ts)
const caseOf = (m: InboxItem) => (typeof m.data.caseNo === 'string' && m.data.caseNo) || null;

/** Notices sent to the institution (interview notices, deadlines, decisions); opening one marks it read. */
export default function InboxPage() {
  const { message } = App.useApp();
  const me = useMe(); // an institution reads its cases in the portal, staff on the case page
  const inbox = useAsync(async () => (await get<Inbox>('/inbox')).items, []);
  const markRead = async (m: InboxItem) => {
    try {
      await post(`/inbox/${m.id}/read`);
      inbox.reload();
    } catch (e) {
      message.error(describeError(e));
    }
  };
  return (
    <>
      <Typography.Title level={2} className="page-title">消息通知</Typography.Title>
      {isMissingEndpoint(inbox.error) ? <PendingFeature what="消息通知" /> : <ErrorAlert error={inbox.error} />}
      <List
        loading={inbox.loading}
        dataSource={inbox.data ?? []}
        locale={{ emptyText: '暂无消息' }}
        renderItem={(m) => (
          <List.Item actions={m.readAt ? [] : [<Button key="read" size="small" onClick={() => markRead(m)}>标为已读</Button>]}>
            <List.Item.Meta
              title={<Badge dot={!m.readAt}><span style={{ paddingRight: 8 }}>{m.title}</span></Badge>}
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
                  <small>{formatDateTime(m.createdAt)}{caseOf(m) && <> · <Link to={`${me.role === 'institution' ? '/portal' : ''}/cases/${caseOf(m)}`}>{caseOf(m)}</Link></>}</small>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
