import 'reflect-metadata';
import { Client } from '@temporalio/client';
import { openCaseBench } from './support/case-bench-env';
import { seedCaseBench } from './support/case-bench-seed';
import { escalation } from './support/escalation-phase';
import { loadAverage, numberArg, report } from './support/report';
import { throughput } from './support/throughput-phase';
import { WorkerChild } from './support/worker-child';

/**
 * Case workflow throughput and deadline escalation delay (issue #4; the worker's memory is measured by
 * bench/worker-memory.bench.ts), on a Temporal dev server and a database of its own (educredit_bench, recreated;
 * BENCH_DATABASE to change). One run:
 *   1. N cases (--cases, default 1,000) driven along the happy path with the Temporal client, `--concurrency` at a
 *      time: investigate → approve → objection → review-objection → decide-objection (rejected) → rectification
 *      report → verify (pass) → PUBLICITY; the institution answers at once, so no deadline has to pass.
 *      Baseline: bench/baseline.workflow.ts (no logic, one no-op activity) driven with the same number of client
 *      round trips per workflow, same N and concurrency, measured before and after the cases.
 *   2. Escalation delay: waves of cases under a policy whose first task is due the same working day, on a calendar
 *      shifted (activities/case-clock.ts shiftedClock) so that day ends a few seconds later; delay = TASK_OVERDUE
 *      case_events.occurred_at − the due instant.
 * The phases are bench/support/throughput-phase.ts and escalation-phase.ts; the worker is a child process
 * (bench/case-worker.ts, compiled, so ts-node's own memory is not counted).
 * Prints `name | value | target | met/MISSED`; exits 0 when every phase ran, whether or not targets were met.
 *
 *   npx ts-node -T bench/case-throughput.bench.ts [--cases 1000] [--concurrency 32] [--deadline-cases 40]
 *     [--deadline-waves 5] [--burst 0] [--worker full|cases]
 */
const N = numberArg('cases', 1000);
const CONCURRENCY = numberArg('concurrency', 32);
const WAVE = numberArg('deadline-cases', 40);
const WAVES = numberArg('deadline-waves', 5);
const BURST = numberArg('burst', 0);
const WARMUP = Math.min(20, N);
const WORKER_MODULE = process.argv.includes('--worker') ? process.argv[process.argv.indexOf('--worker') + 1] : 'full';
const RUN = `${process.pid}`;

async function main(): Promise<void> {
  const env = await openCaseBench('case-throughput', RUN);
  let worker: WorkerChild | undefined;
  try {
    const seeded = await seedCaseBench(env.ds, WARMUP + N + WAVE * WAVES + BURST);
    const taskQueue = `bench-cases-${RUN}`;
    worker = await WorkerChild.start(env.compiledWorker, env.workerEnv(taskQueue, WORKER_MODULE));
    const client = new Client({ connection: env.connection });
    if (N) await throughput(client, taskQueue, seeded, { n: N, concurrency: CONCURRENCY, warmup: WARMUP, run: RUN });
    if (WAVES || BURST) await escalation(client, taskQueue, seeded, env.ds, worker, { wave: WAVE, waves: WAVES, burst: BURST, concurrency: CONCURRENCY, run: RUN });
    await worker.stop();
    worker = undefined;
    report('load average at the end (1/5/15 min)', loadAverage(), '—', null);
  } finally {
    await worker?.stop();
    await env.close();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
