import { Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import type { IntegrityActivity, IntegrityActivityList, TermReport } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { ErrorAlert, isMissingEndpoint, PendingFeature } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { beijingToday, formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';
import { ActivityForm } from './ActivityForm';
import { recentTerms, termLabel } from './terms';

type ReportRow = TermReport['rows'][number];

const Failure = ({ error }: { error: unknown }) => (isMissingEndpoint(error) ? <PendingFeature what="诚信教育" /> : <ErrorAlert error={error} />);

/** 诚信教育: schools record activities; a report counts them per school and term. */
export default function EducationPage() {
  const me = useMe();
  const terms = recentTerms(beijingToday());
  const [term, setTerm] = useState(terms[0]);
  const own = me.role === 'institution' ? me.uscc : null;
  const canRecord = me.role === 'institution' || me.role === 'officer' || me.role === 'approver';
  const activities = useAsync(() => get<IntegrityActivityList>('/integrity-education/activities', { term, uscc: own }), [term, own]);
  const report = useAsync(() => get<TermReport>('/integrity-education/report', { term, uscc: own }), [term, own]);
  const rows = report.data?.rows ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>诚信教育</Typography.Title>
        <Select value={term} onChange={setTerm} options={terms.map((t) => ({ value: t, label: termLabel(t) }))} style={{ width: 180 }} />
      </Space>
      {canRecord && <Card size="small" title="记录活动"><ActivityForm uscc={own} onDone={() => { activities.reload(); report.reload(); }} /></Card>}
      <Card size="small" title={`${termLabel(term)}统计`} extra={<ExportButton<ReportRow> fileName={`诚信教育_${term}`} sheetName="诚信教育" rows={rows} columns={[
        { header: '学校', value: (r) => r.institutionName, width: 36 }, { header: '统一社会信用代码', value: (r) => r.uscc, width: 22 },
        { header: '活动次数', value: (r) => r.activities }, { header: '参加人次', value: (r) => r.participants },
      ]} />}>
        <Failure error={report.error} />
        <Table<ReportRow> size="small" rowKey="uscc" loading={report.loading} dataSource={rows} pagination={false} locale={{ emptyText: '本学期暂无活动' }}
          columns={[{ title: '学校', dataIndex: 'institutionName' }, { title: '活动次数', dataIndex: 'activities' }, { title: '参加人次', dataIndex: 'participants' }]} />
      </Card>
      <Card size="small" title="活动记录">
        <Failure error={activities.error} />
        <Table<IntegrityActivity> size="small" rowKey="id" loading={activities.loading} dataSource={activities.data?.items ?? []}
          columns={[
            { title: '日期', dataIndex: 'date', render: formatDate }, { title: '学校', dataIndex: 'institutionName' },
            { title: '主题', dataIndex: 'theme' }, { title: '参加人数', dataIndex: 'participants' },
          ]} />
      </Card>
    </Space>
  );
}
