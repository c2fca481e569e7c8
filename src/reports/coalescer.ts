import { performance } from 'node:perf_hooks';

/** How long a finished computation stays available to requests that were made before it started. */
const KEEP_MS = 10_000;
/** Parameter sets remembered at most; the oldest is forgotten first. */
const KEEP_KEYS = 100;

interface Computation<T> {
  startedAt: number;
  result: Promise<T>;
  finishedAt?: number;
}

/**
 * One computation at a time per key (a report's parameter set), shared by every request that asked for it before
 * it started (issue #14: 200 managers opening the dashboard at once made a scan each, and the API's event loop
 * assembled 200 identical answers while `/api/health` waited behind them).
 *
 * No answer is older than its request: a request takes a computation, running or finished, only if it started
 * after the request was made (`askedAt`, stamped by the report gate when the request arrived, before any wait in
 * line). Otherwise it waits for the next computation, which starts as soon as the running one ends and is shared
 * by everyone who arrived meanwhile. So a write followed by a read always sees the write, as without the
 * coalescer; only the number of queries changes: a burst of identical reports, let through the gate four at a time,
 * is two computations, not one per four requests.
 */
export class Coalescer<T> {
  private readonly latest = new Map<string, Computation<T>>();
  private readonly next = new Map<string, Promise<T>>();

  /** `slots` bounds the computations running at once across keys (report-gate.ts REPORT_QUERIES). */
  constructor(private readonly slots?: { acquire(): Promise<void>; release(): void }) {}

  run(key: string, compute: () => Promise<T>, askedAt = performance.now()): Promise<T> {
    const last = this.latest.get(key);
    if (last && last.startedAt >= askedAt) return last.result;
    const queued = this.next.get(key);
    if (queued) return queued;
    if (!last || last.finishedAt !== undefined) return this.start(key, compute);
    const after = last.result.then(() => undefined, () => undefined).then(() => {
      this.next.delete(key);
      return this.start(key, compute);
    });
    this.next.set(key, after);
    return after;
  }

  /** Keys with a computation running or waiting (for tests). */
  get busy(): number {
    return [...this.latest.values()].filter((c) => c.finishedAt === undefined).length + this.next.size;
  }

  private start(key: string, compute: () => Promise<T>): Promise<T> {
    const slots = this.slots;
    const startedAt = performance.now();
    const result = slots ? slots.acquire().then(() => Promise.resolve().then(compute).finally(() => slots.release())) : Promise.resolve().then(compute);
    const entry: Computation<T> = { startedAt, result };
    this.latest.delete(key); // re-inserted last: the map's order is the age order
    this.latest.set(key, entry);
    this.prune(startedAt);
    result.then(() => { entry.finishedAt = performance.now(); }, () => {
      entry.finishedAt = performance.now();
      if (this.latest.get(key) === entry) this.latest.delete(key); // a failure is not handed to anyone else
    });
    return result;
  }

  private prune(now: number): void {
    for (const [key, c] of this.latest) {
      const stale = c.finishedAt !== undefined && now - c.finishedAt > KEEP_MS;
      if (!stale && this.latest.size <= KEEP_KEYS) break;
      if (c.finishedAt !== undefined) this.latest.delete(key);
    }
  }
}
