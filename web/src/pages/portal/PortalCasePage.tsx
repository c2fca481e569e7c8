import { App, Button, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { download, get } from '../../api/client';
import { describeError } from '../../api/errors';
import type { PortalCaseDocument, PortalCaseView } from '../../api/types';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { DeadlineDocument } from '../../components/DeadlineDocument';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LifecycleDiagram } from '../../components/LifecycleDiagram';
import { formatDate, formatDateTime } from '../../lib/dates';
import { SEVERITY_COLORS } from '../../lib/labels';
import { useAsync } from '../../lib/useAsync';
import { openPdf } from '../../lib/files';
import { SubmissionModal, type SubmissionKind } from './SubmissionModal';

type Deadline = PortalCaseView['deadlines'][number];
const ANSWER: Record<string, { kind: SubmissionKind; label: string }> = {
  objection: { kind: 'objection', label: '提出异议' }, rectification: { kind: 'rectification', label: '提交整改报告' },
};

/**
 * 本机构案件: the case as addressed to the institution (GET /api/portal/cases/:caseNo) — documents served on it,
 * its deadlines, its submissions and receipts. The bureau's own record (tasks, who handled it, opinions) is not here.
 */
export default function PortalCasePage() {
  const { caseNo = '' } = useParams();
  const { message } = App.useApp();
  const [answering, setAnswering] = useState<SubmissionKind | null>(null);
  const view = useAsync(() => get<PortalCaseView>(`/portal/cases/${encodeURIComponent(caseNo)}`), [caseNo]);
  const v = view.data;
  if (!v) return view.error ? <ErrorAlert error={view.error} /> : <Spin />;
  // the download counts as the institution's opening of the document (proof of receipt, not the service date)
  const open = (d: PortalCaseDocument) => download(d.downloadUrl.replace(/^\/api/, '')).then(({ blob }) => {
    openPdf(blob);
    view.reload();
  }).catch((e: unknown) => message.error(describeError(e)));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>
        案件 {v.caseNo} <Tag color="blue" data-testid="case-stage">{v.stageLabel}</Tag>
        {v.severity && <Tag color={SEVERITY_COLORS[v.severity]}>{v.severityLabel}</Tag>}
      </Typography.Title>
      <Card size="small" title="流程进度">
        <LifecycleDiagram stage={v.stage} visited={v.milestones.map((m) => m.stage)} waitingFor={v.waitingFor ?? undefined} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="案件信息">
              <Descriptions size="small" column={2}>
                <Descriptions.Item label="机构">{v.institutionName}</Descriptions.Item>
                <Descriptions.Item label="统一社会信用代码">{v.uscc}</Descriptions.Item>
                <Descriptions.Item label="失信行为" span={2}><span data-testid="behaviour">{v.behaviourTitle}</span></Descriptions.Item>
                <Descriptions.Item label="首次送达"><span data-testid="first-served">{formatDate(v.firstServedOn)}</span></Descriptions.Item>
                <Descriptions.Item label="认定日期">{v.decisionDate ? formatDate(v.decisionDate) : '尚未认定'}</Descriptions.Item>
                <Descriptions.Item label="公示截止">{v.publicityUntil ? formatDate(v.publicityUntil) : '—'}</Descriptions.Item>
                <Descriptions.Item label="可申请信用修复">{v.repairableFrom ? `${formatDate(v.repairableFrom)} 起` : '—'}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title="送达本机构的文书">
              <Table<PortalCaseDocument>
                size="small" pagination={false} rowKey="id" dataSource={v.documents} data-testid="portal-case-documents"
                locale={{ emptyText: '尚无送达本机构的文书' }}
                columns={[
                  { title: '文号', dataIndex: 'docNo' },
                  { title: '文书', dataIndex: 'title' },
                  { title: '签发', dataIndex: 'issuedOn', render: (d: string | null) => (d ? formatDate(d) : '') },
                  { title: '送达', dataIndex: 'servedOn', render: (d: string | null, r) => (d ? `${r.serviceMethodLabel ?? ''} ${formatDate(d)}` : <Tag color="orange">待送达</Tag>) },
                  { title: '', key: 'open', render: (_, r) => <Button type="link" size="small" onClick={() => void open(r)}>查看PDF</Button> },
                ]}
              />
            </Card>
            <Card size="small" title="本机构提交的材料">
              <Table
                size="small" pagination={false} rowKey="receiptNo" dataSource={v.submissions} locale={{ emptyText: '尚未提交过材料' }}
                columns={[
                  { title: '回执号', dataIndex: 'receiptNo' },
                  { title: '材料', dataIndex: 'kindLabel' },
                  { title: '收到时间', dataIndex: 'submittedAt', render: formatDateTime },
                  { title: '附件', dataIndex: 'files', render: (n: number) => (n ? `${n} 份` : '—') },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="本机构的期限">
              <Table<Deadline>
                size="small" pagination={false} rowKey={(d) => `${d.kind}-${d.round}`} dataSource={v.deadlines} locale={{ emptyText: '没有需要本机构答复的期限' }}
                columns={[
                  { title: '事项', dataIndex: 'kindLabel' },
                  { title: '依据文书', dataIndex: 'documentNo', render: (no: string | null, d) => <DeadlineDocument documentNo={no} documentTitle={d.documentTitle} servedOn={d.servedOn} /> },
                  { title: '截止', dataIndex: 'dueDate', render: (_, d) => <DeadlineCountdown dueDate={d.dueDate} workingDaysLeft={d.workingDaysLeft ?? undefined} done={d.status !== 'open'} /> },
                  { title: '状态', dataIndex: 'statusLabel' },
                  {
                    title: '', key: 'op',
                    render: (_, d) => d.status === 'open' && ANSWER[d.kind] && (
                      <Button type="primary" size="small" onClick={() => setAnswering(ANSWER[d.kind].kind)}>{ANSWER[d.kind].label}</Button>
                    ),
                  },
                ]}
              />
            </Card>
            {!!v.interviews.length && (
              <Card size="small" title="约谈">
                {v.interviews.map((i) => (
                  <div key={i.round}>{i.kindLabel}：{formatDateTime(i.scheduledAt)}，{i.place}{i.status === 'held' ? '（已举行）' : ''}</div>
                ))}
              </Card>
            )}
            {v.publicText && (
              <Card size="small" title="经审核的公示文本">
                <Descriptions size="small" column={1}>
                  {Object.entries(v.publicText.fields).map(([k, text]) => <Descriptions.Item key={k} label={k}>{text}</Descriptions.Item>)}
                </Descriptions>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      {answering && <SubmissionModal kind={answering} caseNo={v.caseNo} open onClose={(sent) => { setAnswering(null); if (sent) view.reload(); }} />}
    </Space>
  );
}
