import { HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
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

/**
 * The gate as middleware, so it runs before the guards: a request turned away (or waiting in line) has not yet
 * looked up its session or written an audit row, and takes no connection from the pool (issue #14: the 200
 * refused reports' session checks and audit rows were what kept /api/health waiting). Refusal goes through the
 * global error filter (503 REPORTS_BUSY); the place is given back when the response ends, however it ends.
 */
@Injectable()
export class ReportGateMiddleware implements NestMiddleware {
  async use(_req: Request, res: Response, next: NextFunction): Promise<void> {
    await REPORT_GATE.acquire();
    let held = true;
    const release = () => {
      if (held) REPORT_GATE.release();
      held = false;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  }
}
