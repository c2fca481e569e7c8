import { accessReasonFor } from './access-reason';

/** The only way the app talks to the server: same-origin /api, bearer token, errors as ApiError. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { fields?: { field: string; message: string }[] } & Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorBody['details'],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** field → message, for forms that show each message under its own input. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.details?.fields ?? []) out[f.field] ??= f.message;
    return out;
  }
}

/** What sign-in, refresh, a password change and enrolment answer (the API's TokenDto). */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  requirements: string[];
}

// per tab (sessionStorage): each tab signs in on its own and closing it forgets both tokens
const TOKEN_KEY = 'edu-credit.token';
const REFRESH_KEY = 'edu-credit.refresh';
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  refreshToken: () => sessionStorage.getItem(REFRESH_KEY),
  set: (t: Pick<Tokens, 'accessToken' | 'refreshToken'>) => {
    sessionStorage.setItem(TOKEN_KEY, t.accessToken);
    sessionStorage.setItem(REFRESH_KEY, t.refreshToken);
  },
  clear: () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
  },
};

let onUnauthenticated: () => void = () => undefined;
export const setUnauthenticatedHandler = (fn: () => void) => {
  onUnauthenticated = fn;
};

let refreshing: Promise<boolean> | null = null;
/**
 * Trades the refresh token for new tokens, silently, when the access token (15 minutes) has run out. One at a time:
 * the server ends a session whose already-used refresh token comes back, so two calls racing must share one refresh.
 */
export function refreshTokens(): Promise<boolean> {
  const refreshToken = tokenStore.refreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }),
  })
    .then(async (res) => {
      if (!res.ok) return false;
      tokenStore.set((await res.json()) as Tokens);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Ends the session on the server too (the refresh token names it); the tab forgets its tokens either way. */
export function endSession(): void {
  const refreshToken = tokenStore.refreshToken();
  tokenStore.clear();
  if (refreshToken) {
    void fetch('/api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

interface Options {
  method?: string;
  body?: unknown;
  query?: Query;
  form?: FormData;
  /** Recorded by the API's audit log as the reason for reading credit information. */
  reason?: string;
  /** Set on the one retry after a silent refresh. */
  retried?: boolean;
}

export async function api<T>(path: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  const reason = opts.reason ?? accessReasonFor(window.location.pathname);
  if (reason) headers['X-Access-Reason'] = encodeURIComponent(reason);
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(`/api${path}`, opts.query), { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* a proxy's HTML error page: handled below */
  }
  if (!res.ok) {
    const e = (json ?? {}) as Partial<ApiErrorBody>;
    if (res.status === 401 && token && path !== '/auth/login') {
      if (!opts.retried && (await refreshTokens())) return api<T>(path, { ...opts, retried: true });
      onUnauthenticated();
    }
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? '', e.details);
  }
  return json as T;
}

export const get = <T>(path: string, query?: Query) => api<T>(path, { query });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body: body ?? {} });
export const patch = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PATCH', body: body ?? {} });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/** A file the API answers (a PDF, a .docx), fetched with the session's token: browsers send no bearer on a plain link. */
export async function download(path: string, retried = false): Promise<{ blob: Blob; filename: string | null }> {
  const token = tokenStore.get();
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (res.status === 401 && token && !retried && (await refreshTokens())) return download(path, true);
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as Partial<ApiErrorBody>;
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? '', e.details);
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
  return { blob: await res.blob(), filename: name ? decodeURIComponent(name) : null };
}

/** Multipart upload with progress (fetch has no upload progress, XHR does); refreshed and sent again once on a 401. */
export async function upload<T>(path: string, file: File, onProgress?: (percent: number) => void, field = 'file'): Promise<T> {
  try {
    return await uploadOnce<T>(path, file, onProgress, field);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401 || !(await refreshTokens())) throw e;
    return uploadOnce<T>(path, file, onProgress, field);
  }
}

function uploadOnce<T>(path: string, file: File, onProgress?: (percent: number) => void, field = 'file'): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let json: Partial<ApiErrorBody> = {};
      try {
        json = JSON.parse(xhr.responseText || '{}');
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(new ApiError(xhr.status, json.code ?? `HTTP_${xhr.status}`, json.message ?? '', json.details));
    };
    const form = new FormData();
    form.append(field, file);
    xhr.send(form);
  });
}
