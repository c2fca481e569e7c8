import { Card, List, Space, Statistic, Tag, Typography } from 'antd';
import type { Evaluation } from '../api/types';
import { formatDate } from '../lib/dates';

const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'cyan', C: 'gold', D: 'orange', E: 'red' };

/** Score and grade with the rules that held it down and the records that moved it, so an institution can see why. */
export function GradeCard({ evaluation }: { evaluation: Evaluation }) {
  const reasons = evaluation.contributions.filter((c) => c.points !== 0);
  return (
    <Card size="small" title={`信用评价（截至 ${formatDate(evaluation.asOf)}）`}>
      <Space size="large" align="start" wrap>
        <Statistic title="信用等级" valueRender={() => <Tag color={GRADE_COLORS[evaluation.grade]} style={{ fontSize: 24, padding: '4px 12px' }} data-testid="grade">{evaluation.grade}</Tag>} />
        <Statistic title="信用分" value={evaluation.score} suffix={`/ ${evaluation.base}`} />
        <Statistic title="扣分" value={evaluation.deductions} valueStyle={{ color: evaluation.deductions ? '#cf1322' : undefined }} />
        <Statistic title="加分" value={evaluation.bonuses} valueStyle={{ color: evaluation.bonuses ? '#389e0d' : undefined }} />
      </Space>
      {evaluation.caps.length > 0 && (
        <>
          <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>
            等级限制（按得分应为 {evaluation.scoreGrade} 级）
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={evaluation.caps}
            renderItem={(c) => (
              <List.Item data-testid="grade-cap">
                <Space direction="vertical" size={0}>
                  <span><Tag color={GRADE_COLORS[c.grade]}>最高 {c.grade} 级</Tag>{c.because}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{c.source}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>计分原因</Typography.Paragraph>
      <List
        size="small"
        dataSource={reasons}
        locale={{ emptyText: '没有影响得分的记录' }}
        renderItem={(c) => (
          <List.Item>
            <span>{formatDate(c.decisionDate)} {c.title}</span>
            <Typography.Text type={c.points < 0 ? 'danger' : 'success'}>{c.points > 0 ? `+${c.points}` : c.points} 分</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
