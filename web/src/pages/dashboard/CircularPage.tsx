import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday, formatDate } from '../../lib/dates';
import { useBureauName } from '../../lib/lookups';
import { useAsync } from '../../lib/useAsync';
import { LeagueTable } from './LeaguePanel';
import { reports } from './reports';

/** A printable 通报: the league table of the period with the offices that must improve named. */
export default function CircularPage() {
  const [params] = useSearchParams();
  const today = beijingToday();
  const bureau = useBureauName();
  const period = { from: params.get('from') ?? `${today.slice(0, 4)}-01-01`, to: params.get('to') ?? today };
  const data = useAsync(() => reports.league(period), [period.from, period.to]);
  const rows = data.data?.offices ?? [];
  const named = rows.filter((r) => r.total > 0).slice(0, 3);
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
      </Space>
      <ErrorAlert error={data.error} />
      <Typography.Title level={2} style={{ textAlign: 'center', color: '#cf1322' }}>关于信用信息归集公示工作情况的通报</Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }}>{bureau} · {formatDate(today)}</Typography.Paragraph>
      <Typography.Paragraph>
        根据本局《教育领域信用监管示范项目实施方案》，现将 {formatDate(period.from)} 至 {formatDate(period.to)} 各科室行政许可、行政处罚信息“双公示”、
        信用信息共享报送、信用审查及失信案件办理情况通报如下。
      </Typography.Paragraph>
      <LeagueTable rows={rows} loading={data.loading} />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {named.length
          ? <>{named.map((r) => r.officeName).join('、')}存在逾期或未按要求公示、报送、审查的情况，请于 5 个工作日内完成整改并书面报告。</>
          : '本期各科室均按要求完成信用信息公示、报送和审查工作，予以通报表扬。'}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 48 }}>{bureau}办公室<br />{formatDate(today)}</Typography.Paragraph>
    </div>
  );
}
