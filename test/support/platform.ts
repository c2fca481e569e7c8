import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RunningSimulator, startPlatformSimulator } from '../../src/platform-simulator/server';

/** Short timings so retries, outages and requeues play out in seconds; set before any Nest context is created. */
export function usePlatformEnv(sim: RunningSimulator, extra: Record<string, string> = {}): () => void {
  const vars: Record<string, string> = {
    PLATFORM_URL: sim.url,
    PLATFORM_TIMEOUT_MS: '2000',
    PLATFORM_BACKOFF_MS: '100',
    PLATFORM_BACKOFF_MAX_MS: '800',
    PLATFORM_MAX_ATTEMPTS: '200',
    PLATFORM_RATE_LIMIT_PER_SEC: '2000',
    PLATFORM_CONCURRENCY: '8',
    PLATFORM_POLL_MS: '200',
    PLATFORM_REQUEUE_MS: '3000',
    PLATFORM_JOB_LOCK_MS: '3000',
    PLATFORM_FEED_EVERY_MS: '3600000', // tests pull explicitly
    ...extra,
  };
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export async function startSimulator(): Promise<RunningSimulator> {
  return startPlatformSimulator({ port: 0 });
}

/** The relay's consumers alone (src/platform/relay.main.ts), in this process. */
export async function relayContext(): Promise<INestApplicationContext> {
  const { RelayModule } = await import('../../src/platform/relay.main');
  return NestFactory.createApplicationContext(RelayModule, { logger: false });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | false | null | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await probe().catch((e) => e);
    if (last && !(last instanceof Error)) return last as T;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
