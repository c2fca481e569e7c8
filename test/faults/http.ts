/**
 * A small HTTP client for the suite: JSON in and out, a timeout per request, network failures as status 0. A
 * connection refused or dropped (an API process killed under it) is retried, as a browser's user would press again;
 * a pooled keep-alive socket to the dead process fails each in turn, so up to four times, 0.3–2.4 s apart. `retried`
 * counts those; only what still fails after them is a failure, and `lost` keeps what it was.
 */
export interface Reply<T = any> { status: number; body: T }

const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed/;

export class Api {
  retried = 0;
  readonly lost: string[] = [];

  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, token: string | null, body?: unknown, timeoutMs = 20_000): Promise<Reply<T>> {
    for (let attempt = 0; ; attempt++) {
      const reply = await this.once<T>(method, path, token, body, timeoutMs);
      const message = String((reply.body as { message?: string }).message);
      if (reply.status !== 0) return reply;
      if (attempt === 4 || !CONNECTION_LOST.test(message)) {
        this.lost.push(`${method} ${path.split('?')[0]}: ${message.trim()}`);
        return reply;
      }
      this.retried++;
      await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
    }
  }

  private async once<T>(method: string, path: string, token: string | null, body: unknown, timeoutMs: number): Promise<Reply<T>> {
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
      // fetch says "fetch failed"; the socket's own error is its cause
      const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
      return { status: 0, body: { code: 'NETWORK', message: `${(err as Error).message} ${cause?.code ?? ''} ${cause?.message ?? ''}` } as T };
    }
  }

  /** `totp`: the account's current code when it has a second factor (every staff account). */
  async login(username: string, password: string, totp?: string): Promise<string> {
    const r = await this.call<{ accessToken: string }>('POST', '/api/auth/login', null, { username, password, totp });
    if (r.status !== 200) throw new Error(`login of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken;
  }
}
