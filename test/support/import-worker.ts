import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { InstitutionsModule } from '../../src/institutions/institutions.module';

/** Only the worker's institution-import consumer, as src/worker.ts runs it (WorkerModule imports the same module). */
@Module({ imports: [AppConfigModule, DatabaseModule, InstitutionsModule.forWorker()] })
class ImportWorkerModule {}

export function importWorkerContext(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(ImportWorkerModule, { logger: false });
}
