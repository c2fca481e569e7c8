import { Alert, Card, Descriptions, List, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import { describeError } from '../../api/errors';
import { formatDate } from '../../lib/dates';
import { useAsync } from '../../lib/useAsync';

interface PlanSummary {
  id: string; title: string; year: number; officeName: string | null; institutionTypeLabel: string | null;
  ratios: Record<string, number>; candidateCount: number; targetCount: number; inspectedCount: number; publishedAt: string;
}
interface Result {
  position: number; uscc: string; institutionName: string; grade: string; result: 'pass' | 'fail' | null; resultLabel: string;
  finding: string | null; followUp: string | null; inspectedOn: string | null;
}
interface Plan extends PlanSummary {
  drawProof: { seed: string; digest: string; candidates: { uscc: string; grade: string }[]; inspectorsPerTarget: number; institutionsRedrawn: boolean };
  targets: Result[];
}

const ratios = (r: Record<string, number>) => Object.entries(r).map(([g, v]) => `${g} 级 ${Math.round(v * 100)}%`).join('，');

/**
 * 双随机一公开: the plans the bureau published — scope, ratios by credit grade, the random seed and the proof that
 * the institutions were drawn from it — and the results as they are recorded.
 */
export function InspectionsSection() {
  const plans = useAsync(() => get<{ items: PlanSummary[] }>('/public/inspections'), []);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (id: string) => {
    setError(null);
    try { setPlan(await get<Plan>(`/public/inspections/${id}`)); } catch (e) { setError(describeError(e)); }
  };
  return (
    <Card style={{ marginTop: 24 }} title="双随机一公开：抽查计划与检查结果" data-testid="inspections"
      extra={plan && <a onClick={() => setPlan(null)}>返回计划列表</a>}>
      {error || plans.error ? <Alert type="error" showIcon message={error ?? describeError(plans.error)} role="alert" /> : null}
      {!plan && (
        <List loading={plans.loading} dataSource={plans.data?.items ?? []} locale={{ emptyText: '暂无公开的抽查计划' }}
          renderItem={(p) => (
            <List.Item actions={[<a key="v" onClick={() => open(p.id)}>查看结果</a>]}>
              <List.Item.Meta title={<a onClick={() => open(p.id)}>{p.title}</a>}
                description={`${p.year} 年 · ${[p.officeName, p.institutionTypeLabel].filter(Boolean).join(' · ') || '全区'} · 抽取 ${p.targetCount} 家（候选 ${p.candidateCount} 家），已检查 ${p.inspectedCount} 家`} />
            </List.Item>
          )} />
      )}
      {plan && (
        <>
          <Typography.Title level={5}>{plan.title}</Typography.Title>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="抽查范围">{[plan.officeName, plan.institutionTypeLabel].filter(Boolean).join(' · ') || '全区'}（{plan.year} 年）</Descriptions.Item>
            <Descriptions.Item label="抽取比例">{ratios(plan.ratios)}</Descriptions.Item>
            <Descriptions.Item label="随机种子"><Typography.Text code copyable>{plan.drawProof.seed}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label="抽取证明">
              候选 {plan.drawProof.candidates.length} 家，输入摘要 <Typography.Text code>{plan.drawProof.digest.slice(0, 16)}…</Typography.Text>
              {plan.drawProof.institutionsRedrawn ? <Tag color="green" style={{ marginLeft: 8 }}>用公开种子重新抽取，结果一致</Tag> : <Tag color="red">重新抽取结果不一致</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <Table<Result> rowKey="position" size="small" dataSource={plan.targets} pagination={false}
            columns={[
              { title: '序号', dataIndex: 'position', width: 60 }, { title: '机构', dataIndex: 'institutionName' },
              { title: '检查结果', dataIndex: 'resultLabel', render: (l: string, r) => <Tag color={r.result === 'fail' ? 'red' : r.result ? 'green' : 'default'}>{l}</Tag> },
              { title: '情况说明', dataIndex: 'finding', render: (f: string | null) => f ?? '—' },
              { title: '后续处理', dataIndex: 'followUp', render: (f: string | null) => f ?? '—' },
              { title: '检查日期', dataIndex: 'inspectedOn', render: (d: string | null) => (d ? formatDate(d) : '—') },
            ]} />
        </>
      )}
    </Card>
  );
}
