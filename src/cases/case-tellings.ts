import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, EntityManager } from 'typeorm';
import { CaseGateway, Telling } from './case-gateway';

/** How long the process that wrote a telling has to send it itself before a relay takes the row. */
export const TELL_LEASE_MS = 10_000;
const SWEEP_EVERY_MS = 2_000;
const BATCH = 100;
/** One telling's limit: Temporal unreachable fails it here instead of after the client's own retries (~20 s). */
const TELL_WITHIN_MS = 5_000;
/** How long a stopping API waits for the tellings it started; what is left, a sweep tells. */
const STOP_WAIT_MS = 5_000;

interface Held { id: string; case_no: string; telling: Telling }

const subjectOf = (t: Telling): string => (t.signal === 'taskCompleted' ? t.payload.taskId : t.payload.deadlineId);

/**
 * What the API accepted for a case, told to it (issue #20): a task's completion in the worklist, an institution's
 * answer to a deadline in the portal. It is committed together with a row here; once committed, the API tells the
 * case by a signal and deletes the row, and the person is answered without waiting for that signal. A row still here
 * after TELL_LEASE_MS (the API died, Temporal did not answer, or answered with an error although the signal arrived)
 * is told again by any API process's sweep, with back-off, until the case has it; the case takes each once, so a
 * second telling changes nothing (runtime/handlers.ts), and an answer told after its deadline's end counts as of when
 * it was given (runtime/institution-deadlines.ts `lapse`). So nothing is committed without its case hearing of it,
 * and nothing told without being committed. A case that has ended cannot be told: its row is kept with `failed_at`
 * and logged for the administrator (docs/operations.md).
 */
@Injectable()
export class CaseTellings implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CaseTellings.name);
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

  /** In the transaction that accepted it: the case is to be told this once the transaction commits. */
  async hold(m: EntityManager, caseNo: string, t: Telling): Promise<string> {
    const [row] = await m.query(
      // the lease from now, not from the transaction's start (which may have waited for a row's lock)
      `INSERT INTO case_tellings (case_no, signal, subject_id, payload, next_at)
       VALUES ($1, $2, $3, $4, clock_timestamp() + make_interval(secs => $5::float8 / 1000))
       RETURNING id`, [caseNo, t.signal, subjectOf(t), t.payload, TELL_LEASE_MS]);
    return String(row.id);
  }

  /** After the commit: tells the case now, in the background; a failure is left to the sweep. */
  tellSoon(id: string, caseNo: string, t: Telling): void {
    const telling = this.tell({ id, case_no: caseNo, telling: t })
      .catch((err: Error) => this.logger.warn({ err: err.message, caseNo, signal: t.signal, subject: subjectOf(t) }, 'not told yet; the sweep tells it'))
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
        `UPDATE case_tellings SET attempts = attempts + 1,
                next_at = now() + least(interval '60 seconds', interval '2 seconds' * power(2, attempts))
          WHERE id IN (SELECT id FROM case_tellings WHERE next_at <= now() AND failed_at IS NULL
                        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, case_no, json_build_object('signal', signal, 'payload', payload) AS telling`);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'cannot read the completions to tell; the next sweep retries');
      return 0;
    }
    for (const row of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
      try {
        await this.tell(row);
      } catch (err) {
        await this.ds.query(`UPDATE case_tellings SET last_error = $2 WHERE id = $1`, [row.id, (err as Error).message.slice(0, 500)])
          .catch(() => undefined);
        this.logger.warn({ err: (err as Error).message, caseNo: row.case_no, signal: row.telling.signal }, 'not told; retried later');
        break;
      }
    }
    return rows.length;
  }

  private async tell(row: Held): Promise<void> {
    try {
      await this.gateway.tell(row.case_no, row.telling, TELL_WITHIN_MS);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      // the case ended (a withdrawal, say) between the commit and the telling: nothing is lost, but the task or
      // deadline row says done for a case that never heard of it; kept for the administrator (docs/operations.md)
      await this.ds.query(`UPDATE case_tellings SET failed_at = now(), last_error = $2 WHERE id = $1`, [row.id, 'case has ended']);
      this.logger.warn({ caseNo: row.case_no, signal: row.telling.signal, subject: subjectOf(row.telling) },
        'accepted for a case that has ended; kept in case_tellings');
      return;
    }
    await this.ds.query(`DELETE FROM case_tellings WHERE id = $1`, [row.id]);
  }
}
