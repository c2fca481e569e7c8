import { Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert, isMissingEndpoint, PendingFeature } from '../../components/ErrorAlert';

/** A dashboard card: its chart and table, an export button, and a clear word when its data could not load. */
export function Panel({ title, extra, error, loading, children, what }: {
  title: string; extra?: ReactNode; error?: unknown; loading?: boolean; children: ReactNode; what: string;
}) {
  return (
    <Card size="small" title={title} extra={<Space className="no-print">{extra}</Space>} loading={loading} style={{ height: '100%' }}>
      {error ? isMissingEndpoint(error) ? <PendingFeature what={what} /> : <ErrorAlert error={error} /> : children}
    </Card>
  );
}
