import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, setUnauthenticatedHandler, tokenStore } from './client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const authOf = (init?: RequestInit) => (init?.headers as Record<string, string> | undefined)?.Authorization;

/** Access tokens live 15 minutes; the console renews them without the clerk noticing, and gives up only when the session is over. */
describe('silent token refresh', () => {
  let fetchMock: ReturnType<typeof vi.fn<(url: string, init?: RequestInit) => Promise<Response>>>;
  let signedOut: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    sessionStorage.clear();
    tokenStore.set({ accessToken: 'old-access', refreshToken: 'refresh-1' });
    fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>();
    vi.stubGlobal('fetch', fetchMock);
    signedOut = vi.fn<() => void>();
    setUnauthenticatedHandler(signedOut);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('renews an expired access token once and repeats the request with the new one', async () => {
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/refresh') return json(200, { accessToken: 'new-access', refreshToken: 'refresh-2', expiresIn: 900, requirements: [] });
      return authOf(init) === 'Bearer new-access' ? json(200, { items: [] }) : json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期' });
    });
    await expect(api('/tasks')).resolves.toEqual({ items: [] });
    expect(tokenStore.get()).toBe('new-access');
    expect(tokenStore.refreshToken()).toBe('refresh-2');
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('shares one refresh between requests that expire together: a refresh token is good for one use', async () => {
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/refresh') {
        await new Promise((r) => setTimeout(r, 20));
        return json(200, { accessToken: 'new-access', refreshToken: 'refresh-2', expiresIn: 900, requirements: [] });
      }
      return authOf(init) === 'Bearer new-access' ? json(200, {}) : json(401, { code: 'TOKEN_EXPIRED', message: '' });
    });
    await Promise.all([api('/tasks'), api('/inbox'), api('/auth/me')]);
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('sends the clerk back to the login page when the session is over', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/auth/refresh' ? json(401, { code: 'SESSION_ENDED', message: '登录已结束' }) : json(401, { code: 'TOKEN_INVALID', message: '' }));
    await expect(api('/tasks')).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('does not try to refresh a failed sign-in', async () => {
    fetchMock.mockResolvedValue(json(401, { code: 'LOGIN_FAILED', message: '用户名或密码错误' }));
    await expect(api('/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(signedOut).not.toHaveBeenCalled();
  });
});
