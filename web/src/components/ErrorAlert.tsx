import { Alert, Collapse } from 'antd';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';

/** The machine code, folded away under 详情: a clerk reads the sentence, support asks for what is inside. */
export function ErrorDetails({ code }: { code: string | null }) {
  if (!code) return null;
  return (
    <Collapse ghost size="small" style={{ marginLeft: -16 }}
      items={[{ key: 'd', label: <span style={{ color: '#999', fontSize: 12 }}>详情</span>, children: <span style={{ color: '#999', fontSize: 12 }}>供系统管理员排查：{code}</span> }]} />
  );
}

/** An API failure in plain words; the code stays in a closed 详情 fold for whoever phones the administrator. */
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
      description={title ? <>{describeError(error)}<ErrorDetails code={code} /></> : code ? <ErrorDetails code={code} /> : undefined}
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
