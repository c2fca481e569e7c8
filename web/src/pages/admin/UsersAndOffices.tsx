import { App, Button, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, patch } from '../../api/client';
import { describeError } from '../../api/errors';
import { ROLES, type Office, type Role, type User, type UserList } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert, isMissingEndpoint, PendingFeature } from '../../components/ErrorAlert';
import { ROLE_LABELS } from '../../lib/labels';
import { useOffices as useOfficeNames } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { UserForm } from './UserForm';
import { UserSecurityActions } from './UserSecurity';

const useOffices = () => useAsync(() => get<Office[]>('/offices'), []);

export function UsersTable() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');
  const users = useAsync(async () => (await get<UserList>('/users')).items, []);
  const offices = useOffices();
  const { officeName } = useOfficeNames();
  const needle = search.trim().toLowerCase();
  const shown = (users.data ?? []).filter((u) => !needle || [u.username, u.displayName, u.uscc ?? ''].some((s) => s.toLowerCase().includes(needle)));
  // a role or office decides what someone may do and see: ask before changing it, naming who, from what, to what
  const confirmChange = (u: User, what: string, from: string, to: string, body: Partial<Pick<User, 'role' | 'officeCode'>>) =>
    modal.confirm({
      title: `确认修改${what}`, okText: '确认修改', cancelText: '取消',
      content: `${u.displayName || u.username}（${u.username}）的${what}将由“${from}”改为“${to}”，下次操作起生效。`,
      onOk: () => change(u, body),
    });
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
      <Space>
        <Button type="primary" onClick={() => setCreating(true)}>新建账号</Button>
        <Input.Search allowClear placeholder="按用户名、姓名或统一社会信用代码查找" style={{ width: 300 }} onChange={(e) => setSearch(e.target.value)} data-testid="user-search" />
      </Space>
      <Table<User> size="small" rowKey="id" loading={users.loading} dataSource={shown} pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' }, { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色', dataIndex: 'role',
            // an institution account stays one: its role is shown as words, not offered for change
            render: (r: Role, u) => (u.role === 'institution' ? ROLE_LABELS.institution : (
              <Select size="small" value={r} style={{ width: 110 }} disabled={u.id === me.id}
                options={ROLES.filter((x) => x !== 'institution').map((x) => ({ value: x, label: ROLE_LABELS[x] }))}
                onChange={(role) => confirmChange(u, '角色', ROLE_LABELS[r], ROLE_LABELS[role], { role })} />
            )),
          },
          {
            title: '科室', dataIndex: 'officeCode',
            render: (c: string | null, u) => u.role === 'institution' ? '—' : (
              <Select size="small" value={c ?? undefined} allowClear style={{ width: 150 }} placeholder="无"
                options={(offices.data ?? []).map((o) => ({ value: o.code, label: o.name }))}
                onChange={(officeCode?: string) => confirmChange(u, '科室', c ? officeName(c) : '无', officeCode ? officeName(officeCode) : '无', { officeCode: officeCode ?? null })} />
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
    columns={[{ title: '科室名称', dataIndex: 'name' }]} />;
}
