interface Waiting<R> {
  key: string;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: callers hand in one key each and wait for its own result, while at most `maxInFlight` flushes
 * run at a time. With little traffic a key is flushed alone at once; under load, keys that arrive while flushes
 * are busy ride together in the next one — batches grow with the load, with no timer and no added latency.
 */
export class GroupCommit<R> {
  private waiting: Waiting<R>[] = [];
  private inFlight = 0;

  constructor(
    private readonly flush: (keys: string[]) => Promise<Map<string, R>>,
    private readonly maxInFlight: number,
    private readonly maxBatch: number,
    private readonly missing: (key: string) => R,
  ) {}

  submit(key: string): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.inFlight++;
      this.flush([...new Set(batch.map((w) => w.key))])
        .then((results) => batch.forEach((w) => w.resolve(results.get(w.key) ?? this.missing(w.key))))
        .catch((err) => batch.forEach((w) => w.reject(err)))
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
