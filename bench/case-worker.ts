import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { beijingClock, type CaseClock, shiftedClock } from '../activities/case-clock';
import { CalendarModule } from '../src/calendar/calendar.module';
import { CaseRecordsModule } from '../src/cases/case-records.module';
import { CryptoModule } from '../src/common/crypto/crypto.module';
import { AppConfigModule } from '../src/config/config.module';
import { DatabaseModule } from '../src/database/database.module';
import { NotificationsModule } from '../src/notifications/notifications.module';
import { OutboxModule } from '../src/platform/outbox.module';
import { PoliciesModule } from '../src/policies/policies.module';
import { caseActivitiesFrom, createCaseWorker } from '../src/temporal/create-case-worker';
import { baselineActivities } from './baseline.activities';

/**
 * The case worker as the benchmarks run it, in a child process of bench/case-throughput.bench.ts or
 * bench/worker-memory.bench.ts (bench/support/worker-child.ts) so its memory is measured alone: createCaseWorker() with the real activities on PostgreSQL and the pre-built bundle named
 * by WORKFLOW_BUNDLE_PATH, plus the baseline's no-op activity. BENCH_WORKER_MODULE=full builds the whole
 * WorkerModule (queue consumers, supervision worker) as src/worker.ts does; the default builds only what the
 * case activities need. Talks to its parent over IPC:
 *   → {type:'clock', offsetMs}  the calendar runs offsetMs behind real time (activities/case-clock.ts shiftedClock)
 *   → {type:'memory'}           answers {type:'memory', rss, heapUsed, peakRss}
 * It stops when its parent goes away, on SIGTERM, or after BENCH_WORKER_MAX_MS.
 */
@Module({
  imports: [AppConfigModule, DatabaseModule, CryptoModule, OutboxModule, CalendarModule, PoliciesModule, NotificationsModule, CaseRecordsModule],
})
class CaseActivitiesModule {}

type ParentMessage = { type: 'clock'; offsetMs: number } | { type: 'memory' };

const send = (m: object) => process.send?.(m);

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const full = process.env.BENCH_WORKER_MODULE === 'full';
  const module = full ? (await import('../src/worker.module')).WorkerModule : CaseActivitiesModule;
  const ctx: INestApplicationContext = await NestFactory.createApplicationContext(module, { logger: false });
  let clock: CaseClock = beijingClock;
  const switchable: CaseClock = { dateOf: (ms) => clock.dateOf(ms), at: (date, hhmm) => clock.at(date, hhmm) };
  const maxCached = process.env.BENCH_MAX_CACHED_WORKFLOWS;
  const worker = await createCaseWorker(ctx, {
    activities: { ...caseActivitiesFrom(ctx, switchable), ...baselineActivities },
    ...(maxCached ? { maxCachedWorkflows: Number(maxCached) } : {}),
  });

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
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'memory', rss, heapUsed, peakRss: Math.max(peakRss, rss) });
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
