import { Descriptions, List, Table } from 'antd';
import { get } from '../../api/client';
import type { PolicyVersion, UpcomingPolicy } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../lib/useAsync';
import { PolicyEditor } from './PolicyEditor';

const FIGURES: Record<string, string> = {
  investigationDays: '调查期限（工作日）', approvalDays: '审核期限（工作日）', objectionDays: '异议期（工作日）',
  objectionReviewDays: '异议处理（工作日）', publicationDays: '双公示期限（工作日）', rectificationCalendarDays: '整改期限（自然日）',
  reminderInterviewDays: '提示性约谈后期限（工作日）', warningInterviewDays: '警示性约谈后期限（工作日）',
  repairAcceptanceDays: '修复受理（工作日）', repairDecisionDays: '修复决定（工作日）', reminderBeforeDueDays: '到期前提醒（工作日）',
};
const SEV: Record<string, string> = { minor: '轻微', general: '一般', serious: '严重' };

/** The active policy version: every deadline figure and the publicity tiers, read-only here. */
export function PolicyView() {
  const p = useAsync(() => get<PolicyVersion>('/policies/active'), []);
  if (!p.data) return <ErrorAlert error={p.error} />;
  const d = p.data.document;
  const publicity = (d.publicity ?? {}) as Record<string, { minMonths: number; maxMonths: number }>;
  return (
    <>
      <Descriptions size="small" bordered column={2} title={`当前政策版本 ${p.data.version}`}>
        {Object.entries(FIGURES).filter(([k]) => d[k] !== undefined).map(([k, label]) => <Descriptions.Item key={k} label={label}>{String(d[k])}</Descriptions.Item>)}
      </Descriptions>
      <Table size="small" style={{ marginTop: 12 }} pagination={false} rowKey="sev"
        dataSource={Object.entries(publicity).map(([sev, w]) => ({ sev, ...w }))}
        columns={[{ title: '失信程度', dataIndex: 'sev', render: (s: string) => SEV[s] ?? s }, { title: '最短公示期（月）', dataIndex: 'minMonths' }, { title: '最长公示期（月）', dataIndex: 'maxMonths' }]} />
      <UpcomingPolicies />
      <PolicyEditor key={p.data.version} figures={FIGURES} document={d} onPublished={p.reload} />
    </>
  );
}

/** Versions published ahead: when each takes effect and what it changes against the version in force. */
function UpcomingPolicies() {
  const u = useAsync(() => get<UpcomingPolicy[]>('/policies/upcoming'), []);
  if (u.error) return <ErrorAlert error={u.error} />;
  const label = (path: string) => FIGURES[path] ?? path.replace(/^publicity\.(\w+)\.(min|max)Months$/, (_, s: string, m: string) => `${SEV[s] ?? s}失信${m === 'min' ? '最短' : '最长'}公示期（月）`);
  return (
    <Table size="small" style={{ marginTop: 12 }} pagination={false} rowKey="version" dataSource={u.data ?? []} loading={!u.data}
      title={() => '待施行的政策版本'} locale={{ emptyText: '没有待施行的版本' }}
      columns={[
        { title: '版本', dataIndex: 'version' },
        { title: '施行日期', dataIndex: 'effectiveFrom' },
        { title: '说明', dataIndex: 'note' },
        { title: '改动', dataIndex: 'changes', render: (changes: UpcomingPolicy['changes']) => (
          <List size="small" dataSource={changes} renderItem={(c) => <List.Item>{label(c.path)}：{shown(c.before)} → {shown(c.after)}</List.Item>} />
        ) },
      ]} />
  );
}

const shown = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean));
