import { Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api/client';
import type { OpenIntake, OpenIntakeList } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { CHANNELS } from './intakeText';

/**
 * The officers' queue of counter objections still to answer (a person's objection has no case, so it is not in the
 * worklist), soonest answer deadline first as the API sorts it. Whom each is from is shown as the API gives it: the
 * name and the masked ID number, never the number in full; the name leads to the person page.
 */
export function OpenIntakes() {
  const [overdue, setOverdue] = useState(false);
  const { officeName } = useOffices();
  const list = useAsync(() => get<OpenIntakeList>('/subjects/intakes/open', overdue ? { overdue: 'true' } : undefined), [overdue]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>只看逾期未答复</Checkbox>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<OpenIntake> rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="open-intakes"
        pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: overdue ? '没有逾期未答复的窗口异议' : '没有待复核的窗口异议' }}
        columns={[
          { title: '异议人', dataIndex: 'subjectName', width: 110, render: (n: string, i) => <Link to={`/subjects/${i.subjectId}`}>{n}</Link> },
          { title: '证件号码', dataIndex: 'idMasked', width: 200, render: (m: string, i) => `${i.idType} ${m}` },
          { title: '所针对的信用记录', dataIndex: 'recordTitle', ellipsis: true, render: (t: string | null) => t ?? '—' },
          { title: '渠道', dataIndex: 'channel', width: 90, render: (c: string) => CHANNELS[c] ?? '其他' },
          { title: '收到日期', dataIndex: 'receivedOn', width: 120, render: formatDate },
          { title: '答复期限', dataIndex: 'answerDue', width: 170, render: (d: string | null, i) => (
            <>
              {d ? <Tag color={i.overdue ? 'red' : 'blue'}>{`${formatDate(d)}${i.overdue ? ' 已逾期' : ''}`}</Tag> : '—'}
              {i.late && <Tag color="red" title={i.lateBasis ?? undefined}>逾期提出</Tag>}
            </>
          ) },
          { title: '登记科室', dataIndex: 'officeCode', width: 130, render: (c: string | null) => officeName(c) },
        ]} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        “逾期提出”：收到日期晚于异议期最后一天，仍须答复；“已逾期”：超过答复期限尚未作出处理决定。
      </Typography.Paragraph>
    </>
  );
}
