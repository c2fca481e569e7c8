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

export const acts = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * Short, idempotent writes that must not wait for the activity task queue, run as local activities in the workflow
 * task that needs them: an escalation, held to a second after the due instant (issue #4), in the task its timer
 * wakes; a claim, release or reassignment in the task that took the officer's update. Retried until done, as an
 * escalation runs beside the lifecycle and a claim answers an officer who is waiting.
 */
export const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: patientRetry });

/**
 * Work that runs beside the lifecycle and must not give up, retried until the database answers (a business
 * failure still stops it at once): reminders, and recording that a case is blocked or resumed.
 */
export const background = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: patientRetry });

/** Workflow time: inside the workflow sandbox Date is the SDK's replay-safe clock (the task's start time), not the host's. */
export const now = (): number => Date.now();
export const untilMs = (atMs: number) => Math.max(1, atMs - now());
