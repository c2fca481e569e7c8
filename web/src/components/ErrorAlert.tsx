import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';

/** An API failure in plain words; the code stays small for whoever phones the administrator. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const code = error instanceof ApiError && error.status > 0 ? error.code : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={title ?? describeError(error)}
      description={title ? describeError(error) : code ? <span style={{ color: '#999', fontSize: 12 }}>错误代码：{code}</span> : undefined}
    />
  );
}

/** A screen whose API has not been deployed yet answers 404 on its route: say so instead of “not found”. */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && (error.code === 'NOT_FOUND' || error.code === 'HTTP_404');
}

export function PendingFeature({ what }: { what: string }) {
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`${what}功能正在上线中，暂时无法使用`} description="服务端接口尚未部署，请稍后再试。" />;
}
