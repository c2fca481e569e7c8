import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import type * as C from '../contracts';
import { now, untilMs } from './proxies';

/** Runs the reminder (and, for a worklist task, the escalation) of one deadline in the background until cancelled. */
export function watch(d: C.Deadline, remind: () => Promise<void>, escalate?: () => Promise<void>): CancellationScope {
  const scope = new CancellationScope();
  scope.run(async () => {
    if (d.remindAtMs > now()) {
      await sleep(untilMs(d.remindAtMs));
      await remind();
    }
    if (escalate) {
      await sleep(untilMs(d.dueAtMs));
      await escalate();
    }
  }).catch((err) => {
    if (!isCancellation(err)) throw err;
  });
  return scope;
}
