import { ApiError } from './client';

/** Codes whose server message is too technical for a clerk, or that have no message at all. */
const PLAIN: Record<string, string> = {
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '您没有办理此事项的权限',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍等一分钟再试',
  INTERNAL_ERROR: '系统暂时出现问题，请稍后重试；如仍不行，请联系系统管理员',
  PAYLOAD_TOO_LARGE: '上传的文件太大，请压缩后重试',
  UNSUPPORTED_MEDIA_TYPE: '不支持该文件格式',
  NOT_FOUND: '要找的内容不存在，可能已被删除',
  CONFLICT: '数据已被他人修改，请刷新页面后重试',
};

const BY_STATUS: Record<number, string> = {
  400: '填写的内容有误，请检查后重试',
  403: PLAIN.FORBIDDEN,
  404: PLAIN.NOT_FOUND,
  409: '当前状态下不能这样办理，请刷新页面查看最新进度',
  429: PLAIN.TOO_MANY_REQUESTS,
};

/** Words a clerk understands for any failure; the server's Chinese message when it has one. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (PLAIN[err.code] && (err.status >= 500 || err.status === 0 || !err.message || /[a-z]{4,}/i.test(err.message))) {
      return PLAIN[err.code];
    }
    if (err.status >= 500) return PLAIN.INTERNAL_ERROR;
    const fields = err.details?.fields ?? [];
    if (fields.length > 1) {
      const rest = [...new Set(fields.map((f) => f.message))].filter((m) => m !== err.message);
      return [err.message, ...rest].filter(Boolean).join('；');
    }
    return err.message || BY_STATUS[err.status] || '操作没有成功，请稍后重试';
  }
  if (err instanceof Error && err.message) return `操作没有成功：${err.message}`;
  return '操作没有成功，请稍后重试';
}
