import { Input, Select } from 'antd';
import { get } from '../api/client';
import type { UserList } from '../api/types';
import { useOffices } from '../lib/lookups';
import { useAsync } from '../lib/useAsync';

/** Picks a colleague from GET /api/users; where that list is not available, the user id is typed in. */
export function UserPicker({ id, value, onChange, role, officeCode }: {
  id?: string; value?: string; onChange?: (v: string) => void; role?: string; officeCode?: string | null;
}) {
  const { officeName } = useOffices();
  const users = useAsync(async () => (await get<UserList>('/users', { role, officeCode })).items, [role, officeCode]);
  if (users.error) {
    return <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value.trim())} placeholder="接收人的用户编号" />;
  }
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      loading={users.loading}
      placeholder="选择接收人"
      optionFilterProp="label"
      options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName || u.username}（${u.username}${u.officeCode ? ` · ${officeName(u.officeCode)}` : ''}）` }))}
    />
  );
}
