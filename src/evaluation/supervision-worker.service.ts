import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { createEvaluationActivities } from '../../activities/evaluation.activities';
import { validateEnv } from '../config/env.schema';
import { createTemporalWorker } from '../temporal/temporal-worker';
import type { reevaluateAllWorkflow } from '../../workflows/reevaluate-all.workflow';
import { EvaluationService } from './evaluation.service';

export const REEVALUATE_SCHEDULE_ID = 'credit-reevaluate-all';

/** The supervision jobs run on their own task queue, next to (not inside) the case worker. */
export function supervisionTaskQueue(env = validateEnv(process.env)): string {
  return `${env.TEMPORAL_TASK_QUEUE}-supervision`;
}

/**
 * Runs in the worker process: makes sure the nightly re-evaluation Schedule exists with the current spec
 * (create or update, so every start is idempotent) and polls the supervision task queue.
 * On by default; SUPERVISION_WORKER=off disables it, and test runs enable it only when asked
 * (SUPERVISION_WORKER=on), so suites that build a worker context do not each bundle and start it.
 */
@Injectable()
export class SupervisionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SupervisionWorker.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private connections: { close(): Promise<void> }[] = [];

  constructor(private readonly evaluation: EvaluationService) {}

  async onApplicationBootstrap(): Promise<void> {
    const flag = process.env.SUPERVISION_WORKER;
    const enabled = flag === 'on' || (flag !== 'off' && process.env.NODE_ENV !== 'test');
    if (enabled) await this.start();
  }

  async start(): Promise<void> {
    if (this.worker) return;
    const env = validateEnv(process.env);
    const taskQueue = supervisionTaskQueue(env);
    const client = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
    this.connections.push(client.connection);
    await this.ensureSchedule(client, taskQueue);
    this.worker = await createTemporalWorker('supervision', { taskQueue, activities: createEvaluationActivities({ evaluation: this.evaluation }) }, env);
    if (this.worker.options.connection) this.connections.push(this.worker.options.connection);
    this.running = this.worker.run().catch((err) => this.logger.error({ err }, 'supervision worker stopped with an error'));
    this.logger.log(`supervision worker polling ${taskQueue}`);
  }

  /** 01:30 Beijing time every day; a run still going when the next is due is skipped, not doubled. */
  async ensureSchedule(client: Client, taskQueue: string): Promise<void> {
    const spec = { calendars: [{ hour: 1, minute: 30 }], timezone: 'Asia/Shanghai' };
    const action = {
      type: 'startWorkflow' as const,
      workflowType: 'reevaluateAllWorkflow',
      workflowId: REEVALUATE_SCHEDULE_ID,
      taskQueue,
      args: [] as Parameters<typeof reevaluateAllWorkflow>,
    };
    const update = () => client.schedule.getHandle(REEVALUATE_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action }));
    try {
      await update();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      try {
        await client.schedule.create({
          scheduleId: REEVALUATE_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP },
        });
      } catch (raced) {
        if (!(raced instanceof ScheduleAlreadyRunning)) throw raced;
        await update(); // another worker created it a moment ago
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    for (const c of this.connections.splice(0)) await c.close().catch(() => undefined);
    this.worker = undefined;
  }
}
