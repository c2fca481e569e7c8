import { createServer } from 'node:net';

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** GET http://127.0.0.1:<port>/metrics as Prometheus would, with an optional bearer token. */
export async function scrape(port: number, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text() };
}

/** Polls until the listener answers (a process just spawned), up to `ms`. */
export async function scrapeWhenUp(port: number, token?: string, ms = 60_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await scrape(port, token);
      if (r.status === 200) return r.text;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`no metrics on port ${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The value of one sample in Prometheus text: `name{labels} value`, labels matched as a set (order-free);
 * 0 when the sample is absent (a gauge whose label set has no rows yet).
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v) && Object.keys(have).length === Object.keys(labels).length) return Number(m[3]);
  }
  return 0;
}
