import { Col, DatePicker, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { beijingToday } from '../../lib/dates';
import { CoveragePanel } from './CoveragePanel';
import { GradePanel } from './GradePanel';
import { HeadlineFigures } from './HeadlineFigures';
import { LeaguePanel } from './LeaguePanel';
import { PublicityPanel } from './PublicityPanel';
import { RectificationPanel } from './RectificationPanel';
import type { Period } from './reports';

/** 领导看板: four headline figures, overdue rectifications, 双公示 timeliness, grades, credit-review coverage, the office league table. */
export default function DashboardPage() {
  const today = beijingToday();
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>领导看板</Typography.Title>
        <Space>
          统计期间
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            onChange={(v) => v?.[0] && v[1] && setPeriod({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
          />
        </Space>
      </Space>
      <HeadlineFigures period={period} today={today} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><RectificationPanel /></Col>
        <Col xs={24} xl={12}><PublicityPanel /></Col>
        <Col xs={24} xl={12}><GradePanel /></Col>
        <Col xs={24} xl={12}><CoveragePanel period={period} /></Col>
        <Col span={24}><LeaguePanel period={period} /></Col>
      </Row>
    </Space>
  );
}
