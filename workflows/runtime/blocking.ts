import { ActivityFailure, ApplicationFailure, condition, isCancellation, TemporalFailure } from '@temporalio/workflow';
import type { CaseRuntime } from '../case-runtime';
import * as C from '../contracts';
import { background, now } from './proxies';

/** Why a case cannot go on, from the failure of the step it tried. */
export interface Blocked {
  code: string;
  reason: string;
  sinceMs: number;
}

/** A failure no retry fixes: a non-retryable business failure, or retries that ran out. Cancellations are not. */
export function blockingCause(err: unknown): { code: string; reason: string } | null {
  if (isCancellation(err)) return null;
  // an activity's failure comes wrapped in an ActivityFailure; a local activity's is the activity's own failure
  if (!(err instanceof TemporalFailure)) return null;
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure && cause.nonRetryable) return { code: cause.type ?? 'ACTIVITY_FAILED', reason: cause.message };
  return { code: C.BlockingFailure.RETRIES_EXHAUSTED, reason: `系统暂时无法完成该步骤（${cause?.message ?? err.message}），已多次重试` };
}

/**
 * Runs one step of the case (an activity); when it fails for good, records the case as blocked with the reason
 * (carrying the queued writes, so the case page shows where it stopped), rests so waiting updates answer, waits
 * for `resumeCase`, and tries the step again.
 */
export async function unblocked<T>(c: CaseRuntime, step: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await step();
    } catch (err) {
      const cause = blockingCause(err);
      if (!cause) throw err;
      await blockUntilResumed(c, cause);
    }
  }
}

async function blockUntilResumed(c: CaseRuntime, cause: { code: string; reason: string }): Promise<void> {
  const { caseNo } = c.input;
  c.blocked = { ...cause, sinceMs: now() };
  await c.writes.carrying((writes) => background.recordBlocked({ caseNo, stage: c.stage, ...cause, atMs: c.blocked!.sinceMs, writes }));
  c.rest();
  await condition(() => c.resumeRequests.length > 0);
  const [resume] = c.resumeRequests.splice(0);
  await background.recordResumed({ caseNo, stage: c.stage, actor: resume.actor, note: resume.note });
  c.blocked = null;
}
