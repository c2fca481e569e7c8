import type { Client } from '@temporalio/client';
import type { baselineWorkflow } from '../baseline.workflow';
import { Seeded } from './case-bench-seed';
import { CASE_UPDATES, driveBaseline, driveCase, historyShape } from './case-drivers';
import { inPool, loadAverage, progress, report, withTimeout } from './report';

export interface ThroughputOptions {
  /** Cases (and baseline workflows) measured. */
  n: number;
  concurrency: number;
  warmup: number;
  /** Tells this run's workflow ids apart. */
  run: string;
}

async function timed(n: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<{ perSec: number; failures: number; seconds: number }> {
  let failures = 0;
  const t0 = performance.now();
  await withTimeout(inPool(n, concurrency, (i) => fn(i).catch((err) => {
    if (failures++ < 3) progress(`failed: ${(err as Error).message}`);
  })), 30 * 60_000, 'throughput phase');
  const seconds = (performance.now() - t0) / 1000;
  return { perSec: n / seconds, failures, seconds };
}

/** Phase 1: happy-path cases per second against the baseline driven with as many client round trips, before and after. */
export async function throughput(client: Client, taskQueue: string, s: Seeded, { n: N, concurrency: CONCURRENCY, warmup: WARMUP, run: RUN }: ThroughputOptions) {
  progress(`warm-up: ${WARMUP} cases and ${WARMUP} baselines`);
  await inPool(WARMUP, CONCURRENCY, (i) => driveBaseline(client, taskQueue, `WARM-B-${RUN}-${i}`));
  await inPool(WARMUP, CONCURRENCY, (i) => driveCase(client, taskQueue, s, `WARM-C-${RUN}-${i}`));

  progress(`baseline (before): ${N} workflows × ${CASE_UPDATES + 1} round trips, ${CONCURRENCY} at a time`);
  const before = await timed(N, CONCURRENCY, (i) => driveBaseline(client, taskQueue, `BASE1-${RUN}-${i}`));
  progress(`cases: ${N} along the happy path, ${CONCURRENCY} at a time`);
  let published = 0;
  const cases = await timed(N, CONCURRENCY, async (i) => {
    const st = await driveCase(client, taskQueue, s, `TP-${RUN}-${i}`);
    if (st.stage === 'PUBLICITY') published++;
  });
  const loadDuringCases = loadAverage();
  progress(`baseline (after): ${N} workflows`);
  const after = await timed(N, CONCURRENCY, (i) => driveBaseline(client, taskQueue, `BASE2-${RUN}-${i}`));
  progress('one-activity baseline (start → activity → result)');
  const simple = await timed(N, CONCURRENCY, (i) => client.workflow.execute<typeof baselineWorkflow>('baselineWorkflow',
    { taskQueue, workflowId: `BASE0-${RUN}-${i}`, args: [0] }));

  const caseShape = await historyShape(client, `TP-${RUN}-0`);
  const baseShape = await historyShape(client, `BASE1-${RUN}-0`);
  // Normalisation: per workflow, with equal client round trips. A happy-path case costs its driver 1 start +
  // 13 updates; the baseline is driven with 1 start + 13 updates too, each running the no-op activity, so both
  // sides pay Temporal the same client traffic and the ratio isolates what the case adds: its workflow logic, its
  // timers and search attributes, and its steps being real PostgreSQL transactions that issue, render and sign its
  // documents (local activities, one at a time, against the baseline's one ordinary no-op activity per round trip).
  // The mean of the baseline runs before and after the cases evens out the load others put on the shared machine.
  const baseline = (before.perSec + after.perSec) / 2;
  const ratio = cases.perSec / baseline;
  report(`case happy path to PUBLICITY, ${N} cases, ${CONCURRENCY} in flight`, `${cases.perSec.toFixed(1)} cases/s (${cases.seconds.toFixed(0)} s)`, '—', null);
  report('cases that reached PUBLICITY', `${published}/${N}`, `= ${N}`, published === N);
  report(`baseline: no-op workflow, 1 activity per round trip, ${CASE_UPDATES + 1} round trips each`,
    `${baseline.toFixed(1)} wf/s (before ${before.perSec.toFixed(1)}, after ${after.perSec.toFixed(1)})`, '—', null);
  const failures = cases.failures + before.failures + after.failures + simple.failures;
  if (failures) report('workflows that failed to complete their run', String(failures), '= 0', false);
  report('case / baseline throughput (per workflow, equal client round trips)', ratio.toFixed(2), '≥ 0.5', ratio >= 0.5);
  report('one-activity baseline (start → activity → result)', `${simple.perSec.toFixed(1)} wf/s`, '—', null);
  report('case vs one-activity baseline, per client round trip', (cases.perSec * (CASE_UPDATES + 1) / (simple.perSec * 2)).toFixed(2), '—', null);
  report('history per case / per baseline (events, activities, workflow tasks)',
    `${caseShape.events}/${caseShape.activities}/${caseShape.workflowTasks} vs ${baseShape.events}/${baseShape.activities}/${baseShape.workflowTasks}`, '—', null);
  report('load average during the case run (1/5/15 min)', loadDuringCases, '—', null);
}
