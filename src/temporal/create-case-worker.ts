import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { createCaseActivities } from '../../activities';
import { CalendarService } from '../calendar/calendar.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { validateEnv } from '../config/env.schema';
import { PoliciesService } from '../policies/policies.service';

/**
 * Builds the case worker from a Nest context whose providers back the activities.
 * Development and tests bundle `workflows/` on start; production passes a pre-built bundle.
 */
export async function createCaseWorker(ctx: INestApplicationContext, overrides: Partial<WorkerOptions> = {}): Promise<Worker> {
  const env = validateEnv(process.env);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const activities = createCaseActivities({
    records: ctx.get(CaseRecordsService),
    calendar: ctx.get(CalendarService),
    policies: ctx.get(PoliciesService),
  });
  const workflowSource = env.WORKFLOW_BUNDLE_PATH
    ? { workflowBundle: { codePath: env.WORKFLOW_BUNDLE_PATH } }
    : { workflowsPath: require.resolve('../../workflows') };
  return Worker.create({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    activities,
    ...workflowSource,
    ...overrides,
  });
}
