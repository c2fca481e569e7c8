import { Breadcrumb, Button, Card, Descriptions, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../api/client';
import type { CounterIntake, CounterIntakeList, Person, PersonRecords } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { CreditFileTable } from '../../components/CreditFileTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';
import { CounterIntakeForm } from './CounterIntakeForm';
import { CHANNELS, INTAKE_KINDS, INTAKE_STATUS } from './intakeText';

/** Counter and post intakes of a natural person, with the decision's reason once made. */
export function IntakeTable({ items, loading }: { items: CounterIntake[]; loading?: boolean }) {
  return (
    <Table<CounterIntake> rowKey="id" size="small" loading={loading} dataSource={items} pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '暂无窗口登记的材料' }}
      columns={[
        { title: '类别', dataIndex: 'kind', width: 100, render: (k: string) => INTAKE_KINDS[k] ?? '其他' },
        { title: '渠道', dataIndex: 'channel', width: 90, render: (c: string) => CHANNELS[c] ?? '其他' },
        { title: '收到日期', dataIndex: 'receivedOn', width: 120, render: formatDate },
        // a late objection names its rule; one not yet answered shows its deadline, red once passed
        { title: '期限', key: 'periods', width: 170, render: (_: unknown, i) => (
          <>
            {i.late && <Tag color="red" title={i.lateBasis ?? undefined}>逾期提出</Tag>}
            {i.status === 'received' && i.answerDue && <Tag color={i.overdue ? 'red' : 'blue'}>{`答复期限 ${formatDate(i.answerDue)}`}</Tag>}
          </>
        ) },
        { title: '内容摘要', dataIndex: 'content', ellipsis: true },
        { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => { const [l, c] = INTAKE_STATUS[s] ?? ['—', 'default']; return <Tag color={c}>{l}</Tag>; } },
        { title: '处理理由', dataIndex: 'decisionReason', ellipsis: true, render: (r: string | null, i) => (r ? `${formatDateTime(i.decidedAt)}：${r}` : '—') },
      ]} />
  );
}

/** A natural person as a subject: masked identity, their credit records, their counter intakes. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const [entering, setEntering] = useState(false);
  const person = useAsync(() => get<Person>(`/subjects/${id}`), [id]);
  const records = useAsync(() => get<PersonRecords>(`/subjects/${id}/credit-file`), [id]);
  const intakes = useAsync(() => get<CounterIntakeList>(`/subjects/${id}/intakes`), [id]);
  const p = person.data;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/subjects">自然人查询</Link> }, { title: p?.name ?? '自然人' }]} />
      <Typography.Title level={2} className="page-title">{p?.name ?? '自然人'}</Typography.Title>
      <ErrorAlert error={person.error} />
      {person.loading && !p ? <Spin /> : p && (
        <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }} data-testid="person-identity">
          <Descriptions.Item label="主体类别">{p.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="证件类型">{p.idType}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{p.idMasked}</Descriptions.Item>
          <Descriptions.Item label="建档日期">{formatDate(p.createdAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title="信用记录" style={{ marginBottom: 16 }}>
        <ErrorAlert error={records.error} />
        <CreditFileTable records={records.data?.items ?? []} loading={records.loading} />
      </Card>
      <Card size="small" title="窗口登记的异议和陈述申辩"
        extra={(me.role === 'officer' || me.role === 'approver') && <Button type="primary" size="small" onClick={() => setEntering((e) => !e)}>{entering ? '收起窗口登记' : '窗口登记'}</Button>}>
        {entering && (
          <Card size="small" type="inner" title="窗口登记：纸质异议或陈述、申辩" style={{ marginBottom: 12 }}>
            <CounterIntakeForm subjectId={id} records={records.data?.items ?? []} onDone={intakes.reload} />
          </Card>
        )}
        <ErrorAlert error={intakes.error} />
        <IntakeTable items={intakes.data?.items ?? []} loading={intakes.loading} />
      </Card>
    </>
  );
}
