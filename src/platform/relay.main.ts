import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CreditFileModule } from '../credit-file/credit-file.module';
import { CONSUMER_MODULES, FOUNDATION_MODULES } from '../shared.modules';

/** Only the queue consumers of the worker: outbox relay, feed schedule (into the credit file), notification sending. */
@Module({
  imports: [...FOUNDATION_MODULES, CreditFileModule, ...CONSUMER_MODULES],
})
export class RelayModule {}

/**
 * Runs the platform relay on its own (`node dist/src/platform/relay.main.js`), without the Temporal worker:
 * to scale delivery apart from case work, and in the crash test, which kills it with SIGKILL mid-delivery.
 * The full worker (src/worker.ts) runs the same consumers; several at once are safe (job id = row id).
 */
async function main(): Promise<void> {
  const ctx = await NestFactory.createApplicationContext(RelayModule, { bufferLogs: false });
  ctx.enableShutdownHooks();
  new Logger('Relay').log('platform relay running');
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
