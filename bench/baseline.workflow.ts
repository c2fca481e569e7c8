import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BaselineActivities } from './baseline.activities';

/**
 * The Temporal floor the case workflow is compared with (bench/case-throughput.bench.ts): no logic, one trivial
 * activity. With `steps = 0` it runs the activity once and returns; with `steps = k` it also accepts k `step`
 * updates, each running the same activity, so it can be driven with as many client round trips as a case.
 */
const { noop } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

export const stepUpdate = defineUpdate<number>('step');

export async function baselineWorkflow(steps: number): Promise<number> {
  let done = 0;
  setHandler(stepUpdate, async () => {
    await noop();
    return ++done;
  });
  await noop();
  await condition(() => done >= steps);
  return done;
}
