/** The activity stubs every part of the case runtime calls, and the workflow's clock. */
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities';

/**
 * Temporary failures (the database restarting, a lost connection) are retried for about a quarter of an hour;
 * after that, or at once for a business failure an activity marks non-retryable, the case is blocked
 * (runtime/blocking.ts) instead of retrying forever.
 */
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 } as const;
const patientRetry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

/**
 * A retry waits at most a minute, so the worker retries a local activity in the workflow task it belongs to: no
 * timer, and the attempt keeps its activity id, which the activities use as their idempotency key.
 */
const inTask = { startToCloseTimeout: '30 seconds', localRetryThreshold: '2 minutes' } as const;

/**
 * One local activity at a time, in the order they are called, each starting when the one before has resolved (a
 * cancelled one resolves at once). Two at once are resolved live by completion and on replay from the markers,
 * grouped into activations by timing (temporalio/sdk-python#1578): the commands that follow them could change order,
 * a nondeterminism error when a case is replayed (seen with the serious list's two paper-service tasks). Module
 * state is per workflow. A step never retries without end, so none can hold the others back for good.
 */
let lastInTurn: Promise<unknown> = Promise.resolve();
function oneAtATime<T extends object>(stubs: T): T {
  return new Proxy(stubs, {
    get: (target, prop) => {
      const stub = Reflect.get(target, prop) as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const run = () => stub(...args);
        const turn = lastInTurn.then(run, run);
        lastInTurn = turn.catch(() => undefined);
        return turn;
      };
    },
  });
}

/**
 * The case's steps: each is one short, idempotent PostgreSQL transaction (a document rendered and signed at most),
 * so they run as local activities in the workflow task that reached them, not through the activity task queue: one
 * marker in the history instead of three events and no extra workflow task per step (bench/case-throughput: the
 * Temporal server's and the worker's share of a case). An escalation, a claim, a release or a reassignment too, in
 * the task its timer or the officer's update woke. A step that fails for good blocks the case (runtime/blocking.ts).
 */
export const acts = oneAtATime(proxyLocalActivities<CaseActivities>({ ...inTask, retry }));

/**
 * Work that runs beside the lifecycle and must not give up, retried until the database answers (a business
 * failure still stops it at once): reminders, and recording that a case is blocked or resumed.
 */
export const background = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: patientRetry });

/** Workflow time: inside the workflow sandbox Date is the SDK's replay-safe clock (the task's start time), not the host's. */
export const now = (): number => Date.now();
export const untilMs = (atMs: number) => Math.max(1, atMs - now());
