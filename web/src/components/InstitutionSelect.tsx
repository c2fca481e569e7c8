import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../api/client';
import type { Institution, InstitutionPage } from '../api/types';

/** Search institutions by name or USCC prefix (GET /api/institutions?q=); the value is the USCC. */
export function InstitutionSelect({ id, value, onChange, placeholder = '输入机构名称或统一社会信用代码搜索' }: {
  id?: string; value?: string; onChange?: (uscc: string) => void; placeholder?: string;
}) {
  // a preset value (登记线索 from an institution's file) is searched for, so the select shows its name, not the code
  const [q, setQ] = useState(value ?? '');
  const [options, setOptions] = useState<Institution[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      get<InstitutionPage>('/institutions', { q: q.trim() || undefined, pageSize: 20 })
        .then((r) => live && setOptions(r.items))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setQ}
      filterOption={false}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? '搜索中…' : '没有找到机构'}
      options={options.map((i) => ({ value: i.uscc, label: `${i.name}（${i.uscc}）` }))}
    />
  );
}
