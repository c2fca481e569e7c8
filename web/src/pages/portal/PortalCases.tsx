import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PortalCase, Stage } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { SEVERITY_COLORS, severityLabel, stageLabel } from '../../lib/labels';
import { SubmissionModal } from './SubmissionModal';

// The portal's case answer does not carry these two yet (GET /api/portal/cases, src/portal): until it does, the
// 当前等待 column stays empty and the repair button has no date hint. Drop this type once schema.d.ts has them.
type PortalCaseRow = PortalCase & { waitingFor?: string | null; repairableFrom?: string | null };

/** The institution's own cases; in publicity it may apply for credit repair once the minimum period is over. */
export function PortalCases({ cases, loading, onChanged }: { cases: PortalCaseRow[]; loading: boolean; onChanged: () => void }) {
  const [repairing, setRepairing] = useState<string | null>(null);
  return (
    <>
      <Table<PortalCaseRow>
        rowKey="caseNo" size="small" loading={loading} dataSource={cases} pagination={false}
        locale={{ emptyText: '没有涉及本机构的案件' }}
        columns={[
          { title: '案件', dataIndex: 'caseNo', render: (v: string) => <Link to={`/cases/${v}`}>{v}</Link> },
          { title: '阶段', dataIndex: 'stage', render: (s: Stage) => <Tag>{stageLabel(s)}</Tag> },
          { title: '程度', dataIndex: 'severity', render: (s: PortalCase['severity']) => <Tag color={SEVERITY_COLORS[s]}>{severityLabel(s)}</Tag> },
          { title: '认定日期', dataIndex: 'decisionDate', render: (d: string | null) => (d ? formatDate(d) : '—') },
          { title: '当前等待', dataIndex: 'waitingFor', ellipsis: true },
          {
            title: '操作', key: 'op',
            render: (_, c) => c.stage === 'PUBLICITY' && (
              <Button size="small" onClick={() => setRepairing(c.caseNo)} title={c.repairableFrom ? `可自 ${formatDate(c.repairableFrom)} 起申请` : undefined}>
                申请信用修复
              </Button>
            ),
          },
        ]}
      />
      {repairing && <SubmissionModal kind="repair" caseNo={repairing} open onClose={(sent) => { setRepairing(null); if (sent) onChanged(); }} />}
    </>
  );
}
