import { Button, Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { get } from '../../api/client';
import type { CasePage, CaseSummary, Stage } from '../../api/types';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { SEVERITY_COLORS, severityLabel, stageLabel } from '../../lib/labels';
import { useBehaviours } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';

type Document = components['schemas']['DocumentSummaryDto'] & { caseNo: string };
type Measures = components['schemas']['ApplicableMeasuresDto'];

/**
 * What an institution's file holds besides its records: its cases (with 登记线索 for a new one), the documents issued
 * in them and the measures that apply to it now. Documents are listed per case (GET /cases/:caseNo/documents), for
 * the institution's latest 20 cases.
 */
export function InstitutionCases({ uscc, mayRegister }: { uscc: string; mayRegister: boolean }) {
  const { behaviourTitle } = useBehaviours();
  const cases = useAsync(() => get<CasePage>('/cases', { uscc, pageSize: 20 }), [uscc]);
  const caseNos = (cases.data?.items ?? []).map((c) => c.caseNo);
  const documents = useAsync(async () => (await Promise.all(caseNos.map(async (caseNo) =>
    (await get<Document[]>(`/cases/${encodeURIComponent(caseNo)}/documents`)).map((d) => ({ ...d, caseNo }))))).flat(), [caseNos.join()]);
  const measures = useAsync(() => get<Measures>(`/institutions/${uscc}/measures`), [uscc]);
  return (
    <>
      <Card size="small" title={`案件（${cases.data?.total ?? 0} 件）`}
        extra={mayRegister && <Link to={`/cases/new?uscc=${uscc}`}><Button size="small" type="primary" data-testid="register-lead">登记线索</Button></Link>}>
        <ErrorAlert error={cases.error} />
        <Table<CaseSummary> size="small" rowKey="caseNo" loading={cases.loading} dataSource={cases.data?.items ?? []} pagination={false}
          locale={{ emptyText: '该机构没有案件' }} data-testid="institution-cases"
          columns={[
            { title: '案件编号', dataIndex: 'caseNo', render: (v: string) => <Link to={`/cases/${v}`}>{v}</Link> },
            { title: '失信行为', dataIndex: 'behaviourCode', ellipsis: true, render: behaviourTitle },
            { title: '阶段', dataIndex: 'stage', render: (s: Stage) => <Tag>{stageLabel(s)}</Tag> },
            { title: '程度', dataIndex: 'severity', render: (s: CaseSummary['severity']) => <Tag color={SEVERITY_COLORS[s]}>{severityLabel(s)}</Tag> },
            { title: '登记日期', dataIndex: 'registeredAt', render: formatDate },
          ]} />
      </Card>
      <Card size="small" title="文书">
        <ErrorAlert error={documents.error} />
        <Table<Document> size="small" rowKey="id" loading={documents.loading} dataSource={documents.data ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无文书' }}
          columns={[
            { title: '文号', dataIndex: 'docNo' }, { title: '文书', dataIndex: 'kindLabel' },
            { title: '案件', dataIndex: 'caseNo', render: (v: string) => <Link to={`/cases/${v}`}>{v}</Link> },
            { title: '签发日期', dataIndex: 'issuedOn', render: (d: string | null) => (d ? formatDate(d) : '—') },
            { title: '状态', dataIndex: 'statusLabel' },
          ]} />
      </Card>
      <Card size="small" title="适用的措施">
        <ErrorAlert error={measures.error} />
        <Space direction="vertical" style={{ width: '100%' }}>
          <Table size="small" rowKey="code" loading={measures.loading} dataSource={measures.data?.measures ?? []} pagination={false}
            locale={{ emptyText: '当前没有适用的激励或约束措施' }}
            columns={[
              { title: '措施', dataIndex: 'title' },
              { title: '类别', dataIndex: 'kind', render: (k: string) => (k === 'incentive' ? <Tag color="green">激励</Tag> : <Tag color="red">约束</Tag>) },
              { title: '事项', dataIndex: 'matterLabel' }, { title: '适用原因', dataIndex: 'because' },
            ]} />
          {!!measures.data?.industryBans.length && (
            <Table size="small" rowKey="id" dataSource={measures.data.industryBans} pagination={false}
              columns={[{ title: '从业禁止人员', dataIndex: 'personName' }, { title: '起', dataIndex: 'fromDate', render: formatDate },
                { title: '止', dataIndex: 'untilDate', render: formatDate }, { title: '原因', dataIndex: 'reason' }]} />
          )}
        </Space>
      </Card>
    </>
  );
}
