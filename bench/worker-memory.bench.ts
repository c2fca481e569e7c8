import 'reflect-metadata';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { Actor, CaseInput, caseStateQuery } from '../workflows/contracts';
import type { dishonestyCaseWorkflow } from '../workflows/dishonesty-case.workflow';
import { openCaseBench } from './support/case-bench-env';
import { inPool, loadAverage, numberArg, progress, report, withTimeout } from './support/report';
import { describeMemory, parseCommandLine, WorkerChild } from './support/worker-child';

/**
 * Worker memory with many open cases (issue #4), on a Temporal dev server and a database of its own
 * (educredit_bench, recreated; BENCH_DATABASE to change). --open-cases (default 10,000) cases are started and left
 * resting on their first task, in a fresh worker process (bench/case-worker.ts, compiled, so ts-node's own memory
 * is not counted) configured as production runs src/worker.ts: the Node flags and environment of package.json's
 * `start:worker` and the configuration defaults. Its RSS is read in the worker once the cases rest, and again after a
 * query to every case, which replays each one the sticky cache does not hold (as after a worker restart). Beyond
 * the cache size open cases cost the worker no memory (they live in Temporal), so --open-cases only has to exceed
 * the cache to show the plateau. --compare runs other configurations the same way, each in a cold worker.
 * Prints `name | value | target | met/MISSED`; exits 0 when every phase ran, whether or not targets were met.
 *
 *   npx ts-node -T bench/worker-memory.bench.ts [--open-cases 10000] [--worker full|cases]
 *     [--compare 'WORKER_MAX_CACHED_WORKFLOWS=50 --max-old-space-size=96;…']
 */
const OPEN = numberArg('open-cases', 10_000);
/**
 * `--compare 'WORKER_MAX_CACHED_WORKFLOWS=100 --max-old-space-size=128;…'`: other configurations, each a cold worker
 * (env assignments and node flags) that answers a query on every case after the production one.
 */
const COMPARE = (process.argv.includes('--compare') ? process.argv[process.argv.indexOf('--compare') + 1] : '')
  .split(';').filter((v) => v.trim()).map(parseCommandLine);
const WORKER_MODULE = process.argv.includes('--worker') ? process.argv[process.argv.indexOf('--worker') + 1] : 'full';
const RUN = `${process.pid}`;
const RSS_TARGET = 400 * 1024 * 1024;

interface Seeded { officer: Actor; parties: { institutionId: string; uscc: string }[]; policyVersion: number }

/** An office of five officers and two approvers (each new task notifies all of them, as in production) and one institution per case. */
async function seed(ds: DataSource, parties: number): Promise<Seeded> {
  const staff: { id: string; role: string }[] = await ds.query(
    `INSERT INTO users (username, password_hash, role, display_name, office_code)
     SELECT 'bench-' || r || g, 'x', r, '基准' || r || g, 'XWPX'
       FROM (VALUES ('officer', 5), ('approver', 2)) AS roles(r, n), generate_series(1, n) g RETURNING id, role`);
  const officer = staff.find((u) => u.role === 'officer')!;
  await ds.query(
    `INSERT INTO institutions (uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code)
     SELECT 'BC' || lpad(g::text, 16, '0'), '基准测试培训学校' || g, 'off_campus_training', '测试', 'x', md5(g::text), 'XWPX'
       FROM generate_series(1, $1::int) g`, [parties]);
  const rows: { id: string; uscc: string }[] = await ds.query(`SELECT id, uscc FROM institutions WHERE uscc LIKE 'BC%' ORDER BY uscc`);
  const [{ version }] = await ds.query(`SELECT version FROM policies WHERE active`);
  await ds.query(`ANALYZE`);
  return {
    officer: { id: officer.id, role: 'officer', officeCode: 'XWPX' },
    parties: rows.map((r) => ({ institutionId: r.id, uscc: r.uscc })),
    policyVersion: version as number,
  };
}

function caseInput(s: Seeded, caseNo: string, i: number): CaseInput {
  const p = s.parties[i % s.parties.length];
  return {
    caseNo, institutionId: p.institutionId, uscc: p.uscc, behaviourCode: 'EDU-001', catalogueVersion: 1, policyVersion: s.policyVersion,
    severity: 'general', rectificationCalendarDays: 30, facts: '基准测试：未取得办学许可证擅自开展学科类培训', source: 'complaint',
    officeCode: 'XWPX', registeredBy: s.officer,
  };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/** A query to every case, which replays each one the worker does not hold in its cache. */
async function queryEach(client: Client, ids: string[]): Promise<{ answered: number; perSec: number }> {
  let answered = 0;
  const t0 = performance.now();
  await withTimeout(inPool(ids.length, 32, async (i) => {
    const st = await client.workflow.getHandle(ids[i]).query(caseStateQuery);
    if (st.stage === 'INVESTIGATION') answered++;
  }), 20 * 60_000, 'querying the open cases');
  return { answered, perSec: ids.length / ((performance.now() - t0) / 1000) };
}

const settle = () => new Promise((r) => setTimeout(r, 5000)); // let the last workflow tasks finish and the cache settle

async function startOpenCases(client: Client, ds: DataSource, s: Seeded, taskQueue: string, ids: string[]) {
  const t0 = performance.now();
  await withTimeout(inPool(ids.length, 64, (i) => client.workflow.start<typeof dishonestyCaseWorkflow>('dishonestyCaseWorkflow',
    { taskQueue, workflowId: ids[i], args: [caseInput(s, ids[i], i)] })), 20 * 60_000, 'starting the open cases');
  let resting = 0;
  for (let i = 0; i < 1200 && resting < ids.length; i++) { // bounded: 20 min
    [{ resting }] = await ds.query(`SELECT count(*)::int AS resting FROM tasks WHERE case_no LIKE $1 AND status = 'open'`, [`RSS-${RUN}-%`]);
    if (resting < ids.length) await new Promise((r) => setTimeout(r, 1000));
  }
  return { resting, seconds: (performance.now() - t0) / 1000 };
}

async function memory(client: Client, ds: DataSource, s: Seeded, compiledWorker: string, workerEnv: Record<string, string>) {
  const ids = Array.from({ length: OPEN }, (_, i) => `RSS-${RUN}-${i}`);
  let worker = await WorkerChild.start(compiledWorker, workerEnv);
  const how = `maxCachedWorkflows ${worker.ready.maxCachedWorkflows}, node ${worker.execArgv.join(' ') || '(no flags)'}, worker ${worker.ready.module}`;
  try {
    const idle = await worker.memory();
    progress(`open cases: starting ${OPEN} on a fresh worker as production runs it (${how})`);
    const { resting, seconds } = await startOpenCases(client, ds, s, workerEnv.TEMPORAL_TASK_QUEUE, ids);
    await settle();
    const started = await worker.memory();
    report(`worker RSS with ${resting} open cases, as production runs it (${how})`,
      `${mb(started.rss)} (idle ${mb(idle.rss)}, peak ${mb(started.peakRss)})`, '≤ 400 MB', started.rss <= RSS_TARGET && resting === OPEN);
    report('  where it goes (idle)', describeMemory(idle), '—', null);
    report('  where it goes (open cases)', describeMemory(started), '—', null);
    report('open cases started and resting on their first task', `${resting}/${OPEN} in ${seconds.toFixed(0)} s (${(resting / seconds).toFixed(0)}/s)`, `= ${OPEN}`, resting === OPEN);

    progress('open cases: the same worker answers a query on each (replays every case it does not hold)');
    const replayed = await queryEach(client, ids);
    await settle();
    const after = await worker.memory();
    report(`worker RSS with ${OPEN} open cases after a query to each, as production runs it`,
      `${mb(after.rss)} (peak ${mb(after.peakRss)})`, '≤ 400 MB', after.rss <= RSS_TARGET && replayed.answered === OPEN);
    report('  where it goes (after the queries)', describeMemory(after), '—', null);
    report('queries answered, most by replay', `${replayed.answered}/${OPEN} at ${replayed.perSec.toFixed(0)}/s`, `= ${OPEN}`, replayed.answered === OPEN);

    for (const variant of COMPARE) {
      await worker.stop();
      worker = await WorkerChild.start(compiledWorker, workerEnv, variant);
      const label = `maxCachedWorkflows ${worker.ready.maxCachedWorkflows}, node ${variant.execArgv.join(' ') || '(no flags)'}` +
        `${Object.keys(variant.env).length ? `, ${Object.entries(variant.env).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}`;
      progress(`compare: a cold worker (${label}) answers a query on each case`);
      const q = await queryEach(client, ids);
      await settle();
      const m = await worker.memory();
      report(`compare: worker RSS with ${OPEN} open cases after a query to each (${label})`,
        `${mb(m.rss)} (peak ${mb(m.peakRss)}; ${q.answered}/${OPEN} answered at ${q.perSec.toFixed(0)}/s)`, '≤ 400 MB', m.rss <= RSS_TARGET);
      report('  where it goes', describeMemory(m), '—', null);
    }
  } finally {
    await worker.stop();
  }
}

async function main(): Promise<void> {
  const env = await openCaseBench('worker-memory', RUN);
  try {
    const seeded = await seed(env.ds, OPEN);
    if (OPEN) await memory(new Client({ connection: env.connection }), env.ds, seeded, env.compiledWorker, env.workerEnv(`bench-rss-${RUN}`, WORKER_MODULE));
    report('load average at the end (1/5/15 min)', loadAverage(), '—', null);
  } finally {
    await env.close();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
