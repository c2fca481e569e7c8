import { loadavg } from 'node:os';

/**
 * The one output format every bench shares, so bench/run-all.ts can collect the lines into one table:
 * `name | value | target | met/MISSED` (`—` as status for informational lines).
 */
export function report(name: string, value: string, target: string, met: boolean | null): void {
  console.log(`${name} | ${value} | ${target} | ${met === null ? '—' : met ? 'met' : 'MISSED'}`);
}

/** The 1/5/15-minute load averages: the machine is shared, so every figure goes out with the load it ran under. */
export const loadAverage = (): string => loadavg().map((l) => l.toFixed(2)).join(' / ');

/** Nearest-rank percentile (p in 0..1) of unsorted samples. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Progress for people watching; stderr, so it never mixes with the table lines. */
export const progress = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};

/** Rejects when `ms` pass first, so no phase of a bench can hang. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms); }),
  ]);
}

/** Runs `fn(0..n-1)` with at most `concurrency` in flight; resolves with every result in index order. */
export async function inPool<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, async () => {
    while (next < n) {
      const i = next++;
      results[i] = await fn(i);
    }
  }));
  return results;
}

/** `--name value` from argv, or the default. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a non-negative number`);
  return v;
}

/** Ctrl-C or SIGTERM end the bench through process.exit, so the 'exit' hooks stop its server and worker. */
export function exitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}
