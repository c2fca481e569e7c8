import { EffectsService } from '../effects/effects.service';
import type { INestApplicationContext } from '@nestjs/common';
import type { Worker, WorkerOptions } from '@temporalio/worker';
import { createCaseActivities } from '../../activities';
import { penaltyActivitiesFrom } from '../../activities/penalty.activities';
import type { CaseClock } from '../../activities/case-clock';
import { CalendarService } from '../calendar/calendar.service';
import { BlockedCasesService } from '../cases/blocked-cases.service';
import { CaseDeadlinesService } from '../cases/case-deadlines.service';
import { CaseLifecycleService } from '../cases/case-lifecycle.service';
import { CaseProgressService } from '../cases/case-progress.service';
import { validateEnv } from '../config/env.schema';
import { CaseDocumentsService } from '../documents/case-documents.service';
import { PoliciesService } from '../policies/policies.service';
import { PolicyResolver } from '../policies/policy-resolver';
import { createTemporalWorker } from './temporal-worker';

/** The case activities, built from the Nest context's providers. */
export function caseActivitiesFrom(ctx: INestApplicationContext, clock?: CaseClock) {
  return createCaseActivities({
    records: ctx.get(CaseProgressService),
    deadlines: ctx.get(CaseDeadlinesService),
    lifecycle: ctx.get(CaseLifecycleService),
    calendar: ctx.get(CalendarService),
    policies: ctx.get(PoliciesService),
    resolver: ctx.get(PolicyResolver),
    blocked: ctx.get(BlockedCasesService),
    documents: ctx.get(CaseDocumentsService),
    effects: ctx.get(EffectsService),
    clock,
  });
}

/** The case worker, from a Nest context whose providers back the activities (temporal-worker.ts: its workflow source). */
export async function createCaseWorker(ctx: INestApplicationContext, overrides: Partial<WorkerOptions> = {}): Promise<Worker> {
  const env = validateEnv(process.env);
  return createTemporalWorker('case', {
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    activities: { ...caseActivitiesFrom(ctx), ...penaltyActivitiesFrom(ctx) },
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
    ...overrides,
  }, env);
}
