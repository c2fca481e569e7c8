import { outsideWriteLane } from './write-lane';

/**
 * Writes rows in groups, one statement and one commit for each group (issue #20): rows that arrive while a group is
 * being written go together in the next. When nothing is being written a row goes at once, so a quiet API waits no
 * longer than before; a busy one makes one commit, one WAL flush, for many rows. Under load an audit row per read
 * was a commit per read, and PostgreSQL spent its time waiting on WAL flushes (bench/RESULTS.md).
 *
 * Each caller's promise settles once its own row is durable or refused. A group that fails is written again row by
 * row, so one bad row (a value too long for its column) fails its own caller, not everyone who wrote with it.
 */
export class GroupedWrites<T> {
  private waiting: { row: T; settle: (err?: Error) => void }[] = [];
  private writing = false;

  /**
   * `rowByRow` says whether a failed group is worth writing again row by row: for a refused value, yes; for a lost
   * connection or a database that is down, no — every row would fail again, one after the other, while the rows
   * behind them wait (and a group that did commit before its connection dropped would be written twice).
   */
  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxRows = 200,
    private readonly rowByRow: (err: unknown) => boolean = () => true,
  ) {}

  add(row: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, settle: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!this.writing) void outsideWriteLane(() => this.drain()); // shared by every caller, so no caller's lane
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length) {
        const group = this.waiting.splice(0, this.maxRows);
        try {
          await this.write(group.map((g) => g.row));
          group.forEach((g) => g.settle());
        } catch (err) {
          if (group.length === 1 || !this.rowByRow(err)) group.forEach((g) => g.settle(asError(err)));
          else for (const g of group) await this.write([g.row]).then(() => g.settle(), (e: unknown) => g.settle(asError(e)));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
