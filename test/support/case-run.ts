import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { CaseClock, shiftedClock } from '../../activities/case-clock';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import type { Actor, Severity } from '../../workflows/contracts';
import { CaseDriver } from './case-driver';

export interface CaseRun {
  env: TestWorkflowEnvironment;
  ctx: INestApplicationContext;
  bundle: { code: string };
  policyVersion: number;
  officer: Actor;
  approver: Actor;
}

/**
 * Runs one case with a worker whose calendar starts at `startsAt` (Beijing), then terminates it: a case left running
 * would hold the test server's clock for every later test (its worker is gone).
 */
export async function withCaseFrom(
  r: CaseRun, startsAt: string, opts: { severity?: Severity; paperService?: boolean }, body: (c: CaseDriver) => Promise<void>,
): Promise<void> {
  const clock: CaseClock = shiftedClock((await r.env.currentTimeMs()) - Date.parse(startsAt));
  const taskQueue = `wf-${randomUUID()}`;
  const worker = await Worker.create({ connection: r.env.nativeConnection, taskQueue, workflowBundle: r.bundle, activities: caseActivitiesFrom(r.ctx, clock) });
  await worker.runUntil(async () => {
    const c = await CaseDriver.start(r.env, r.ctx.get(DataSource), clock, taskQueue, { ...opts, policyVersion: r.policyVersion, officer: r.officer, approver: r.approver });
    try {
      await body(c);
    } finally {
      await c.handle.terminate('test finished').catch(() => undefined);
    }
  });
}
