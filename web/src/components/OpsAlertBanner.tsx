import { Alert, Space, Typography } from 'antd';
import { get } from '../api/client';
import type { OpsAlert } from '../api/types';
import { useAsync } from '../lib/useAsync';

/**
 * What the administrator must act on now (GET /api/ops/alerts): one banner per alert, saying what is wrong and
 * what to do. Shown to administrators only; a failure to load shows nothing rather than block the page.
 */
export function OpsAlertBanner() {
  const { data } = useAsync(() => get<OpsAlert[]>('/ops/alerts'), []);
  if (!data?.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="ops-alerts">
      {data.map((a) => (
        <Alert
          key={a.code}
          type={a.severity === 'critical' ? 'error' : 'warning'}
          showIcon
          message={a.title}
          description={(
            <>
              <div>{a.detail}</div>
              {a.items.length > 0 && <Typography.Text type="secondary">涉及：{a.items.join('、')}{a.count > a.items.length ? ` 等 ${a.count} 项` : ''}</Typography.Text>}
              <div><Typography.Text strong>处置：</Typography.Text>{a.action}</div>
            </>
          )}
        />
      ))}
    </Space>
  );
}
