import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createCaseWorker } from './temporal/create-case-worker';
import { WorkerModule } from './worker.module';

/** Worker entry point: runs until SIGINT/SIGTERM, lets in-flight activities finish, then closes the context. */
async function main(): Promise<void> {
  const logger = new Logger('Worker');
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: false });
  const worker = await createCaseWorker(ctx);
  logger.log(`case worker polling task queue ${worker.options.taskQueue}`);
  await worker.run(); // the SDK installs SIGINT/SIGTERM handlers that call worker.shutdown()
  await worker.options.connection?.close();
  await ctx.close();
  logger.log('case worker stopped');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
