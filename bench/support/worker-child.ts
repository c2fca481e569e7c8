import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { ROOT, stopChild } from './environment';
import { withTimeout } from './report';

export interface WorkerReady { maxCachedWorkflows: number; rss: number; module: string }

export interface WorkerMemory {
  rss: number; heapUsed: number; peakRss: number;
  breakdown: {
    mainHeapUsed: number; mainHeapTotal: number; external: number; workflowHeapUsed: number; workflowHeapTotal: number;
    workflowThreads: number; rssAnon: number; rssFile: number; threads: number;
  };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/** Where a worker's RSS goes; what the V8 heaps do not account for is the Rust core, code and allocator slack. */
export function describeMemory({ rss, breakdown: b }: WorkerMemory): string {
  const rest = rss - b.mainHeapTotal - b.workflowHeapTotal - b.external;
  return `main heap ${mb(b.mainHeapUsed)} used / ${mb(b.mainHeapTotal)}, external ${mb(b.external)}, ` +
    `workflow heap ${mb(b.workflowHeapUsed)} / ${mb(b.workflowHeapTotal)} (${b.workflowThreads} thread${b.workflowThreads === 1 ? '' : 's'}), ` +
    `rest ${mb(rest)}; anon ${mb(b.rssAnon)}, file ${mb(b.rssFile)}, ${b.threads} OS threads`;
}

export interface CommandLine { env: Record<string, string>; execArgv: string[] }

/** `A=1 B=2 node --flag --other=x script.js` or `A=1 --flag`: the environment assignments and the Node flags. */
export function parseCommandLine(line: string): CommandLine {
  const env: Record<string, string> = {};
  const execArgv: string[] = [];
  for (const word of line.trim().split(/\s+/).filter(Boolean)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (assignment) env[assignment[1]] = assignment[2];
    else if (word.startsWith('--')) execArgv.push(word);
    else if (word !== 'node') break; // the script: what follows are its own arguments
  }
  return { env, execArgv };
}

/**
 * How production starts the worker: package.json's `start:worker` (scripts/up.sh and the Dockerfile run the same
 * flags). BENCH_WORKER_COMMAND (`NAME=value … --flag …`) replaces it, to measure another configuration.
 */
export function productionWorkerCommand(): CommandLine {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return parseCommandLine(process.env.BENCH_WORKER_COMMAND ?? pkg.scripts['start:worker']);
}

/**
 * bench/case-worker.ts (compiled) in a child process of its own, so its memory is measured alone; talks over IPC.
 * Unless told otherwise it runs with production's Node flags and environment (productionWorkerCommand).
 */
export class WorkerChild {
  private constructor(readonly child: ChildProcess, readonly ready: WorkerReady, readonly execArgv: string[]) {}

  static async start(compiledWorker: string, env: Record<string, string>, command = productionWorkerCommand()): Promise<WorkerChild> {
    const { execArgv } = command;
    const child = fork(compiledWorker, [], {
      // the worker's own output (the SDK's warnings) to stderr, so stdout stays the bench's table
      execArgv, env: { ...process.env, ...command.env, ...env }, stdio: ['ignore', 2, 2, 'ipc'],
    });
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.once('exit', () => process.removeListener('exit', kill));
    const ready = await withTimeout(new Promise<WorkerReady>((resolve, reject) => {
      child.on('message', (m: { type: string } & WorkerReady) => { if (m.type === 'ready') resolve(m); });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    }), 180_000, 'worker start');
    return new WorkerChild(child, ready, execArgv);
  }

  ask<T>(msg: object, reply: string): Promise<T> {
    return withTimeout(new Promise<T>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== reply) return;
        this.child.off('message', on);
        resolve(m as T);
      };
      this.child.on('message', on);
      this.child.send(msg);
    }), 30_000, `worker reply ${reply}`);
  }

  memory() {
    return this.ask<WorkerMemory>({ type: 'memory' }, 'memory');
  }

  stop() {
    return stopChild(this.child);
  }
}

/** Deletes the BullMQ keys a bench run's full worker left under its own queue prefix (bounded SCAN). */
export async function removeQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    for (let i = 0; i < 10_000; i++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } catch { /* Redis is only used by the full worker's queues; nothing to clean without it */ }
  redis.disconnect();
}
