/** A small HTTP client for the suite: JSON in and out, a timeout per request, network failures as status 0. */
export interface Reply<T = any> { status: number; body: T }

export class Api {
  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, token: string | null, body?: unknown, timeoutMs = 20_000): Promise<Reply<T>> {
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
      return { status: res.status, body: parsed as T };
    } catch (err) {
      return { status: 0, body: { code: 'NETWORK', message: (err as Error).message } as T };
    }
  }

  /** `totp`: the account's current code when it has a second factor (every staff account). */
  async login(username: string, password: string, totp?: string): Promise<string> {
    const r = await this.call<{ accessToken: string }>('POST', '/api/auth/login', null, { username, password, totp });
    if (r.status !== 200) throw new Error(`login of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken;
  }
}
