import { App, Button, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, patch } from '../../api/client';
import { describeError } from '../../api/errors';
import { ROLES, type Office, type Role, type User, type UserList } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert, isMissingEndpoint, PendingFeature } from '../../components/ErrorAlert';
import { ROLE_LABELS } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';
import { UserForm } from './UserForm';
import { UserSecurityActions } from './UserSecurity';

const useOffices = () => useAsync(() => get<Office[]>('/offices'), []);

export function UsersTable() {
  const me = useMe();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const users = useAsync(async () => (await get<UserList>('/users')).items, []);
  const offices = useOffices();
  const change = async (u: User, body: Partial<Pick<User, 'role' | 'officeCode' | 'active'>>) => {
    try {
      await patch(`/users/${u.id}`, body);
      message.success('已保存');
    } catch (e) {
      message.error(describeError(e));
    } finally {
      users.reload();
    }
  };
  if (users.error) return isMissingEndpoint(users.error) ? <PendingFeature what="用户管理" /> : <ErrorAlert error={users.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setCreating(true)}>新建账号</Button>
      <Table<User> size="small" rowKey="id" loading={users.loading} dataSource={users.data ?? []} pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' }, { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色', dataIndex: 'role',
            render: (r: Role, u) => (
              <Select size="small" value={r} style={{ width: 110 }} disabled={u.role === 'institution' || u.id === me.id}
                options={ROLES.filter((x) => x !== 'institution').map((x) => ({ value: x, label: ROLE_LABELS[x] }))}
                onChange={(role) => change(u, { role })} />
            ),
          },
          {
            title: '科室', dataIndex: 'officeCode',
            render: (c: string | null, u) => u.role === 'institution' ? '—' : (
              <Select size="small" value={c ?? undefined} allowClear style={{ width: 150 }} placeholder="无"
                options={(offices.data ?? []).map((o) => ({ value: o.code, label: o.name }))}
                onChange={(officeCode) => change(u, { officeCode: officeCode ?? null })} />
            ),
          },
          { title: '所属机构', dataIndex: 'uscc' },
          { title: '启用', dataIndex: 'active', render: (a: boolean, u) => <Switch size="small" checked={a} disabled={u.id === me.id} onChange={(active) => change(u, { active })} /> },
          { title: '动态口令', dataIndex: 'totpEnrolled', render: (t: boolean) => (t ? <Tag color="green">已绑定</Tag> : <Tag>未绑定</Tag>) },
          { title: '账号安全', render: (_, u) => (u.id === me.id ? '—' : <UserSecurityActions user={u} onChanged={users.reload} />) },
        ]} />
      <UserForm open={creating} offices={offices.data ?? []} onClose={(created) => { setCreating(false); if (created) { message.success('账号已创建'); users.reload(); } }} />
    </Space>
  );
}

export function OfficesTable() {
  const offices = useOffices();
  if (offices.error) return isMissingEndpoint(offices.error) ? <PendingFeature what="科室管理" /> : <ErrorAlert error={offices.error} />;
  return <Table<Office> size="small" rowKey="code" loading={offices.loading} dataSource={offices.data ?? []} pagination={false}
    columns={[{ title: '科室代码', dataIndex: 'code' }, { title: '科室名称', dataIndex: 'name' }]} />;
}
