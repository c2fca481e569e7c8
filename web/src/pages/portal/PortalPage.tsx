import { Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import type { CreditFile, Evaluation, Institution, PortalCase, PortalDeadline } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { CreditFileTable } from '../../components/CreditFileTable';
import { ErrorAlert, isMissingEndpoint, PendingFeature } from '../../components/ErrorAlert';
import { GradeCard } from '../../components/GradeCard';
import { useAsync } from '../../lib/useAsync';
import { MySubmissions } from './MySubmissions';
import { PortalCases } from './PortalCases';
import { PortalDeadlines } from './PortalDeadlines';

function Failure({ error, what }: { error: unknown; what: string }) {
  return isMissingEndpoint(error) ? <PendingFeature what={what} /> : <ErrorAlert error={error} />;
}

/** 机构门户: the institution's own credit file and grade, its open deadlines and its cases. */
export default function PortalPage() {
  const me = useMe();
  const uscc = me.uscc ?? '';
  const inst = useAsync(() => get<Institution>(`/institutions/${uscc}`), [uscc]);
  const evaluation = useAsync(() => get<Evaluation>(`/institutions/${uscc}/evaluation`), [uscc]);
  const file = useAsync(() => get<CreditFile>(`/institutions/${uscc}/credit-file`), [uscc]);
  const deadlines = useAsync(() => get<PortalDeadline[]>('/portal/deadlines'), []);
  const cases = useAsync(() => get<PortalCase[]>('/portal/cases'), []);
  const [sent, setSent] = useState(0);
  const refresh = () => { deadlines.reload(); cases.reload(); file.reload(); setSent((n) => n + 1); };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} className="page-title">{inst.data?.name ?? '本机构'} <Typography.Text type="secondary" style={{ fontSize: 14 }}>{uscc}</Typography.Text></Typography.Title>
      <Card size="small" title="需要答复的期限">
        <Failure error={deadlines.error} what="期限提醒" />
        <PortalDeadlines deadlines={deadlines.data ?? []} loading={deadlines.loading} onChanged={refresh} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          {evaluation.data ? <GradeCard evaluation={evaluation.data} /> : <Card size="small" title="信用评价" loading={evaluation.loading}><Failure error={evaluation.error} what="信用评价" /></Card>}
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title="信用档案">
            <Failure error={file.error} what="信用档案" />
            <CreditFileTable records={file.data?.items ?? []} loading={file.loading} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="本机构案件">
        <Failure error={cases.error} what="案件查询" />
        <PortalCases cases={cases.data ?? []} loading={cases.loading} onChanged={refresh} />
      </Card>
      <Card size="small" title="我提交的材料">
        <MySubmissions refresh={sent} />
      </Card>
    </Space>
  );
}
