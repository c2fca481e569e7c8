import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validateEnv } from './config/env.schema';
import { lowerCpuPriority } from './ops/cpu-priority';
import { installTemporalTelemetry } from './ops/temporal-telemetry';
import { createCaseWorker } from './temporal/create-case-worker';
import { WorkerModule } from './worker.module';

/** Worker entry point: runs until SIGINT/SIGTERM, lets in-flight activities finish, then closes the context. */
async function main(): Promise<void> {
  const logger = new Logger('Worker');
  // before any thread of Temporal's starts, so they all inherit it (src/ops/cpu-priority.ts)
  const nice = lowerCpuPriority(validateEnv(process.env).WORKER_NICE);
  installTemporalTelemetry(); // before the first Temporal connection: the SDK runtime is installed once
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: false });
  const worker = await createCaseWorker(ctx);
  // the two memory bounds (README "Configuration"), so a worker started without the flags shows in its log
  const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  logger.log(`case worker polling task queue ${worker.options.taskQueue} `
    + `(sticky cache ${worker.options.maxCachedWorkflows} cases, V8 heap limit ${heapLimitMb} MB, CPU nice ${nice})`);
  await worker.run(); // the SDK installs SIGINT/SIGTERM handlers that call worker.shutdown()
  await worker.options.connection?.close();
  await ctx.close();
  logger.log('case worker stopped');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
