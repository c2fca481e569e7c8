import { Alert, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../api/client';
import type { CaseView } from '../../api/types';
import { useMe } from '../../auth/AuthContext';
import { CaseTimeline } from '../../components/CaseTimeline';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LifecycleDiagram } from '../../components/LifecycleDiagram';
import { formatDateTime } from '../../lib/dates';
import { CASE_SOURCES, SEVERITY_COLORS, severityLabel, stageLabel } from '../../lib/labels';
import { useBehaviours, useOffices } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { CaseDeadlines } from './CaseDeadlines';
import { BlockedCaseAlert } from './BlockedCaseAlert';
import { CaseDocumentsPanel } from './CaseDocumentsPanel';
import { CaseTasksPanel } from './CaseTasksPanel';
import { decisionDateText, restsAfter, waitingForWhom } from './caseText';
import { WithdrawButton } from './WithdrawButton';

export default function CasePage() {
  const { caseNo = '' } = useParams();
  const me = useMe();
  const { behaviourTitle } = useBehaviours();
  const { officeName } = useOffices(me.role !== 'institution');
  const view = useAsync(() => get<CaseView>(`/cases/${encodeURIComponent(caseNo)}`), [caseNo]);
  const v = view.data;
  const following = useFollow(v, view.reload);
  if (!v) return view.error ? <ErrorAlert error={view.error} /> : <Spin />;
  const visited = [...new Set(v.history.flatMap((e) => [e.from, e.to]).filter((s): s is string => !!s))];
  const staff = me.role === 'officer' || me.role === 'approver';
  const closed = v.stage === 'CLOSED' || v.stage === 'WITHDRAWN';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>
          案件 {v.caseNo} <Tag color="blue" data-testid="case-stage">{stageLabel(v.stage)}</Tag>
          <Tag color={SEVERITY_COLORS[v.severity]}>{severityLabel(v.severity)}</Tag>
        </Typography.Title>
        {staff && !closed && <WithdrawButton caseNo={v.caseNo} onDone={view.reload} />}
      </Space>
      <ErrorAlert error={view.error} />
      {following.taskId && <Alert type="info" showIcon message="已受理，案件正在转入下一环节…" data-testid="case-following" />}
      {v.blockedReason && (
        <BlockedCaseAlert caseNo={v.caseNo} reason={v.blockedReason} since={v.blockedAt}
          canResume={me.role === 'approver' || me.role === 'admin'} onDone={view.reload} />
      )}
      <Card size="small" title="流程进度">
        <LifecycleDiagram stage={v.stage} visited={visited} waitingFor={v.waitingFor ?? undefined} forWhom={waitingForWhom(v, officeName)} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="案件信息">
              <Descriptions size="small" column={2}>
                <Descriptions.Item label="机构">
                  {staff || me.role === 'manager' || me.role === 'auditor' ? <Link to={`/institutions/${v.uscc}`}>{v.institutionName}</Link> : v.institutionName}
                </Descriptions.Item>
                <Descriptions.Item label="统一社会信用代码">{v.uscc}</Descriptions.Item>
                <Descriptions.Item label="失信行为"><span data-testid="behaviour">{behaviourTitle(v.behaviourCode)}</span></Descriptions.Item>
                <Descriptions.Item label="线索来源">{CASE_SOURCES.find((s) => s.value === v.source)?.label ?? v.source}</Descriptions.Item>
                <Descriptions.Item label="登记时间">{formatDateTime(v.registeredAt)}</Descriptions.Item>
                <Descriptions.Item label="认定日期"><span data-testid="decision-date">{decisionDateText(v)}</span></Descriptions.Item>
                <Descriptions.Item label="事实" span={2}>{v.facts}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title="期限">
              <CaseDeadlines view={v} />
            </Card>
            {staff && (
              <Card size="small" title="待办任务">
                <CaseTasksPanel view={v} me={me} onChanged={view.reload} onCompleted={following.start} />
              </Card>
            )}
            {(staff || me.role === 'manager' || me.role === 'auditor') && (
              <Card size="small" title="文书">
                <CaseDocumentsPanel caseNo={v.caseNo} revision={v.history.length} />
              </Card>
            )}
            {!!v.interviews?.length && (
              <Card size="small" title="约谈">
                <Table
                  size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={v.interviews}
                  columns={[
                    { title: '类型', dataIndex: 'kind', render: (k?: string) => (k === 'warning' ? '警示性约谈' : '提示性约谈') },
                    { title: '时间', dataIndex: 'scheduledAt', render: formatDateTime },
                    { title: '地点', dataIndex: 'place' },
                    { title: '人员', dataIndex: 'attendees', render: (a: string[] | null, r: { plannedAttendees?: string[] }) => (a ?? r.plannedAttendees)?.join('、') },
                    { title: '记录', dataIndex: 'minutes', ellipsis: true },
                  ]}
                />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="办理记录" styles={{ body: { maxHeight: 560, overflow: 'auto' } }}>
            <CaseTimeline events={v.history} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/**
 * After a completion the page reads the case again every second until it rests again (issue #20: the server
 * answers once the completion is accepted and the case told, not once its next task is open), for at most 20 s.
 */
function useFollow(v: CaseView | undefined, reload: () => void) {
  const [taskId, setTaskId] = useState<string | null>(null);
  const tries = useRef(0);
  useEffect(() => {
    if (!taskId || !v) return undefined;
    if (restsAfter(v, taskId) || tries.current >= 20) {
      setTaskId(null);
      return undefined;
    }
    const timer = setTimeout(() => { tries.current++; reload(); }, tries.current ? 1000 : 0);
    return () => clearTimeout(timer);
  }, [taskId, v, reload]);
  return { taskId, start: (id: string) => { tries.current = 0; setTaskId(id); } };
}
