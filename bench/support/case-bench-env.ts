import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { BENCH_DB, BENCH_DB_URL, compiledPath, freshDatabase, ROOT, startTemporalDevServer } from './environment';
import { exitOnSignals, loadAverage, progress } from './report';
import { removeQueueKeys } from './worker-child';

const SILENT = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

/** What the case benches share: a fresh database, a Temporal dev server, the bench workflow bundle, a client connection. */
export interface CaseBenchEnv {
  ds: DataSource;
  connection: Connection;
  /** bench/case-worker.ts compiled, so ts-node's own memory is not counted in the worker child. */
  compiledWorker: string;
  /** The environment of a worker child polling `taskQueue` in this run. */
  workerEnv(taskQueue: string, workerModule: string): Record<string, string>;
  close(): Promise<void>;
}

/** Sets up a case bench run (stopping it after BENCH_MAX_MS, default 60 min); `close()` removes all it made. */
export async function openCaseBench(name: string, run: string): Promise<CaseBenchEnv> {
  const hardLimitMs = Number(process.env.BENCH_MAX_MS ?? 60 * 60_000);
  setTimeout(() => {
    console.error(`${name} bench: stopped after ${hardLimitMs / 60_000} min`);
    process.exit(3);
  }, hardLimitMs).unref();
  exitOnSignals();
  progress(`load average at start: ${loadAverage()}; database ${BENCH_DB}`);
  const compiledWorker = compiledPath('case-worker.ts');
  const bundlePath = join(ROOT, `var/bench-workflow-bundle-${run}.js`);
  const queuePrefix = `educredit-bench-${run}`;
  const [ds, temporal, bundle] = await Promise.all([
    freshDatabase(),
    startTemporalDevServer(),
    bundleWorkflowCode({ workflowsPath: require.resolve('../bench-workflows'), logger: SILENT as never }),
  ]);
  writeFileSync(bundlePath, bundle.code);
  const connection = await Connection.connect({ address: temporal.address });
  return {
    ds,
    connection,
    compiledWorker,
    workerEnv: (taskQueue, workerModule) => ({
      NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: BENCH_DB_URL, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE_PATH: bundlePath, QUEUE_PREFIX: queuePrefix, BENCH_WORKER_MODULE: workerModule,
    }),
    async close() {
      await connection.close();
      await temporal.stop();
      await ds.destroy();
      rmSync(bundlePath, { force: true });
      await removeQueueKeys(queuePrefix);
    },
  };
}
