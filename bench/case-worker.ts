import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { beijingClock, type CaseClock, shiftedClock } from '../activities/case-clock';
import { CaseActivitiesModule } from '../src/shared.modules';
import { caseActivitiesFrom, createCaseWorker } from '../src/temporal/create-case-worker';
import { baselineActivities } from './baseline.activities';

/**
 * The case worker as the benchmarks run it, in a child process of bench/case-throughput.bench.ts or
 * bench/worker-memory.bench.ts (bench/support/worker-child.ts: production's Node flags) so its memory is measured
 * alone: createCaseWorker() with the real activities on PostgreSQL and the pre-built bundle named by
 * WORKFLOW_BUNDLE_PATH, plus the baseline's no-op activity. BENCH_WORKER_MODULE=full builds the whole
 * WorkerModule (queue consumers, supervision worker) as src/worker.ts does; the default builds only what the
 * case activities need. Talks to its parent over IPC:
 *   → {type:'clock', offsetMs}  the calendar runs offsetMs behind real time (activities/case-clock.ts shiftedClock)
 *   → {type:'memory'}           answers {type:'memory', rss, heapUsed, peakRss, breakdown}
 * It stops when its parent goes away, on SIGTERM, or after BENCH_WORKER_MAX_MS.
 */

/**
 * RSS and where it goes: the main isolate's heap, the workflow threads' isolates (the SDK keeps them private, so
 * they are reached through its internals — bench only) and the rest (Rust core, code, malloc arenas).
 */
async function memoryReport(worker: Awaited<ReturnType<typeof createCaseWorker>>, peakRss: number) {
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const threads: { workerThread: { getHeapStatistics(): Promise<HeapInfo> } }[] =
    (worker as unknown as { workflowCreator?: { workerThreadClients?: [] } }).workflowCreator?.workerThreadClients ?? [];
  const heaps = await Promise.all(threads.map((t) => t.workerThread.getHeapStatistics()));
  const status = readFileSync('/proc/self/status', 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return {
    type: 'memory', rss, heapUsed, peakRss: Math.max(peakRss, rss),
    breakdown: {
      mainHeapUsed: heapUsed, mainHeapTotal: heapTotal, external,
      workflowHeapUsed: heaps.reduce((a, h) => a + h.used_heap_size, 0), workflowHeapTotal: heaps.reduce((a, h) => a + h.total_heap_size, 0),
      workflowThreads: heaps.length, rssAnon: field('RssAnon') * 1024, rssFile: field('RssFile') * 1024, threads: field('Threads'),
    },
  };
}

interface HeapInfo { used_heap_size: number; total_heap_size: number }

type ParentMessage = { type: 'clock'; offsetMs: number } | { type: 'memory' };

const send = (m: object) => process.send?.(m);

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const full = process.env.BENCH_WORKER_MODULE === 'full';
  const module = full ? (await import('../src/worker.module')).WorkerModule : CaseActivitiesModule;
  const ctx: INestApplicationContext = await NestFactory.createApplicationContext(module, { logger: false });
  let clock: CaseClock = beijingClock;
  const switchable: CaseClock = { dateOf: (ms) => clock.dateOf(ms), at: (date, hhmm) => clock.at(date, hhmm) };
  const worker = await createCaseWorker(ctx, { activities: { ...caseActivitiesFrom(ctx, switchable), ...baselineActivities } });

  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 250);
  const stop = () => { if (worker.getState() === 'RUNNING') worker.shutdown(); };
  const lifetime = setTimeout(stop, Number(process.env.BENCH_WORKER_MAX_MS ?? 45 * 60_000));
  process.on('disconnect', stop);
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'clock') {
      clock = m.offsetMs === 0 ? beijingClock : shiftedClock(m.offsetMs);
      send({ type: 'clock', offsetMs: m.offsetMs });
    } else if (m.type === 'memory') {
      void memoryReport(worker, peakRss).then(send);
    }
  });
  const running = worker.run();
  send({ type: 'ready', maxCachedWorkflows: worker.options.maxCachedWorkflows, rss: process.memoryUsage().rss, module: full ? 'full' : 'cases' });
  await running;
  clearInterval(sampler);
  clearTimeout(lifetime);
  await worker.options.connection?.close();
  await ctx.close();
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
