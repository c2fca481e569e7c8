import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { defer, finalize, from, mergeMap, Observable } from 'rxjs';
import { DomainException } from '../common/errors/domain.exception';
import { ReportErrorCode } from './report.errors';

/**
 * At most `active` report queries at once per API process and `waiting` more in line; past that 503 REPORTS_BUSY
 * (with Retry-After, from the error filter). Reports scan every case: 200 of them at once used to hold every
 * connection of the pool, and `/api/health` (and every user's next click) queued behind them for 0.7 s
 * (bench/api-bounds.bench.ts). A gate in the process, not in Redis: it protects this process's pool.
 */
export class Gate {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly active: number, readonly waiting: number) {}

  /** Resolves when the caller may run; throws at once when the line is full. Call `release` when done. */
  acquire(): Promise<void> {
    if (this.running < this.active) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.waiting) {
      throw new DomainException(ReportErrorCode.REPORTS_BUSY, '统计报表查询较多，请稍后几秒再试', HttpStatus.SERVICE_UNAVAILABLE);
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next(); // the place passes straight to the next in line
    else this.running--;
  }
}

/** Four report queries at once keep half the default pool (10) free for everything else; 32 wait at most a few seconds. */
const REPORT_GATE = new Gate(4, 32);

@Injectable()
export class ReportGateInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return defer(() => from(REPORT_GATE.acquire())).pipe(
      mergeMap(() => next.handle().pipe(finalize(() => REPORT_GATE.release()))),
    );
  }
}
