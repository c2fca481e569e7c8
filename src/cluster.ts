import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';

/**
 * The API as API_PROCESSES processes behind one port (issue #20 part 2), with Node's cluster module: the primary
 * opens the listening socket and every child, a whole API (src/main.ts), accepts from it directly (SCHED_NONE). Not
 * the default round-robin, where the primary accepts and passes each connection on: a connection passed to a child
 * that dies before taking it stays open in the primary with nobody answering, and its request hangs (the fault suite
 * saw a 20 s timeout); accepted by the kernel's queue instead, it is answered by the surviving child.
 * Nothing is shared in memory: rate limits, lock-outs and the session-cache invalidations go through Redis, the rest
 * lives in PostgreSQL and Temporal (README "Operating it"). A child that dies is started again after a second; a
 * request it held fails at the connection, which a client retries. The primary does no work of its own, so it
 * is hard to kill by accident; SIGTERM/SIGINT to it stop all children.
 *
 * Metrics: child i (0-based) listens on METRICS_PORT + 10·i (9464, 9474, …), so workers started by scripts/up.sh
 * at WORKER_METRICS_PORT + 10·j never collide (docs/operations.md).
 */
const count = Math.max(1, Number(process.env.API_PROCESSES ?? 1) || 1);
// 0 (a free port, as under NODE_ENV=test) stays 0 for every child
const metricsBase = Number(process.env.METRICS_PORT ?? (process.env.NODE_ENV === 'test' ? 0 : 9464));
const metricsPort = (index: number) => String(metricsBase && metricsBase + 10 * index);

if (count === 1 || !cluster.isPrimary) {
  void import('./main');
} else {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const logger = new Logger('Cluster');
  let stopping = false;
  let up = 0;
  const fork = (index: number, again = false) => {
    const child = cluster.fork({ API_INSTANCE: String(index), METRICS_PORT: metricsPort(index) });
    // one line once every child listens (the fault suite waits for it), one per child started again later
    child.once('listening', () => {
      if (again) logger.log(`API process ${index} (pid ${child.process.pid}) listening again`);
      else if (++up === count) logger.log(`all ${count} API processes listening on port ${process.env.PORT ?? 3000} (primary pid ${process.pid})`);
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      logger.warn(`API process ${index} (pid ${child.process.pid}) ended (${signal ?? code}); starting it again`);
      setTimeout(() => fork(index, true), 1000);
    });
  };
  for (let i = 0; i < count; i++) fork(i);
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const done = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0);
    cluster.on('exit', done);
    done();
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
