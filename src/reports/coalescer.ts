/**
 * One computation at a time per key (a report's parameter set), shared by every request that asked for it before it
 * started (issue #14: 200 managers opening the dashboard at once made 200 identical scans, and the API's event loop
 * assembled 200 identical answers while `/api/health` waited behind them). Now they make at most two.
 *
 * No answer is older than its request: a request that arrives while a computation runs does not take that one's
 * result, which may have read the database before the request was made; it waits for the next computation, which
 * starts as soon as the running one ends and is shared by everyone who arrived meanwhile. So a write followed by a
 * read always sees the write, as without the coalescer; only the number of queries changes.
 */
export class Coalescer<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly next = new Map<string, Promise<T>>();

  /** `slots` bounds the computations running at once across keys (report-gate.ts REPORT_QUERIES). */
  constructor(private readonly slots?: { acquire(): Promise<void>; release(): void }) {}

  run(key: string, compute: () => Promise<T>): Promise<T> {
    const queued = this.next.get(key);
    if (queued) return queued;
    const current = this.running.get(key);
    if (!current) return this.start(key, compute);
    const after = current.then(() => undefined, () => undefined).then(() => {
      this.next.delete(key);
      return this.start(key, compute);
    });
    this.next.set(key, after);
    return after;
  }

  /** Keys with a computation running or waiting (for tests and metrics). */
  get size(): number {
    return new Set([...this.running.keys(), ...this.next.keys()]).size;
  }

  private start(key: string, compute: () => Promise<T>): Promise<T> {
    const slots = this.slots;
    const result = slots ? slots.acquire().then(() => Promise.resolve().then(compute).finally(() => slots.release())) : Promise.resolve().then(compute);
    this.running.set(key, result);
    const done = () => {
      if (this.running.get(key) === result) this.running.delete(key);
    };
    result.then(done, done);
    return result;
  }
}
