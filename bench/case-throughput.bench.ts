import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { BENCH_DB, BENCH_DB_URL, compiledPath, DevServer, freshDatabase, ROOT, startTemporalDevServer } from './support/environment';
import { seedCaseBench } from './support/case-bench-seed';
import { escalation } from './support/escalation-phase';
import { exitOnSignals, loadAverage, numberArg, progress, report } from './support/report';
import { throughput } from './support/throughput-phase';
import { removeQueueKeys, WorkerChild } from './support/worker-child';

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
const HARD_LIMIT_MS = Number(process.env.BENCH_MAX_MS ?? 60 * 60_000);
const RUN = `${process.pid}`;
const QUEUE_PREFIX = `educredit-bench-${RUN}`;

async function main(): Promise<void> {
  const hardLimit = setTimeout(() => {
    console.error(`case-throughput bench: stopped after ${HARD_LIMIT_MS / 60_000} min`);
    process.exit(3);
  }, HARD_LIMIT_MS);
  hardLimit.unref();
  exitOnSignals();
  progress(`load average at start: ${loadAverage()}; database ${BENCH_DB}`);
  const compiledWorker = compiledPath('case-worker.ts');
  const bundlePath = join(ROOT, `var/bench-workflow-bundle-${RUN}.js`);
  const [ds, temporal, bundle] = await Promise.all([
    freshDatabase(),
    startTemporalDevServer(),
    bundleWorkflowCode({ workflowsPath: require.resolve('./bench-workflows'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never }),
  ]);
  writeFileSync(bundlePath, bundle.code);
  let server: DevServer | undefined = temporal;
  let worker: WorkerChild | undefined;
  const connection = await Connection.connect({ address: temporal.address });
  try {
    const seeded = await seedCaseBench(ds, WARMUP + N + WAVE * WAVES + BURST);
    const taskQueue = `bench-cases-${RUN}`;
    const workerEnv = {
      NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: BENCH_DB_URL, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE_PATH: bundlePath, QUEUE_PREFIX, BENCH_WORKER_MODULE: WORKER_MODULE,
    };
    worker = await WorkerChild.start(compiledWorker, workerEnv);
    const client = new Client({ connection });
    if (N) await throughput(client, taskQueue, seeded, { n: N, concurrency: CONCURRENCY, warmup: WARMUP, run: RUN });
    if (WAVES || BURST) await escalation(client, taskQueue, seeded, ds, worker, { wave: WAVE, waves: WAVES, burst: BURST, concurrency: CONCURRENCY, run: RUN });
    await worker.stop();
    worker = undefined;
    report('load average at the end (1/5/15 min)', loadAverage(), '—', null);
  } finally {
    await worker?.stop();
    await connection.close();
    await server?.stop();
    server = undefined;
    await ds.destroy();
    rmSync(bundlePath, { force: true });
    await removeQueueKeys(QUEUE_PREFIX);
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
