import { Form, Input, Select, Table, Tag, Typography, Button } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get } from '../../api/client';
import type { CasePage, CaseSummary, Stage } from '../../api/types';
import { ErrorAlert, PendingFeature, isMissingEndpoint } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { SEVERITY_COLORS, severityLabel, STAGE_LABELS, stageLabel } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';

// The case list's answer does not carry waitingFor yet (GET /api/cases, src/cases): until it does the 等待 column
// stays empty. Drop this type once schema.d.ts has it.
type CaseRow = CaseSummary & { waitingFor?: string | null };

/** Look up any case by stage or institution (GET /api/cases); a case number opens it directly. */
export default function CaseListPage() {
  const navigate = useNavigate();
  const [q, setQ] = useState<{ stage?: string; uscc?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const list = useAsync(() => get<CasePage>('/cases', q), [JSON.stringify(q)]);
  return (
    <>
      <Typography.Title level={2} className="page-title">案件查询</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { stage?: string; uscc?: string; caseNo?: string }) => {
        if (v.caseNo?.trim()) return navigate(`/cases/${v.caseNo.trim().toUpperCase()}`);
        setQ({ stage: v.stage, uscc: v.uscc?.trim().toUpperCase() || undefined, page: 1, pageSize: q.pageSize });
      }}>
        <Form.Item name="caseNo"><Input allowClear placeholder="案件编号，如 LY-2026-000001" style={{ width: 230 }} /></Form.Item>
        <Form.Item name="stage"><Select allowClear placeholder="阶段" style={{ width: 140 }} options={Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="uscc"><Input allowClear placeholder="统一社会信用代码" style={{ width: 200 }} /></Form.Item>
        <Button type="primary" htmlType="submit">查询</Button>
      </Form>
      {isMissingEndpoint(list.error) ? <PendingFeature what="案件列表" /> : <ErrorAlert error={list.error} />}
      <Table<CaseRow>
        rowKey="caseNo" size="middle" loading={list.loading} dataSource={list.data?.items ?? []}
        pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setQ({ ...q, page, pageSize }), showTotal: (n) => `共 ${n} 件` }}
        columns={[
          { title: '案件编号', dataIndex: 'caseNo', render: (v: string) => <Link to={`/cases/${v}`}>{v}</Link> },
          { title: '机构', dataIndex: 'institutionName' },
          { title: '阶段', dataIndex: 'stage', render: (s: Stage) => <Tag>{stageLabel(s)}</Tag> },
          { title: '程度', dataIndex: 'severity', render: (s: CaseSummary['severity']) => <Tag color={SEVERITY_COLORS[s]}>{severityLabel(s)}</Tag> },
          { title: '等待', dataIndex: 'waitingFor', ellipsis: true },
          { title: '登记日期', dataIndex: 'registeredAt', render: formatDate },
        ]}
      />
    </>
  );
}
