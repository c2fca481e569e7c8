import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, EntityManager } from 'typeorm';
import { CaseGateway } from '../cases/case-gateway';
import type { TaskCompleted } from '../../workflows/contracts';

/** How long the process that wrote a completion has to tell the case itself before a relay takes the row. */
export const TELL_LEASE_MS = 10_000;
const SWEEP_EVERY_MS = 2_000;
const BATCH = 100;
/** One telling's limit: Temporal unreachable fails it here instead of after the client's own retries (~20 s). */
const TELL_WITHIN_MS = 5_000;
/** How long a stopping API waits for the tellings it started; what is left, a sweep tells. */
const STOP_WAIT_MS = 5_000;

interface Held { id: string; case_no: string; payload: TaskCompleted }

/**
 * The completions the worklist accepted, told to their cases (issue #20). A completion is committed together with
 * a row here; once committed, the API tells the case by a signal and deletes the row, and the person is answered
 * without waiting for that signal. A row still here after TELL_LEASE_MS (the API died, Temporal did not answer, or
 * answered with an error although the signal arrived) is told again by any API process's sweep, with back-off, until
 * the case has it; the case takes a completion once, so a second telling changes nothing (runtime/handlers.ts).
 * So a completion is never committed without its case hearing of it, and never told without being committed.
 * A case that has ended cannot be told: its row is kept with `failed_at` and logged for the administrator.
 */
@Injectable()
export class ToldCompletions implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ToldCompletions.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;
  /** Tellings started after a commit and not finished: a stopping API finishes them rather than leave them to a sweep. */
  private readonly telling = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly gateway: CaseGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.race([Promise.all([this.sweeping, ...this.telling]), new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
  }

  /** In the completion's transaction: the case is to be told this once the transaction commits. */
  async hold(m: EntityManager, caseNo: string, done: TaskCompleted): Promise<string> {
    const [row] = await m.query(
      // the lease from now, not from the transaction's start (which may have waited for the task's lock)
      `INSERT INTO told_completions (case_no, task_id, payload, next_at) VALUES ($1, $2, $3, clock_timestamp() + make_interval(secs => $4::float8 / 1000))
       RETURNING id`, [caseNo, done.taskId, done, TELL_LEASE_MS]);
    return String(row.id);
  }

  /** After the commit: tells the case now, in the background; a failure is left to the sweep. */
  tellSoon(id: string, caseNo: string, done: TaskCompleted): void {
    const telling = this.tell({ id, case_no: caseNo, payload: done })
      .catch((err: Error) => this.logger.warn({ err: err.message, caseNo, taskId: done.taskId }, 'completion not told yet; the sweep tells it'))
      .finally(() => this.telling.delete(telling));
    this.telling.add(telling);
  }

  /**
   * Tells every row whose lease has run out, oldest first, each taken with SKIP LOCKED and its next turn moved on
   * (2, 4, 8 … 60 s) before it is told, so two sweeps do not take the same row at once (a telling slower than its
   * turn may meet another; the case takes a completion once). Stops at the first telling Temporal fails: the rest
   * wait for their next turn rather than each for its own time limit. Answers how many rows it took.
   */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => { this.sweeping = null; });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    let rows: Held[];
    try {
      // TypeORM answers an UPDATE … RETURNING as [rows, count]
      [rows] = await this.ds.query(
        `UPDATE told_completions SET attempts = attempts + 1,
                next_at = now() + least(interval '60 seconds', interval '2 seconds' * power(2, attempts))
          WHERE id IN (SELECT id FROM told_completions WHERE next_at <= now() AND failed_at IS NULL
                        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, case_no, payload`);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'cannot read the completions to tell; the next sweep retries');
      return 0;
    }
    for (const row of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
      try {
        await this.tell(row);
      } catch (err) {
        await this.ds.query(`UPDATE told_completions SET last_error = $2 WHERE id = $1`, [row.id, (err as Error).message.slice(0, 500)])
          .catch(() => undefined);
        this.logger.warn({ err: (err as Error).message, caseNo: row.case_no }, 'completion not told; retried later');
        break;
      }
    }
    return rows.length;
  }

  private async tell(row: Held): Promise<void> {
    try {
      await this.gateway.tellCompleted(row.case_no, row.payload, TELL_WITHIN_MS);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      // the case ended (a withdrawal, say) between the completion's commit and its telling: nothing is lost, but the
      // task row says completed for a case that never heard of it; kept for the administrator (docs/operations.md)
      await this.ds.query(`UPDATE told_completions SET failed_at = now(), last_error = $2 WHERE id = $1`, [row.id, 'case has ended']);
      this.logger.warn({ caseNo: row.case_no, taskId: row.payload.taskId }, 'a completion was accepted for a case that has ended; kept in told_completions');
      return;
    }
    await this.ds.query(`DELETE FROM told_completions WHERE id = $1`, [row.id]);
  }
}
