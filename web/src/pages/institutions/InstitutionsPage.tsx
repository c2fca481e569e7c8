import { Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api/client';
import type { Institution, InstitutionPage } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { ImportButton } from './ImportButton';

export default function InstitutionsPage() {
  const me = useMe();
  const { officeName } = useOffices();
  const [q, setQ] = useState({ q: '', page: 1, pageSize: 20 });
  const list = useAsync(() => get<InstitutionPage>('/institutions', q), [q.q, q.page, q.pageSize]);
  return (
    <>
      <Typography.Title level={2} className="page-title">机构名录</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder="名称或统一社会信用代码" onSearch={(v) => setQ({ ...q, q: v, page: 1 })} style={{ width: 300 }} />
        {(me.role === 'officer' || me.role === 'admin') && <ImportButton onDone={list.reload} />}
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Institution> rowKey="uscc" size="middle" loading={list.loading} dataSource={list.data?.items ?? []}
        pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setQ({ ...q, page, pageSize }), showTotal: (n) => `共 ${n} 家` }}
        columns={[
          { title: '机构名称', dataIndex: 'name', render: (v: string, r) => <Link to={`/institutions/${r.uscc}`}>{v}</Link> },
          { title: '统一社会信用代码', dataIndex: 'uscc' },
          { title: '类型', dataIndex: 'typeLabel' },
          { title: '法定代表人', key: 'rep', render: (_, r) => `${r.legalRepresentative.name}（${r.legalRepresentative.idNumberMasked}）` },
          { title: '科室', dataIndex: 'officeCode', render: officeName },
        ]} />
    </>
  );
}
