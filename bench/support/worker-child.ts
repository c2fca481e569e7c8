import { ChildProcess, fork } from 'node:child_process';
import Redis from 'ioredis';
import { stopChild } from './environment';
import { withTimeout } from './report';

export interface WorkerReady { maxCachedWorkflows: number; rss: number; module: string }

/** bench/case-worker.ts (compiled) in a child process of its own, so its memory is measured alone; talks over IPC. */
export class WorkerChild {
  private constructor(readonly child: ChildProcess, readonly ready: WorkerReady) {}

  static async start(compiledWorker: string, env: Record<string, string>, execArgv: string[] = []): Promise<WorkerChild> {
    const child = fork(compiledWorker, [], { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.once('exit', () => process.removeListener('exit', kill));
    const ready = await withTimeout(new Promise<WorkerReady>((resolve, reject) => {
      child.on('message', (m: { type: string } & WorkerReady) => { if (m.type === 'ready') resolve(m); });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    }), 180_000, 'worker start');
    return new WorkerChild(child, ready);
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
    return this.ask<{ rss: number; heapUsed: number; peakRss: number }>({ type: 'memory' }, 'memory');
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
