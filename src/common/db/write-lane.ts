import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * A person's action goes ahead of waiting reads for a database connection (issue #20). Under load every request
 * waits its turn for one of the pool's connections, in arrival order; a claim or completion queued behind a dozen
 * worklist pages spent up to 300 ms there, most of its answer (bench/RESULTS.md, "People first"). A request in the
 * write lane takes the next connection freed before any waiting read, and writes keep their order among themselves.
 * Writes are about one request in a hundred, so what the reads lose is a connection now and then, not a queue.
 */
const lane = new AsyncLocalStorage<true>();

/** Runs `fn` (and everything it starts) in the write lane. */
export const inWriteLane = <T>(fn: () => T): T => lane.run(true, fn);

/**
 * Runs `fn` outside the lane, whoever calls it: for shared background work a write may happen to start (the audit's
 * grouped writes, src/common/db/grouped-writes.ts), which would otherwise carry every later read's rows ahead too.
 */
export const outsideWriteLane = <T>(fn: () => T): T => lane.exit(fn);

/** Express middleware, after the body parsers: every request that may change something is in the write lane. */
export function writeLane() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') next();
    else inWriteLane(next);
  };
}

/** What pg-pool queues while no connection is free (pg-pool 3: `_pendingQueue`, served from the front). */
interface Waiting { writeFirst?: boolean }
interface QueueingPool { _pendingQueue?: Waiting[]; connect: (...args: unknown[]) => unknown }

/**
 * Makes `pool` serve the write lane first: a waiter queued from inside the lane moves ahead of every waiting read,
 * behind the writes already waiting. pg-pool has no priorities of its own; its queue is reached here, and
 * test/unit/write-lane.spec.ts fails if a pg-pool upgrade moves it.
 */
export function writesFirst(pool: object): void {
  const p = pool as QueueingPool;
  const connect = p.connect.bind(p);
  p.connect = (...args: unknown[]) => {
    const queue = p._pendingQueue;
    const before = queue?.length ?? 0;
    const result = connect(...args);
    if (queue && lane.getStore() && queue.length === before + 1) {
      const mine = queue.pop()!;
      mine.writeFirst = true;
      const firstRead = queue.findIndex((w) => !w.writeFirst);
      queue.splice(firstRead < 0 ? queue.length : firstRead, 0, mine);
    }
    return result;
  };
}
