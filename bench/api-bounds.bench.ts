import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { Workbook } from 'exceljs';
import Redis from 'ioredis';
import { newTotpSecret, totpCode } from '../src/auth/totp';
import { FieldCryptoService } from '../src/common/crypto/field-crypto.service';
import { BENCH_DB, BENCH_DB_URL, compiledPath, freePort, freshDatabase, ROOT, startTemporalDevServer, stopChild } from './support/environment';
import { LOAD_OFFICES, loadSeedSql } from './support/load-seed';
import { exitOnSignals, loadAverage, numberArg, percentile, progress, report } from './support/report';

/**
 * Bounded inputs under load (issue #14, "done means"), against an API and a worker of the bench's own, compiled as
 * production runs them, on the load bench's seed (10,000 cases, bench/support/load-seed.ts):
 *   1. `--reports` (200) requests at once to the heaviest report (overdue rectifications over every case, 1,000 rows
 *      each) while `/api/health` is sampled every 50 ms from a thread of its own: health p95 target ≤ 200 ms; how
 *      the reports were answered;
 *   2. `--imports` (4) institution imports of ~5 MB .xlsx each, uploaded at once, while the API's RSS is sampled
 *      every 100 ms until the worker has finished them: API peak RSS target ≤ 600 MB (the worker's is shown too).
 *
 *   npx ts-node -T bench/api-bounds.bench.ts [--reports 200] [--imports 4]
 */
const REPORTS = numberArg('reports', 200);
const IMPORTS = numberArg('imports', 4);
const PASSWORD = 'Bounds#Bench2026';
const TOTP_SECRET = newTotpSecret();
const QUEUE_PREFIX = `educredit-bounds-${process.pid}`;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a child process, from /proc (Linux), in MB. */
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Samples `probe` every `everyMs` until stopped; returns the samples. */
function sampler<T>(everyMs: number, probe: () => Promise<T> | T): { stop: () => Promise<T[]> } {
  const samples: T[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push(await probe());
      await sleep(everyMs);
    }
  })();
  return { stop: async () => { running = false; await loop; return samples; } };
}

/**
 * `/api/health` timed every 50 ms from a thread of its own: the bench's 200 report requests and their answers run on
 * this thread's event loop, and timing health here would count the bench's own queue as the API's latency. The
 * thread's first fetch (loading its HTTP client, opening a connection) is not timed; sampling starts once it is done.
 */
async function healthSampler(url: string): Promise<{ stop: () => Promise<number[]> }> {
  const thread = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    let running = true;
    parentPort.once('message', () => { running = false; });
    (async () => {
      await fetch(workerData).then((r) => r.arrayBuffer(), () => undefined);
      parentPort.postMessage('ready');
      const samples = [];
      while (running) {
        const t0 = performance.now();
        await fetch(workerData).then((r) => r.arrayBuffer(), () => undefined);
        samples.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
      parentPort.postMessage(samples);
    })();`, { eval: true, workerData: url });
  const messages: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  thread.on('message', (m) => (waiters.length ? waiters.shift()!(m) : messages.push(m)));
  const nextMessage = () => new Promise<unknown>((resolve, reject) => {
    if (messages.length) return resolve(messages.shift());
    waiters.push(resolve);
    thread.once('error', reject);
  });
  await nextMessage(); // ready
  return { stop: async () => { thread.postMessage('stop'); const samples = (await nextMessage()) as number[]; await thread.terminate(); return samples; } };
}

/**
 * An .xlsx of 5,000 rows of our template whose text does not compress much, its address column padded until the
 * file is 85–100 % of `targetMb` (the addresses are too long to be valid: every row is read and refused, no insert).
 */
async function bigSheet(targetMb: number): Promise<Buffer> {
  const han = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + randomInt(0x5000))).join('');
  let pad = 120;
  for (let attempt = 0; ; attempt++) {
    const wb = new Workbook();
    const sheet = wb.addWorksheet('机构');
    sheet.addRow(['统一社会信用代码', '机构名称', '机构类型', '法定代表人', '法定代表人身份证号', '地址', '主管科室']);
    for (let i = 0; i < 5000; i++) sheet.addRow([`BD${String(i).padStart(16, '0')}`, han(20), '校外培训机构', han(3), '320703198001010000', han(pad), 'XWPX']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const share = file.length / (targetMb * 1024 * 1024);
    if ((share <= 1 && share >= 0.85) || attempt === 4) return file;
    pad = Math.min(990, Math.floor(pad / share * 0.95));
  }
}

async function main(): Promise<void> {
  exitOnSignals();
  progress(`api-bounds bench: ${REPORTS} reports at once, ${IMPORTS} imports at once, database ${BENCH_DB}, load ${loadAverage()}`);
  const compiledRoot = dirname(dirname(compiledPath('api-bounds.bench.ts')));
  const ds = await freshDatabase();
  const temporal = await startTemporalDevServer();
  const uploads = mkdtempSync(join(tmpdir(), 'educredit-bounds-'));
  const children: ChildProcess[] = [];
  process.once('exit', () => { for (const c of children) c.kill('SIGKILL'); });
  try {
    progress('seeding 10,000 cases and their tasks');
    const passwordHash = await hash(PASSWORD);
    const sealedTotp = FieldCryptoService.fromKeyList(process.env.DATA_ENCRYPTION_KEYS!).encrypt(TOTP_SECRET);
    for (const sql of loadSeedSql()) await ds.query(sql, sql.includes('$2') ? [passwordHash, sealedTotp] : sql.includes('$1') ? [passwordHash] : []);
    // the report must have something to report: every open case missed its rectification 5–260 days ago, so each
    // answer is the report's full 1,000 rows (170 KB); without these rows it answered an empty list
    await ds.query(`INSERT INTO institution_deadlines (case_no, uscc, kind, round, due_date, status, idempotency_key)
      SELECT case_no, uscc, 'rectification', 0, current_date - 5 - (hashint4(substr(case_no, 4)::int) & 255), 'missed', case_no || ':rect'
        FROM cases WHERE closed_at IS NULL`);
    await ds.query('ANALYZE institution_deadlines');

    const port = await freePort();
    const env = {
      ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', PORT: String(port), DATABASE_URL: BENCH_DB_URL, REDIS_URL, QUEUE_PREFIX,
      TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: `edu-credit-bounds-${process.pid}`, LOGIN_ADDRESS_LIMIT: '100000',
      UPLOAD_DIR: uploads, SUPERVISION_WORKER: 'off',
    };
    delete (env as NodeJS.ProcessEnv).PLATFORM_URL;
    const start = (file: string) => {
      const child = spawn(process.execPath, [join(compiledRoot, file)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', file.includes('main') ? 'inherit' : 'ignore'] });
      children.push(child);
      return child;
    };
    progress('starting the API and the worker');
    const api = start('src/main.js');
    const worker = start('src/worker.js');
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) {
      if (i > 240) throw new Error('the API did not start within 120 s');
      await sleep(500);
    }
    const login = async (username: string, steps = 0) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD, totp: totpCode(TOTP_SECRET, Date.now() + steps * 30_000) }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    // the worker bundles the workflows as it starts (a few hundred MB for a while): let that pass before measuring
    await sleep(20_000);
    const approver = await login(`load-approver-${LOAD_OFFICES[0]}`);
    const officer = await login(`load-officer-${LOAD_OFFICES[0]}-1`);
    const health = () => healthSampler(`${base}/api/health`);

    progress(`${REPORTS} overdue-rectification reports at once (load ${loadAverage()})`);
    const during = await health();
    const statuses = new Map<number, number>();
    let rows = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: REPORTS }, async () => {
      const res = await fetch(`${base}/api/reports/overdue-rectifications`, { headers: { authorization: `Bearer ${approver}` } }).catch(() => null);
      const body = res?.ok ? (await res.json()) as { items: unknown[] } : await res?.arrayBuffer();
      if (body && 'items' in body) rows = body.items.length;
      statuses.set(res?.status ?? 0, (statuses.get(res?.status ?? 0) ?? 0) + 1);
    }));
    const wall = performance.now() - t0;
    const healthMs = await during.stop();
    const p95 = percentile(healthMs, 0.95);
    report(`health p95 during ${REPORTS} concurrent reports (${healthMs.length} samples)`, `${p95.toFixed(0)} ms`, '≤ 200 ms', p95 <= 200);
    report('health max during the reports', `${Math.max(...healthMs).toFixed(0)} ms`, '—', null);
    report(`${REPORTS} reports answered`, [...statuses].map(([s, n]) => `${s}: ${n}`).join(', ') + ` in ${(wall / 1000).toFixed(1)} s, ${rows} rows each`, '—', null);

    progress(`building a ~5 MB sheet and importing it ${IMPORTS} times at once`);
    const sheet = await bigSheet(4.9);
    const rssBefore = rssMb(api.pid!);
    const workerBefore = rssMb(worker.pid!);
    const memory = sampler(100, () => ({ api: rssMb(api.pid!), worker: rssMb(worker.pid!) }));
    const importHealth = await health();
    const ids = await Promise.all(Array.from({ length: IMPORTS }, async (_, i) => {
      const form = new FormData();
      form.append('file', new Blob([sheet]), `压测导入${i}.xlsx`);
      const res = await fetch(`${base}/api/institutions/import`, { method: 'POST', headers: { authorization: `Bearer ${officer}` }, body: form });
      if (res.status !== 202) throw new Error(`import upload: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    }));
    const accepted = performance.now();
    for (;;) {
      const jobs = await Promise.all(ids.map(async (id) => (await (await fetch(`${base}/api/institutions/import/${id}`,
        { headers: { authorization: `Bearer ${officer}` } })).json()) as { status: string; processed: number; error?: { code: string } }));
      if (jobs.every((j) => j.status === 'done' || j.status === 'failed')) {
        report(`${IMPORTS} imports finished`, jobs.map((j) => `${j.status}${j.error ? ` ${j.error.code}` : ''} ${j.processed} rows`).join('; ')
          + ` in ${((performance.now() - accepted) / 1000).toFixed(1)} s`, '—', null);
        break;
      }
      await sleep(500);
    }
    const rss = await memory.stop();
    const importHealthMs = await importHealth.stop();
    const apiPeak = Math.max(...rss.map((s) => s.api));
    report(`API peak RSS during ${IMPORTS} parallel ${(sheet.length / 1024 / 1024).toFixed(1)} MB imports`, `${apiPeak.toFixed(0)} MB (before ${rssBefore.toFixed(0)} MB)`, '≤ 600 MB', apiPeak <= 600);
    report('worker peak RSS during the imports (no --max-old-space-size here)', `${Math.max(...rss.map((s) => s.worker)).toFixed(0)} MB (before ${workerBefore.toFixed(0)} MB)`, '—', null);
    report('health p95 during the imports', `${percentile(importHealthMs, 0.95).toFixed(0)} ms`, '—', null);
    report('load average at the end (1/5/15 min)', loadAverage(), '—', null);
  } finally {
    await Promise.all(children.map((c) => stopChild(c)));
    await temporal.stop();
    await ds.destroy();
    const redis = new Redis(REDIS_URL);
    for await (const keys of redis.scanStream({ match: `${QUEUE_PREFIX}:*`, count: 500 })) if ((keys as string[]).length) await redis.del(...(keys as string[]));
    await redis.quit();
    rmSync(uploads, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
