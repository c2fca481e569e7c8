import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, sep } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

/**
 * Delivery throughput of the outbox relay against posting the same records straight to the simulator, in one
 * run on one machine. `node dist/bench/platform-delivery.bench.js` (after `npm run build`); it makes its own
 * database (BENCH_DATABASE, default educredit_platform_bench) and queue prefix, and starts the simulator as a child process.
 */
const N = Number(process.env.BENCH_RECORDS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4); // per record type, the relay's default
const TYPES = ['licence', 'penalty', 'determination', 'interview', 'commitment', 'joint_sanction_notice', 'repair', 'correction'];
const IN_FLIGHT = CONCURRENCY * TYPES.length;
const FROM_DIST = __dirname.includes(`${sep}dist${sep}`);
const ROOT = join(__dirname, FROM_DIST ? '../..' : '..');

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function record(prefix: string, i: number) {
  const type = TYPES[i % TYPES.length];
  return {
    idempotencyKey: `${prefix}:${i}`, type, recordRef: `${prefix}-${i}`, uscc: '52320700MJ58463813',
    payload: { decisionDate: '2026-03-02', title: `基准记录 ${i}`, caseNo: `LY-2026-${String(i).padStart(6, '0')}`, department: '市监局' },
  };
}

async function startSimulator(port: number): Promise<ChildProcess> {
  const built = join(ROOT, 'dist/src/platform-simulator/main.js');
  const args = FROM_DIST && existsSync(built) ? [built] : ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/platform-simulator/main.ts')];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SIMULATOR_PORT: String(port), SIMULATOR_SEED_DEMO: '0', SIMULATOR_STATE_FILE: '' }, stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/admin/stats`).then(() => true, () => false)) return child;
    await sleep(100);
  }
  throw new Error('simulator did not start');
}

async function direct(url: string, prefix: string, n: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < n) {
      const body = JSON.stringify(record(prefix, next++));
      const res = await fetch(`${url}/v1/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
    }
  }));
  return n / ((performance.now() - started) / 1000);
}

/** For context only: the same records through the platform's batch endpoint, 50 per request, no queue, no ledger. */
async function directBatched(url: string, prefix: string, n: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: 2 }, async () => {
    while (next < n) {
      const from = next;
      next = Math.min(n, next + 50);
      const records = Array.from({ length: next - from }, (_, j) => record(prefix, from + j));
      const res = await fetch(`${url}/v1/records/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records }) });
      await res.arrayBuffer();
    }
  }));
  return n / ((performance.now() - started) / 1000);
}

async function prepareDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = await new DataSource({ type: 'postgres', url: url.replace(/\/[^/]+$/, '/postgres') }).initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.destroy();
}

async function main(): Promise<void> {
  const dbUrl = `postgres://postgres@127.0.0.1:5432/${process.env.BENCH_DATABASE ?? 'educredit_platform_bench'}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: dbUrl, QUEUE_PREFIX: `educredit-bench-${process.pid}`,
    PLATFORM_URL: url, PLATFORM_CONCURRENCY: String(CONCURRENCY), PLATFORM_RATE_LIMIT_PER_SEC: '0',
    PLATFORM_POLL_MS: '1000', PLATFORM_FEED_EVERY_MS: '3600000',
  });
  await prepareDatabase(dbUrl);
  const { dataSourceOptions } = await import('../src/database/data-source');
  const ds = await new DataSource(dataSourceOptions()).initialize();
  await ds.runMigrations();
  const sim = await startSimulator(port);
  let relay: INestApplicationContext | undefined;
  try {
    await direct(url, 'warmup', 1000);
    await fetch(`${url}/admin/reset`, { method: 'POST' });
    const directRate = await direct(url, 'bench-direct', N);
    await fetch(`${url}/admin/reset`, { method: 'POST' });
    const batchedRate = await directBatched(url, 'bench-batched', N);
    await fetch(`${url}/admin/reset`, { method: 'POST' });

    const { RelayModule } = await import('../src/platform/relay.main');
    relay = await NestFactory.createApplicationContext(RelayModule, { logger: false });
    const started = performance.now();
    // 20 transactions of 500 records, as a bulk import would write them; each commit's NOTIFY wakes the relay
    for (let i = 0; i < N; i += 500) {
      const rows = Array.from({ length: Math.min(500, N - i) }, (_, j) => record('bench-relay', i + j));
      await ds.query(
        `INSERT INTO platform_submissions (idempotency_key, record_type, record_ref, uscc, payload)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::varchar[], $5::jsonb[])`,
        [rows.map((r) => r.idempotencyKey), rows.map((r) => r.type), rows.map((r) => r.recordRef), rows.map((r) => r.uscc),
          rows.map((r) => JSON.stringify(r.payload))],
      );
    }
    for (;;) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM platform_submissions WHERE status <> 'delivered'`);
      if (n === 0) break;
      await sleep(20);
    }
    const relayRate = N / ((performance.now() - started) / 1000);
    const stats = (await (await fetch(`${url}/admin/stats`)).json()) as { held: number };
    const ratio = relayRate / directRate;
    const line = (name: string, value: string, target: string, met: boolean | null) =>
      console.log(`${name} | ${value} | ${target} | ${met === null ? '—' : met ? 'met' : 'MISSED'}`);
    line(`direct POST to the simulator (${N} records, ${IN_FLIGHT} in flight)`, `${directRate.toFixed(0)} rec/s`, '—', null);
    line(`direct POST /v1/records/batch, 50 per request (${N} records; context only)`, `${batchedRate.toFixed(0)} rec/s`, '—', null);
    line(`outbox → BullMQ → simulator (${N} records written in 20 transactions of 500, ${CONCURRENCY} jobs per type × ${TYPES.length} types, ` +
      'grouped into batch requests, no rate limit)', `${relayRate.toFixed(0)} rec/s`, '—', null);
    line('relay / direct POST throughput', ratio.toFixed(2), '≥ 0.5', ratio >= 0.5);
    line('records held by the platform after the relay run', String(stats.held), `= ${N}`, stats.held === N);
  } finally {
    await relay?.close();
    await ds.destroy();
    sim.kill('SIGTERM');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    await redis.quit();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
