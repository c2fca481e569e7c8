import { Card, Col, Row, Statistic } from 'antd';
import { get } from '../../api/client';
import type { CasePage } from '../../api/types';
import { useAsync } from '../../lib/useAsync';
import { reports, type Period } from './reports';

/**
 * The four figures a leader reads first: open cases, cases registered this month (Beijing), overdue tasks in the
 * period (the league table's sum) and overdue rectifications now. A figure that cannot load shows —, never 0.
 */
export function HeadlineFigures({ period, today }: { period: Period; today: string }) {
  const open = useAsync(() => get<CasePage>('/cases', { open: true, pageSize: 1 }), []);
  const month = useAsync(() => get<CasePage>('/cases', { from: `${today.slice(0, 7)}-01`, to: today, pageSize: 1 }), [today]);
  const league = useAsync(() => reports.league(period), [period.from, period.to]);
  const rect = useAsync(reports.rectifications, []);
  const figures = [
    { title: '在办案件', value: open.data?.total, testId: 'headline-open' },
    { title: '本月新登记', value: month.data?.total, testId: 'headline-new' },
    { title: '逾期任务（统计期间）', value: league.data?.offices.reduce((s, o) => s + o.overdueTasks, 0), testId: 'headline-overdue-tasks', danger: true },
    { title: '逾期未整改', value: rect.data?.items.length, testId: 'headline-overdue-rectifications', danger: true },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col key={f.title} xs={12} xl={6}>
          <Card size="small">
            <Statistic title={f.title} value={f.value ?? '—'} data-testid={f.testId}
              valueStyle={f.danger && f.value ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
