import { App, Button, Space, Tabs, Typography } from 'antd';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import type { QueueSession } from '../../api/types';
import { DecisionProposals } from '../../components/DecisionProposals';
import { HolidayOverrides } from './HolidayOverrides';
import { PolicyView } from './PolicyView';
import { OfficesTable, UsersTable } from './UsersAndOffices';

/** The Temporal Web UI runs beside the dev server (npm run up prints its address). */
const TEMPORAL_UI = `${window.location.protocol}//${window.location.hostname}:8233`;

function Links() {
  const { message } = App.useApp();
  // the queue board authenticates with a cookie the API sets for the admin's token
  const openBoard = async () => {
    try {
      const { url } = await post<QueueSession>('/admin/queue-session');
      window.open(url, '_blank', 'noopener');
    } catch (e) {
      message.error(describeError(e));
    }
  };
  return (
    <Space direction="vertical">
      <a href={TEMPORAL_UI} target="_blank" rel="noreferrer">Temporal 工作流控制台（案件流程、定时器、历史）</a>
      <Button onClick={openBoard}>打开队列监控（共享报送、通知）</Button>
      <a href="/api/docs" target="_blank" rel="noreferrer">接口文档（OpenAPI）</a>
    </Space>
  );
}

export default function AdminPage() {
  return (
    <>
      <Typography.Title level={2} className="page-title">系统管理</Typography.Title>
      <Tabs items={[
        { key: 'users', label: '用户与角色', children: <UsersTable /> },
        { key: 'security', label: '账号安全申请', children: <DecisionProposals kinds={['totp_reset']} /> },
        { key: 'offices', label: '科室', children: <OfficesTable /> },
        { key: 'proposals', label: '待审批事项', children: <DecisionProposals kinds={['policy_publish', 'calendar_override', 'calendar_override_removal', 'calendar_year']} /> },
        { key: 'policy', label: '政策参数', children: <PolicyView /> },
        { key: 'calendar', label: '节假日调整', children: <HolidayOverrides /> },
        { key: 'links', label: '运维入口', children: <Links /> },
      ]} />
    </>
  );
}
