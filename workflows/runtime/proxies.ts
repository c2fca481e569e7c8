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
 * One local activity at a time, in the order they are called, each starting when the one before has ended. Two at
 * once may be resolved on replay in another order than they were live (sdk-core resolves concurrent local
 * activities by sequence number on replay, by completion live: temporalio/sdk-python#1578), and the commands that
 * follow them would change order: a nondeterminism error when a case is replayed. Module state is per workflow.
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
 * Temporal server's and the worker's share of a case).
 */
export const acts = oneAtATime(proxyLocalActivities<CaseActivities>({ ...inTask, retry }));

/**
 * Writes that must never give up, retried until done: an escalation, held to a second after the due instant
 * (issue #4), in the task its timer wakes; a claim, release or reassignment in the task that took the officer's
 * update, as a claim answers an officer who is waiting.
 */
export const local = oneAtATime(proxyLocalActivities<CaseActivities>({ ...inTask, retry: patientRetry }));

/**
 * Work that runs beside the lifecycle and must not give up, retried until the database answers (a business
 * failure still stops it at once): reminders, and recording that a case is blocked or resumed.
 */
export const background = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: patientRetry });

/** Workflow time: inside the workflow sandbox Date is the SDK's replay-safe clock (the task's start time), not the host's. */
export const now = (): number => Date.now();
export const untilMs = (atMs: number) => Math.max(1, atMs - now());
