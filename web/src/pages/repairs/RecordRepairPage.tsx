import { Alert, Breadcrumb, Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { get } from '../../api/client';
import type { RecordRepair } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';
import { FinePaymentForm } from './FinePaymentForm';
import { RepairActions } from './RepairActions';
import { REPAIR_STATUS_COLORS } from './repairText';

const FINE_UNPAID = '罚款尚未登记缴纳';

/** One 信用修复申请: its route and dates, the conditions still unmet (why a grant would be refused today), its step. */
export function RepairDetail({ repair, onChanged }: { repair: RecordRepair; onChanged: () => void }) {
  const me = useMe();
  const finePending = repair.unmetConditions.some((c) => c.includes(FINE_UNPAID));
  const staffMayRecord = me.role === 'officer' || me.role === 'approver';
  return (
    <>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="被修复信息" span={2}>{repair.recordTitle ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="申请渠道">{repair.routeLabel}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag color={REPAIR_STATUS_COLORS[repair.status]}>{repair.statusLabel}</Tag></Descriptions.Item>
        <Descriptions.Item label="收到申请">{formatDate(repair.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label="受理期限">{formatDate(repair.acceptDue)}{repair.acceptedOn ? `（${formatDate(repair.acceptedOn)} 已办理）` : ''}</Descriptions.Item>
        <Descriptions.Item label="决定期限">{repair.decideDue ? formatDate(repair.decideDue) : '受理后计算'}</Descriptions.Item>
        <Descriptions.Item label="决定日期">{repair.decidedOn ? formatDate(repair.decidedOn) : '—'}</Descriptions.Item>
        <Descriptions.Item label="承诺书签署">{repair.commitmentSignedOn ? formatDate(repair.commitmentSignedOn) : '未签署'}</Descriptions.Item>
        <Descriptions.Item label="文书">{repair.documentNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="整改情况" span={2}>{repair.correction}</Descriptions.Item>
        {repair.reason && <Descriptions.Item label={repair.status === 'referred' ? '转办说明' : '理由 / 审查意见'} span={2}>{repair.reason}</Descriptions.Item>}
        <Descriptions.Item label="登记时间" span={2}>{formatDateTime(repair.createdAt)}</Descriptions.Item>
      </Descriptions>
      {repair.unmetConditions.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="unmet-conditions" message="尚不满足的修复条件（准予修复前须满足）"
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{repair.unmetConditions.map((c) => <li key={c}>{c}</li>)}</ul>} />
      )}
      {finePending && staffMayRecord && repair.decisionId && (
        <Card size="small" title="登记罚款缴纳" style={{ marginBottom: 16 }}>
          <FinePaymentForm decisionId={repair.decisionId} onDone={onChanged} />
        </Card>
      )}
      <RepairActions repair={repair} me={me} onDone={onChanged} />
    </>
  );
}

export default function RecordRepairPage() {
  const { id = '' } = useParams();
  const repair = useAsync(() => get<RecordRepair>(`/record-repairs/${id}`), [id]);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/record-repairs">信用修复申请</Link> }, { title: '申请详情' }]} />
      <Typography.Title level={2} className="page-title">信用修复申请</Typography.Title>
      <ErrorAlert error={repair.error} />
      {repair.loading && !repair.data ? <Spin /> : repair.data && <RepairDetail repair={repair.data} onChanged={repair.reload} />}
    </>
  );
}
