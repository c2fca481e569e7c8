import { vi } from 'vitest';
import { tokenStore } from '../api/client';
import type { Me } from '../api/types';
import { resetLookups } from '../lib/lookups';

/** Answers the console's requests from a table of path → body (query strings ignored); anything else is a 404. */
export function stubApi(routes: Record<string, unknown>) {
  resetLookups();
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const path = url.replace(/^\/api/, '').split('?')[0];
    calls.push(url);
    const known = path in routes;
    return new Response(JSON.stringify(known ? routes[path] : { code: 'NOT_FOUND', message: '未找到' }), {
      status: known ? 200 : 404, headers: { 'Content-Type': 'application/json' },
    });
  }));
  return calls;
}

/** A signed-in user for components under AuthProvider: a token in the store and /auth/me answering `me`. */
export function signedInAs(me: Partial<Me>, routes: Record<string, unknown> = {}) {
  tokenStore.set({ accessToken: 'a', refreshToken: 'r' });
  return stubApi({ '/auth/me': { id: 'u1', username: 'wang', role: 'officer', officeCode: null, uscc: null, requirements: [], totpEnrolled: true, ...me }, ...routes });
}

export const OFFICES = [{ code: 'XWPX', name: '校外培训监管科' }, { code: 'JJK', name: '基础教育科' }];
