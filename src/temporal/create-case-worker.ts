import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { createCaseActivities } from '../../activities';
import type { CaseClock } from '../../activities/case-clock';
import { CalendarService } from '../calendar/calendar.service';
import { BlockedCasesService } from '../cases/blocked-cases.service';
import { CaseDeadlinesService } from '../cases/case-deadlines.service';
import { CaseLifecycleService } from '../cases/case-lifecycle.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { validateEnv } from '../config/env.schema';
import { CaseDocumentsService } from '../documents/case-documents.service';
import { PoliciesService } from '../policies/policies.service';
import { ensureSearchAttributes } from './search-attributes';

/** The case activities, built from the Nest context's providers. */
export function caseActivitiesFrom(ctx: INestApplicationContext, clock?: CaseClock) {
  return createCaseActivities({
    records: ctx.get(CaseRecordsService),
    deadlines: ctx.get(CaseDeadlinesService),
    lifecycle: ctx.get(CaseLifecycleService),
    calendar: ctx.get(CalendarService),
    policies: ctx.get(PoliciesService),
    blocked: ctx.get(BlockedCasesService),
    documents: ctx.get(CaseDocumentsService),
    clock,
  });
}

/**
 * Builds the case worker from a Nest context whose providers back the activities.
 * Development and tests bundle `workflows/` on start; production passes a pre-built bundle.
 */
export async function createCaseWorker(ctx: INestApplicationContext, overrides: Partial<WorkerOptions> = {}): Promise<Worker> {
  const env = validateEnv(process.env);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  await ensureSearchAttributes(connection, env.TEMPORAL_NAMESPACE);
  const workflowSource = env.WORKFLOW_BUNDLE_PATH
    ? { workflowBundle: { codePath: env.WORKFLOW_BUNDLE_PATH } }
    : { workflowsPath: require.resolve('../../workflows') };
  return Worker.create({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    activities: caseActivitiesFrom(ctx),
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
    ...workflowSource,
    ...overrides,
  });
}
