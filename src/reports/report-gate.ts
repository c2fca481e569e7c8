import { randomUUID } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainException } from '../common/errors/domain.exception';
import { ReportErrorCode } from './report.errors';

const BUSY_MESSAGE = '统计报表查询较多，请稍后几秒再试';

/**
 * At most `active` at once and `waiting` more in line; past that 503 REPORTS_BUSY with Retry-After. Reports scan every case: 200 of them at once used to hold every connection of the pool, and
 * `/api/health` (and every user's next click) queued behind them (bench/api-bounds.bench.ts). A gate in the
 * process, not in Redis: it protects this process's pool and event loop.
 */
export class Gate {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly active: number, readonly waiting: number) {}

  /** Resolves when the caller may run; null at once when the line is full. Call `release` when done. */
  tryAcquire(): Promise<void> | null {
    if (this.running < this.active) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.waiting) return null;
    return new Promise((resolve) => this.queue.push(resolve));
  }

  /** As `tryAcquire`, throwing REPORTS_BUSY when the line is full. */
  acquire(): Promise<void> {
    const place = this.tryAcquire();
    if (!place) throw new DomainException(ReportErrorCode.REPORTS_BUSY, BUSY_MESSAGE, HttpStatus.SERVICE_UNAVAILABLE);
    return place;
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next(); // the place passes straight to the next in line
    else this.running--;
  }
}

/**
 * Four report requests at once per process and 32 in line; the rest are turned away at once. Requests in line wait
 * for a place, not for a query: they take the answer of a computation that started after they arrived
 * (coalescer.ts), so the line drains quickly and a burst of identical reports is two computations.
 */
const REPORT_GATE = new Gate(4, 32);
/** Report and statistics queries running at once per process, whatever their parameters. */
export const REPORT_QUERIES = new Gate(4, Number.MAX_SAFE_INTEGER);
type AskedRequest = Request & { askedAt?: number };

/** When the request reached the gate, before any wait in line: the earliest a computation may start to answer it. */
export const askedAt = (req: Request): number => (req as AskedRequest).askedAt ?? performance.now();

/** Where the gate stands: every route of these controllers (src/bootstrap-app.ts mounts it). */
export const GATED_PATHS = ['/api/reports', '/api/statistics'];

const BUSY_BODY = Buffer.from(JSON.stringify({ code: ReportErrorCode.REPORTS_BUSY, message: BUSY_MESSAGE }));
/** As the error filter answers a 503 (src/common/errors/all-exceptions.filter.ts), without the work of getting there. */
const BUSY_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(BUSY_BODY.length), 'Retry-After': '5',
  'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
};

/**
 * The gate as the first handler of the app, before the request log, the security headers, the body parsers and
 * Nest's guards (issue #14): a request turned away has not looked up its session, written an audit row or taken a
 * connection, and costs the event loop one pre-built answer. 200 reports at once used to be 160 trips through the
 * whole stack and the error filter, and `/api/health` waited behind them. A request in line holds nothing but its
 * socket; one whose client leaves while in line gives its place on when its turn comes. The place of a running
 * request is given back when its response ends, however it ends.
 */
export function reportGate(gate: Gate = REPORT_GATE): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    (req as AskedRequest).askedAt = performance.now();
    const place = gate.tryAcquire();
    if (!place) {
      res.writeHead(HttpStatus.SERVICE_UNAVAILABLE, { ...BUSY_HEADERS, 'X-Request-Id': randomUUID() }).end(BUSY_BODY);
      return;
    }
    let state: 'waiting' | 'running' | 'ended' = 'waiting';
    const ended = () => {
      if (state === 'running') gate.release();
      state = 'ended';
    };
    res.once('finish', ended);
    res.once('close', ended);
    void place.then(() => {
      if (state === 'ended') return gate.release(); // the client left while in line
      state = 'running';
      next();
    });
  };
}
