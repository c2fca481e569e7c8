import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { beijingClock } from '../../activities/case-clock';
import { awaitRegistrationUpdate } from '../../workflows/contracts';
import type { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import { caseInput, Seeded, withoutParty } from './case-bench-seed';
import { inPool, percentile, progress, report } from './report';
import type { WorkerChild } from './worker-child';

/** A working day with no holiday near it: the escalation waves live on it. */
const DEADLINE_DAY = '2026-03-03';

export interface EscalationOptions {
  /** Cases per wave, waves, and the size of one extra burst (0: none). */
  wave: number;
  waves: number;
  burst: number;
  concurrency: number;
  run: string;
}

/**
 * Phase 2: deadline → TASK_OVERDUE delay. Each wave registers cases whose first task is due today on a calendar the
 * worker shifts so that today ends a few seconds later; delay = the event's occurred_at − the due instant.
 */
export async function escalation(client: Client, taskQueue: string, s: Seeded, ds: DataSource, worker: WorkerChild,
  { wave: WAVE, waves: WAVES, burst: BURST, concurrency: CONCURRENCY, run: RUN }: EscalationOptions) {
  const delays: number[] = [];
  let late = 0;
  let missing = 0;
  const waves = [...Array.from({ length: WAVES }, () => WAVE), ...(BURST ? [BURST] : [])];
  const burstDelays: number[] = [];
  for (const [w, size] of waves.entries()) {
    const lead = 6_000 + size * 60; // time to register the wave before its day ends
    const dueAt = Date.now() + lead;
    await worker.ask({ type: 'clock', offsetMs: dueAt - beijingClock.at(DEADLINE_DAY, '24:00') }, 'clock');
    progress(`escalation wave ${w + 1}/${waves.length}: ${size} cases, due in ${(lead / 1000).toFixed(1)} s`);
    const ids = Array.from({ length: size }, (_, i) => `DL-${RUN}-${w}-${i}`);
    const onTime = await inPool(size, CONCURRENCY, async (i) => {
      const h = await client.workflow.start<typeof dishonestyCaseWorkflow>('dishonestyCaseWorkflow',
        { taskQueue, workflowId: ids[i], args: [withoutParty(caseInput(s, ids[i], s.sameDayPolicy))] });
      const st = await h.executeUpdate(awaitRegistrationUpdate);
      // registered after the day ended: its task is due the next day and says nothing about the delay
      return Date.now() < dueAt && st.openTasks[0]?.dueDate === DEADLINE_DAY;
    });
    const counted = ids.filter((_, i) => onTime[i]);
    late += size - counted.length;
    const wait = Math.max(0, dueAt - Date.now());
    await new Promise((r) => setTimeout(r, wait));
    let rows: { at: number }[] = [];
    for (let i = 0; i < 300; i++) { // up to 30 s after the due instant
      rows = await ds.query(
        `SELECT (extract(epoch FROM occurred_at) * 1000)::float8 AS at FROM case_events WHERE type = 'TASK_OVERDUE' AND case_no = ANY($1)`, [counted]);
      if (rows.length >= counted.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // an escalation that never came counts as 30 s late
    missing += counted.length - rows.length;
    (w < WAVES ? delays : burstDelays).push(...rows.map((r) => r.at - dueAt), ...Array(counted.length - rows.length).fill(30_000));
  }
  const p99 = percentile(delays, 0.99);
  report(`deadline → TASK_OVERDUE in the database, p99 (${WAVES} waves × ${WAVE} tasks due together, ${delays.length} samples)`,
    `${p99.toFixed(0)} ms (p50 ${percentile(delays, 0.5).toFixed(0)}, max ${Math.max(...delays).toFixed(0)})`, '≤ 1000 ms', p99 <= 1000);
  if (BURST) {
    report(`deadline → TASK_OVERDUE, one burst of ${BURST} tasks due the same instant, p99`,
      `${percentile(burstDelays, 0.99).toFixed(0)} ms (p50 ${percentile(burstDelays, 0.5).toFixed(0)})`, '—', null);
  }
  if (late) report('escalation cases not counted (registered after their due instant)', String(late), '= 0', false);
  if (missing) report('escalations not in the database 30 s after the due instant (counted as 30 s)', String(missing), '= 0', false);
  await worker.ask({ type: 'clock', offsetMs: 0 }, 'clock');
}
