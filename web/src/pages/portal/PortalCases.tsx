import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PortalCase, Stage } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { SEVERITY_COLORS, severityLabel, stageLabel } from '../../lib/labels';
import { useBehaviours } from '../../lib/lookups';
import { SubmissionModal, type SubmissionKind } from './SubmissionModal';

// The portal's case answer does not carry these two yet (GET /api/portal/cases, src/portal, being restructured by
// others): until it does, 当前等待 is worded here from the stage. Drop this type once schema.d.ts has them.
type PortalCaseRow = PortalCase & { waitingFor?: string | null; repairableFrom?: string | null };

/** What the case waits for, from the institution's side: its own answer, or the bureau. */
export function portalWaitingFor(c: PortalCaseRow): string {
  if (c.waitingFor) return c.waitingFor;
  if (c.stage === 'OBJECTION_WINDOW') return '可在异议期内提出异议（不提出则期满后认定）';
  if (c.stage === 'RECTIFICATION') return '等待本机构按期提交整改报告';
  if (c.stage === 'PUBLICITY') return '公示中，满最短公示期后可申请信用修复';
  if (c.stage === 'CLOSED' || c.stage === 'WITHDRAWN') return '—';
  return `教育局办理中（${stageLabel(c.stage)}）`;
}

const ACTIONS: Partial<Record<Stage, { kind: SubmissionKind; label: string }>> = {
  OBJECTION_WINDOW: { kind: 'objection', label: '提出异议' },
  RECTIFICATION: { kind: 'rectification', label: '提交整改报告' },
  PUBLICITY: { kind: 'repair', label: '申请信用修复' },
};

/** The institution's own cases; in publicity it may apply for credit repair once the minimum period is over. */
export function PortalCases({ cases, loading, onChanged }: { cases: PortalCaseRow[]; loading: boolean; onChanged: () => void }) {
  const [active, setActive] = useState<{ caseNo: string; kind: SubmissionKind } | null>(null);
  const { behaviourTitle } = useBehaviours();
  return (
    <>
      <Table<PortalCaseRow>
        rowKey="caseNo" size="small" loading={loading} dataSource={cases} pagination={false}
        locale={{ emptyText: '没有涉及本机构的案件' }}
        columns={[
          { title: '案件', dataIndex: 'caseNo', render: (v: string) => <Link to={`/portal/cases/${v}`}>{v}</Link> },
          { title: '失信行为', dataIndex: 'behaviourCode', ellipsis: true, render: behaviourTitle },
          { title: '阶段', dataIndex: 'stage', render: (s: Stage) => <Tag>{stageLabel(s)}</Tag> },
          { title: '程度', dataIndex: 'severity', render: (s: PortalCase['severity']) => (s ? <Tag color={SEVERITY_COLORS[s]}>{severityLabel(s)}</Tag> : '—') },
          { title: '首次送达', dataIndex: 'firstServedOn', render: (d: string) => formatDate(d) },
          { title: '认定日期', dataIndex: 'decisionDate', render: (d: string | null) => (d ? formatDate(d) : '—') },
          { title: '当前等待', key: 'waiting', ellipsis: true, render: (_, c) => portalWaitingFor(c) },
          {
            title: '操作', key: 'op',
            render: (_, c) => {
              const a = ACTIONS[c.stage];
              if (!a) return <Link to={`/portal/cases/${c.caseNo}`}>查看</Link>;
              return (
                <Button size="small" onClick={() => setActive({ caseNo: c.caseNo, kind: a.kind })}
                  title={a.kind === 'repair' && c.repairableFrom ? `可自 ${formatDate(c.repairableFrom)} 起申请` : undefined}>
                  {a.label}
                </Button>
              );
            },
          },
        ]}
      />
      {active && <SubmissionModal kind={active.kind} caseNo={active.caseNo} open onClose={(sent) => { setActive(null); if (sent) onChanged(); }} />}
    </>
  );
}
