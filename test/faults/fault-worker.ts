import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { caseActivitiesFrom, createCaseWorker } from '../../src/temporal/create-case-worker';
import { WorkerModule } from '../../src/worker.module';
import { calendarFromEnv, compressedClock } from './compressed-clock';

/**
 * The worker process of the fault suite: src/worker.ts as production runs it (the whole WorkerModule — case
 * activities, platform relay, notification and inbound consumers), except that the case activities count
 * working days on the compressed calendar the suite hands over in FAULT_CLOCK_*. Prints one line when it polls.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  const clock = compressedClock(calendarFromEnv(process.env));
  const worker = await createCaseWorker(ctx, { activities: caseActivitiesFrom(ctx, clock) });
  const running = worker.run();
  console.log('fault-worker polling');
  await running;
  await worker.options.connection?.close();
  await ctx.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
