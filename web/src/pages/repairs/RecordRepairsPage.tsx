import { Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get } from '../../api/client';
import type { RecordRepair } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';
import { CounterRepairForm } from './CounterRepairForm';
import { REPAIR_STATUS_COLORS } from './repairText';

const STATUSES: { value: RecordRepair['status']; label: string }[] = [
  { value: 'submitted', label: '待受理' }, { value: 'accepted', label: '已受理，待决定' }, { value: 'granted', label: '准予修复' },
  { value: 'refused', label: '不予修复' }, { value: 'not_accepted', label: '不予受理' }, { value: 'referred', label: '已转认定部门办理' },
];

/** 信用修复申请 of 双公示 penalties from every route, newest first; officers and approvers enter paper ones here. */
export default function RecordRepairsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [status, setStatus] = useState<RecordRepair['status'] | undefined>();
  const [entering, setEntering] = useState(false);
  const list = useAsync(() => get<RecordRepair[]>('/record-repairs', { status }), [status]);
  return (
    <>
      <Typography.Title level={2} className="page-title">信用修复申请</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部状态" style={{ width: 180 }} options={STATUSES} value={status} onChange={setStatus} />
        {(me.role === 'officer' || me.role === 'approver') && <Button type="primary" onClick={() => setEntering(true)}>窗口登记申请</Button>}
      </Space>
      <ErrorAlert error={list.error} />
      <Table<RecordRepair>
        rowKey="id" size="small" loading={list.loading} dataSource={list.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无信用修复申请' }}
        onRow={(r) => ({ onClick: () => void navigate(`/record-repairs/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '被修复信息', dataIndex: 'recordTitle', ellipsis: true, render: (t: string | null, r) => <Link to={`/record-repairs/${r.id}`}>{t ?? '（无标题）'}</Link> },
          { title: '渠道', dataIndex: 'routeLabel', width: 120, ellipsis: true },
          { title: '收到日期', dataIndex: 'receivedOn', width: 120, render: formatDate },
          { title: '受理期限', dataIndex: 'acceptDue', width: 120, render: formatDate },
          { title: '决定期限', dataIndex: 'decideDue', width: 120, render: (d: string | null) => (d ? formatDate(d) : '—') },
          { title: '状态', dataIndex: 'statusLabel', width: 130, render: (l: string, r) => <Tag color={REPAIR_STATUS_COLORS[r.status]}>{l}</Tag> },
        ]}
      />
      <Modal open={entering} title="窗口登记信用修复申请" footer={null} onCancel={() => setEntering(false)} destroyOnHidden width={640}>
        <CounterRepairForm onDone={(r) => { setEntering(false); void navigate(`/record-repairs/${r.id}`); }} />
      </Modal>
    </>
  );
}
