import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { CaseClock, shiftedClock } from '../../activities/case-clock';
import type { Role } from '../../src/auth/role';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import type { Actor, Severity } from '../../workflows/contracts';
import { CaseDriver } from './case-driver';
import { createUser } from './factories';
import { caseActivitiesContext, createTimeSkippingEnv } from './temporal';

export interface CaseRun {
  env: TestWorkflowEnvironment;
  ctx: INestApplicationContext;
  bundle: { code: string };
  policyVersion: number;
  officer: Actor;
  approver: Actor;
}

/** The people of a case in office XWPX, and the legal office and the head who sign off the heaviest steps. */
export interface CaseCrew extends CaseRun {
  ds: DataSource;
  legal: Actor;
  head: Actor;
}

/** The webpack output of a bundle is noise in a test run; its errors are not. */
export const quietLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: () => undefined, error: (m: string) => console.error(m),
};

export const bundleCaseWorkflows = () => bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });

/**
 * Registers the hooks of a suite of whole cases: one time-skipping server, the real activities on PostgreSQL, the
 * workflow bundle and the crew, all filled in before the first test (`prepare` runs before the users are made).
 */
export function useCaseRun(prepare?: (ctx: INestApplicationContext) => Promise<unknown>): CaseCrew {
  const run = {} as CaseCrew;
  beforeAll(async () => {
    const [env, ctx, bundle] = await Promise.all([createTimeSkippingEnv(), caseActivitiesContext(), bundleCaseWorkflows()]);
    Object.assign(run, { env, ctx, bundle });
    await prepare?.(ctx);
    const ds = ctx.get(DataSource);
    const actor = async (role: Role, officeCode: string | null): Promise<Actor> =>
      ({ id: (await createUser(ds, role, { officeCode })).id, role, officeCode });
    Object.assign(run, {
      ds,
      officer: await actor('officer', 'XWPX'),
      approver: await actor('approver', 'XWPX'),
      legal: await actor('legal', null),
      head: await actor('head', null),
      policyVersion: (await ctx.get(PoliciesService).active()).version,
    });
  });
  afterAll(async () => {
    await run.env?.teardown();
    await run.ctx?.close();
  });
  return run;
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
