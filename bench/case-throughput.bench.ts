import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { beijingClock } from '../activities/case-clock';
import {
  Actor, awaitRegistrationUpdate, CaseInput, CaseSnapshot, claimTaskUpdate, completeTaskUpdate, submitObjectionUpdate,
  submitRectificationUpdate, TaskKind, TaskOutcome,
} from '../workflows/contracts';
import type { dishonestyCaseWorkflow } from '../workflows/dishonesty-case.workflow';
import type { baselineWorkflow } from './baseline.workflow';
import { stepUpdate } from './baseline.workflow';
import { BENCH_DB, BENCH_DB_URL, compiledPath, DevServer, freshDatabase, ROOT, startTemporalDevServer } from './support/environment';
import { exitOnSignals, inPool, loadAverage, numberArg, percentile, progress, report, withTimeout } from './support/report';
import { removeQueueKeys, WorkerChild } from './support/worker-child';

/**
 * Case workflow throughput and deadline escalation delay (issue #4; the worker's memory is measured by
 * bench/worker-memory.bench.ts), on a Temporal dev server and a database of its own (educredit_bench, recreated;
 * BENCH_DATABASE to change). One run:
 *   1. N cases (--cases, default 1,000) driven along the happy path with the Temporal client, `--concurrency` at a
 *      time: investigate → approve → objection → review-objection → decide-objection (rejected) → rectification
 *      report → verify (pass) → PUBLICITY; the institution answers at once, so no deadline has to pass.
 *      Baseline: bench/baseline.workflow.ts (no logic, one no-op activity) driven with the same number of client
 *      round trips per workflow, same N and concurrency, measured before and after the cases.
 *   2. Escalation delay: waves of cases under a policy whose first task is due the same working day, on a calendar
 *      shifted (activities/case-clock.ts shiftedClock) so that day ends a few seconds later; delay = TASK_OVERDUE
 *      case_events.occurred_at − the due instant.
 * The worker is a child process (bench/case-worker.ts, compiled, so ts-node's own memory is not counted).
 * Prints `name | value | target | met/MISSED`; exits 0 when every phase ran, whether or not targets were met.
 *
 *   npx ts-node -T bench/case-throughput.bench.ts [--cases 1000] [--concurrency 32] [--deadline-cases 40]
 *     [--deadline-waves 5] [--burst 0] [--worker full|cases]
 */
const N = numberArg('cases', 1000);
const CONCURRENCY = numberArg('concurrency', 32);
const WAVE = numberArg('deadline-cases', 40);
const WAVES = numberArg('deadline-waves', 5);
const BURST = numberArg('burst', 0);
const WARMUP = Math.min(20, N);
const WORKER_MODULE = process.argv.includes('--worker') ? process.argv[process.argv.indexOf('--worker') + 1] : 'full';
const HARD_LIMIT_MS = Number(process.env.BENCH_MAX_MS ?? 60 * 60_000);
const RUN = `${process.pid}`;
const QUEUE_PREFIX = `educredit-bench-${RUN}`;
/** A working day with no holiday near it: the escalation waves live on it. */
const DEADLINE_DAY = '2026-03-03';

/** Client round trips of one happy-path case: start, then awaitRegistration + 5 × (claim, complete) + 2 submissions. */
const CASE_UPDATES = 1 + 5 * 2 + 2;

interface Party { institutionId: string; uscc: string; account: Actor }

let compiledWorker = '';

// ---------------------------------------------------------------- seed

async function seed(ds: DataSource, parties: number) {
  const staff = async (role: 'officer' | 'approver', n: number): Promise<Actor[]> => {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO users (username, password_hash, role, display_name, office_code)
       SELECT 'bench-' || $1 || g, 'x', $1, '基准' || $1 || g, 'XWPX' FROM generate_series(1, $2::int) g RETURNING id`, [role, n]);
    return rows.map((r) => ({ id: r.id, role, officeCode: 'XWPX' }));
  };
  // an office of five officers and two approvers: each new task notifies all of them, as in production
  const [officer] = await staff('officer', 5);
  const [approver] = await staff('approver', 2);
  await ds.query(
    `INSERT INTO institutions (uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code)
     SELECT 'BC' || lpad(g::text, 16, '0'), '基准测试培训学校' || g, 'off_campus_training', '测试', 'x', md5(g::text), 'XWPX'
       FROM generate_series(1, $1::int) g`, [parties]);
  await ds.query(
    `INSERT INTO users (username, password_hash, role, display_name, uscc)
     SELECT 'bench-inst-' || g, 'x', 'institution', '机构账号' || g, 'BC' || lpad(g::text, 16, '0') FROM generate_series(1, $1::int) g`, [parties]);
  const rows: { id: string; uscc: string; account: string }[] = await ds.query(
    `SELECT i.id, i.uscc, u.id AS account FROM institutions i JOIN users u ON u.uscc = i.uscc WHERE i.uscc LIKE 'BC%' ORDER BY i.uscc`);
  const [{ version: policyVersion }] = await ds.query(`SELECT version FROM policies WHERE active`);
  // the escalation waves need a first task due the day it opens; cases pin their policy version, so this one is never activated
  const [{ version: sameDayPolicy }] = await ds.query(
    `INSERT INTO policies (version, document, active, note)
     SELECT (SELECT max(version) + 1 FROM policies), document || '{"investigationDays": 0}'::jsonb, false, 'bench: investigation due the same day'
       FROM policies WHERE active RETURNING version`);
  await ds.query(`ANALYZE`);
  const list: Party[] = rows.map((r) => ({ institutionId: r.id, uscc: r.uscc, account: { id: r.account, role: 'institution', officeCode: null, uscc: r.uscc } }));
  return { officer, approver, parties: list, policyVersion: policyVersion as number, sameDayPolicy: sameDayPolicy as number };
}

// ---------------------------------------------------------------- driving

type Seeded = Awaited<ReturnType<typeof seed>>;
let nextParty = 0;

/** A case against the next unused institution (each case its own credit file, so no chain lock is shared). */
function caseInput(s: Seeded, caseNo: string, policyVersion: number): CaseInput & { party: Party } {
  const p = s.parties[nextParty++ % s.parties.length];
  return {
    party: p,
    caseNo, institutionId: p.institutionId, uscc: p.uscc, behaviourCode: 'EDU-001', catalogueVersion: 1, policyVersion,
    severity: 'general', rectificationCalendarDays: 30, facts: '基准测试：未取得办学许可证擅自开展学科类培训', source: 'complaint',
    officeCode: 'XWPX', registeredBy: s.officer,
  };
}

const withoutParty = ({ party: _, ...input }: CaseInput & { party: Party }): CaseInput => input;

async function complete(h: WorkflowHandle, s: CaseSnapshot, kind: TaskKind, actor: Actor, outcome: TaskOutcome): Promise<CaseSnapshot> {
  const task = s.openTasks.find((t) => t.kind === kind);
  if (!task) throw new Error(`${h.workflowId}: no open ${kind} task in stage ${s.stage}`);
  await h.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.taskId, actor }] });
  return h.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.taskId, actor, outcome }] });
}

/** One case along the happy path, as officers, approvers and the institution would drive it through the API. */
async function driveCase(client: Client, taskQueue: string, s: Seeded, caseNo: string): Promise<CaseSnapshot> {
  const { party, ...input } = caseInput(s, caseNo, s.policyVersion);
  const who = party.account;
  const h = await client.workflow.start<typeof dishonestyCaseWorkflow>('dishonestyCaseWorkflow', { taskQueue, workflowId: caseNo, args: [input] });
  let st = await h.executeUpdate(awaitRegistrationUpdate);
  st = await complete(h, st, 'investigate', s.officer, { summary: '经查属实', severity: 'general' });
  st = await complete(h, st, 'approve-determination', s.approver, { summary: '同意', decision: 'approve' });
  st = await h.executeUpdate(submitObjectionUpdate, { args: [{ actor: who, text: '认定事实有误', fileIds: [] }] });
  st = await complete(h, st, 'review-objection', s.officer, { summary: '不予采纳', decision: 'reject' });
  st = await complete(h, st, 'decide-objection', s.approver, { summary: '异议不成立', decision: 'rejected' });
  st = await h.executeUpdate(submitRectificationUpdate, { args: [{ actor: who, text: '已停止违规培训并完成整改', fileIds: [] }] });
  st = await complete(h, st, 'verify-rectification', s.officer, { summary: '整改到位', decision: 'pass' });
  return st;
}

/** The baseline with as many client round trips as a case: start, then CASE_UPDATES updates. */
async function driveBaseline(client: Client, taskQueue: string, id: string): Promise<void> {
  const h = await client.workflow.start<typeof baselineWorkflow>('baselineWorkflow', { taskQueue, workflowId: id, args: [CASE_UPDATES] });
  for (let i = 0; i < CASE_UPDATES; i++) await h.executeUpdate(stepUpdate);
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<{ perSec: number; failures: number; seconds: number }> {
  let failures = 0;
  const t0 = performance.now();
  await withTimeout(inPool(n, CONCURRENCY, (i) => fn(i).catch((err) => {
    if (failures++ < 3) progress(`failed: ${(err as Error).message}`);
  })), 30 * 60_000, 'throughput phase');
  const seconds = (performance.now() - t0) / 1000;
  return { perSec: n / seconds, failures, seconds };
}

async function historyShape(client: Client, workflowId: string) {
  const h = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = h.events ?? [];
  return {
    events: events.length,
    activities: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
  };
}

// ---------------------------------------------------------------- phases

async function throughput(client: Client, taskQueue: string, s: Seeded) {
  progress(`warm-up: ${WARMUP} cases and ${WARMUP} baselines`);
  await inPool(WARMUP, CONCURRENCY, (i) => driveBaseline(client, taskQueue, `WARM-B-${RUN}-${i}`));
  await inPool(WARMUP, CONCURRENCY, (i) => driveCase(client, taskQueue, s, `WARM-C-${RUN}-${i}`));

  progress(`baseline (before): ${N} workflows × ${CASE_UPDATES + 1} round trips, ${CONCURRENCY} at a time`);
  const before = await timed(N, (i) => driveBaseline(client, taskQueue, `BASE1-${RUN}-${i}`));
  progress(`cases: ${N} along the happy path, ${CONCURRENCY} at a time`);
  let published = 0;
  const cases = await timed(N, async (i) => {
    const st = await driveCase(client, taskQueue, s, `TP-${RUN}-${i}`);
    if (st.stage === 'PUBLICITY') published++;
  });
  const loadDuringCases = loadAverage();
  progress(`baseline (after): ${N} workflows`);
  const after = await timed(N, (i) => driveBaseline(client, taskQueue, `BASE2-${RUN}-${i}`));
  progress('one-activity baseline (start → activity → result)');
  const simple = await timed(N, (i) => client.workflow.execute<typeof baselineWorkflow>('baselineWorkflow',
    { taskQueue, workflowId: `BASE0-${RUN}-${i}`, args: [0] }));

  const caseShape = await historyShape(client, `TP-${RUN}-0`);
  const baseShape = await historyShape(client, `BASE1-${RUN}-0`);
  // Normalisation: per workflow, with equal client round trips. A happy-path case costs its driver 1 start +
  // 13 updates; the baseline is driven with 1 start + 13 updates too, each running the no-op activity, so both
  // sides pay Temporal the same client traffic and the ratio isolates what the case adds: its workflow logic and
  // ~3× more activities (real PostgreSQL transactions) per round trip. The mean of the baseline runs before and
  // after the cases evens out the load others put on the shared machine meanwhile.
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

async function escalation(client: Client, taskQueue: string, s: Seeded, ds: DataSource, worker: WorkerChild) {
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

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const hardLimit = setTimeout(() => {
    console.error(`case-throughput bench: stopped after ${HARD_LIMIT_MS / 60_000} min`);
    process.exit(3);
  }, HARD_LIMIT_MS);
  hardLimit.unref();
  exitOnSignals();
  progress(`load average at start: ${loadAverage()}; database ${BENCH_DB}`);
  compiledWorker = compiledPath('case-worker.ts');
  const bundlePath = join(ROOT, `var/bench-workflow-bundle-${RUN}.js`);
  const [ds, temporal, bundle] = await Promise.all([
    freshDatabase(),
    startTemporalDevServer(),
    bundleWorkflowCode({ workflowsPath: require.resolve('./bench-workflows'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never }),
  ]);
  writeFileSync(bundlePath, bundle.code);
  let server: DevServer | undefined = temporal;
  let worker: WorkerChild | undefined;
  const connection = await Connection.connect({ address: temporal.address });
  try {
    const seeded = await seed(ds, WARMUP + N + WAVE * WAVES + BURST);
    const taskQueue = `bench-cases-${RUN}`;
    const workerEnv = {
      NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: BENCH_DB_URL, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE_PATH: bundlePath, QUEUE_PREFIX, BENCH_WORKER_MODULE: WORKER_MODULE,
    };
    worker = await WorkerChild.start(compiledWorker, workerEnv);
    const client = new Client({ connection });
    if (N) await throughput(client, taskQueue, seeded);
    if (WAVES || BURST) await escalation(client, taskQueue, seeded, ds, worker);
    await worker.stop();
    worker = undefined;
    report('load average at the end (1/5/15 min)', loadAverage(), '—', null);
  } finally {
    await worker?.stop();
    await connection.close();
    await server?.stop();
    server = undefined;
    await ds.destroy();
    rmSync(bundlePath, { force: true });
    await removeQueueKeys(QUEUE_PREFIX);
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
