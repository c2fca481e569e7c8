import { List, Table, Typography } from 'antd';
import { get } from '../../api/client';
import type { PolicyVersion, UpcomingPolicy } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../lib/useAsync';
import { PolicyEditor } from './PolicyEditor';
import { FIGURES, figureLabel, SEVERITY_LABELS, shown } from './policyFigures';

/**
 * The active policy version: one form with every deadline figure at its value in force (changed values are proposed
 * as a new version after a preview of what changes), the publicity tiers, and the versions published ahead.
 */
export function PolicyView() {
  const p = useAsync(() => get<PolicyVersion>('/policies/active'), []);
  if (!p.data) return <ErrorAlert error={p.error} />;
  const d = p.data.document;
  const publicity = (d.publicity ?? {}) as Record<string, { minMonths: number; maxMonths: number }>;
  return (
    <>
      <Typography.Title level={5}>当前政策版本 {p.data.version}（修改下列参数即起草新版本）</Typography.Title>
      <PolicyEditor key={p.data.version} version={p.data.version} figures={FIGURES} document={d} onPublished={p.reload} />
      <Table size="small" style={{ marginTop: 12 }} pagination={false} rowKey="sev"
        dataSource={Object.entries(publicity).map(([sev, w]) => ({ sev, ...w }))}
        columns={[{ title: '失信程度', dataIndex: 'sev', render: (s: string) => SEVERITY_LABELS[s] ?? s }, { title: '最短公示期（月）', dataIndex: 'minMonths' }, { title: '最长公示期（月）', dataIndex: 'maxMonths' }]} />
      <UpcomingPolicies />
    </>
  );
}

/** Versions published ahead: when each takes effect and what it changes against the version in force. */
function UpcomingPolicies() {
  const u = useAsync(() => get<UpcomingPolicy[]>('/policies/upcoming'), []);
  if (u.error) return <ErrorAlert error={u.error} />;
  return (
    <Table size="small" style={{ marginTop: 12 }} pagination={false} rowKey="version" dataSource={u.data ?? []} loading={!u.data}
      title={() => '待施行的政策版本'} locale={{ emptyText: '没有待施行的版本' }}
      columns={[
        { title: '版本', dataIndex: 'version' },
        { title: '施行日期', dataIndex: 'effectiveFrom' },
        { title: '说明', dataIndex: 'note' },
        { title: '改动', dataIndex: 'changes', render: (changes: UpcomingPolicy['changes']) => (
          <List size="small" dataSource={changes} renderItem={(c) => <List.Item>{figureLabel(c.path)}：{shown(c.before)} → {shown(c.after)}</List.Item>} />
        ) },
      ]} />
  );
}
