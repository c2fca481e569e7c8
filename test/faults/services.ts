import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../bench/support/environment';

/**
 * The fault suite's own PostgreSQL, Redis, Temporal dev server and Node processes, on free loopback ports, so
 * that it can kill and restart each of them without touching the machine's shared services. Every process
 * logs into `<dir>/<name>.log`.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`${what}: not after ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}

/** A child process that can be killed with SIGKILL and started again with the same command. */
export class Service {
  private child: ChildProcess | null = null;
  starts = 0;

  constructor(readonly name: string, private readonly dir: string, private readonly command: () => [string, string[], NodeJS.ProcessEnv]) {}

  start(): ChildProcess {
    const [bin, args, env] = this.command();
    const log = createWriteStream(join(this.dir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.child = child;
    this.starts++;
    return child;
  }

  /** Resolves once the process wrote `line` to stdout. */
  startAndAwait(line: string, timeoutMs: number): Promise<void> {
    const child = this.start();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
      child.stdout!.on('data', (b: Buffer) => { if (b.toString().includes(line)) { clearTimeout(timer); resolve(); } });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${this.name} exited (${code}) before it was ready`)); });
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** For exit hooks, where nothing can be awaited. */
  killNow(): void {
    if (this.alive) this.child!.kill('SIGKILL');
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

function postgresBin(tool: string): string {
  for (const dir of ['/usr/lib/postgresql']) {
    if (!existsSync(dir)) continue;
    const versions = readdirSync(dir).sort().reverse();
    for (const v of versions) if (existsSync(join(dir, v, 'bin', tool))) return join(dir, v, 'bin', tool);
  }
  return tool;
}

/** initdb refuses root: as root, run the server as the `postgres` OS user. */
function asPostgresUser(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

/** A throwaway PostgreSQL cluster (trust auth, fsync off): `restart()` stops it the hard way and starts it again. */
export class OwnPostgres {
  port = 0;
  private readonly data: string;

  constructor(private readonly dir: string) {
    this.data = join(dir, 'pgdata');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/educredit_faults`;
  }

  private ctl(args: string[]): void {
    const [bin, argv] = asPostgresUser(postgresBin('pg_ctl'), args);
    execFileSync(bin, argv, { stdio: 'pipe', timeout: 60_000 });
  }

  async start(): Promise<void> {
    if (!this.port) {
      this.port = await freePort();
      if (process.getuid?.() === 0) { chownSync(this.dir, uidOf('postgres'), -1); chmodSync(this.dir, 0o700); }
      const [bin, argv] = asPostgresUser(postgresBin('initdb'), ['-D', this.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
      execFileSync(bin, argv, { stdio: 'pipe', timeout: 120_000 });
    }
    this.ctl(['-D', this.data, '-l', join(this.dir, 'postgres.log'), '-w', '-t', '60', 'start',
      '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`]);
  }

  /** `pg_ctl stop -m immediate` is a crash as far as clients are concerned: connections drop, WAL is replayed. */
  async restart(downMs: number): Promise<void> {
    this.ctl(['-D', this.data, '-m', 'immediate', 'stop']);
    await sleep(downMs);
    await this.start();
  }

  stop(): void {
    try { this.ctl(['-D', this.data, '-m', 'immediate', 'stop']); } catch { /* already down */ }
  }
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}

export async function ownRedis(dir: string): Promise<{ service: Service; url: string; port: number }> {
  const port = await freePort();
  const service = new Service('redis', dir, () => ['redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], process.env]);
  return { service, url: `redis://127.0.0.1:${port}/0`, port };
}

/** A Temporal dev server whose history is in a SQLite file, so a restart keeps every workflow. */
export async function ownTemporal(dir: string, bin: string): Promise<{ service: Service; address: string; port: number }> {
  const [port, http, metrics, ui] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  mkdirSync(dir, { recursive: true });
  const service = new Service('temporal', dir, () => [bin, ['server', 'start-dev', '--headless', '--ip', '127.0.0.1',
    '--port', String(port), '--http-port', String(http), '--metrics-port', String(metrics), '--ui-port', String(ui),
    '--db-filename', join(dir, 'temporal.db'), '--log-level', 'error'], process.env]);
  return { service, address: `127.0.0.1:${port}`, port };
}

export async function portAnswers(port: number): Promise<boolean> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve) => {
    const c = createConnection({ host: '127.0.0.1', port }, () => { c.destroy(); resolve(true); });
    c.once('error', () => resolve(false));
  });
}
