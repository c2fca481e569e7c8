import { ChildProcess, execFile, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { hash } from '@node-rs/argon2';
import Redis from 'ioredis';
import { newTotpSecret } from '../../src/auth/totp';
import { FieldCryptoService } from '../../src/common/crypto/field-crypto.service';
import { BENCH_DB_URL, compiledPath, freePort, freshDatabase, ROOT, startTemporalDevServer, stopChild } from './environment';
import { LOAD_OFFICES, loadSeedSql } from './load-seed';
import { progress } from './report';

const PASSWORD = 'Worklist#Bench2026';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * 登录 → 我的待办 in Chromium against the real API (compiled as production runs it, serving `webDist`) over the load
 * bench's seed (10,000 cases and their tasks, bench/support/load-seed.ts): one run per officer, milliseconds each.
 */
export async function loginToWorklist(webDist: string, runs: number): Promise<number[]> {
  const compiledRoot = dirname(dirname(compiledPath('web-first-load.bench.ts')));
  const ds = await freshDatabase();
  const temporal = await startTemporalDevServer();
  const queuePrefix = `educredit-first-load-${process.pid}`;
  let api: ChildProcess | undefined;
  try {
    progress('seeding 10,000 cases and their tasks');
    const secret = newTotpSecret();
    const sealed = FieldCryptoService.fromKeyList(process.env.DATA_ENCRYPTION_KEYS!).encrypt(secret);
    const passwordHash = await hash(PASSWORD);
    for (const sql of loadSeedSql()) await ds.query(sql, sql.includes('$2') ? [passwordHash, sealed] : sql.includes('$1') ? [passwordHash] : []);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', PORT: String(port), DATABASE_URL: BENCH_DB_URL, REDIS_URL, QUEUE_PREFIX: queuePrefix,
      TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: `edu-credit-first-load-${process.pid}`, LOGIN_ADDRESS_LIMIT: '100000',
      SUPERVISION_WORKER: 'off', WEB_DIST_DIR: webDist,
    };
    delete env.PLATFORM_URL;
    progress('starting the API (serving web/dist)');
    api = spawn(process.execPath, [join(compiledRoot, 'src/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) {
      if (i > 240) throw new Error('the API did not start within 120 s');
      await sleep(500);
    }
    progress(`signing in ${runs} officers in Chromium`);
    const usernames = Array.from({ length: runs }, (_, i) => `load-officer-${LOAD_OFFICES[i % LOAD_OFFICES.length]}-${1 + Math.floor(i / LOAD_OFFICES.length)}`);
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'web', 'e2e', 'login-to-worklist.mjs')], {
      env: { ...process.env, BASE_URL: base, PASSWORD, TOTP_SECRET: secret, USERNAMES: usernames.join(',') },
    });
    return (JSON.parse(stdout.trim().split('\n').pop()!) as { runs: number[] }).runs;
  } finally {
    if (api) await stopChild(api);
    await temporal.stop();
    await ds.destroy();
    const redis = new Redis(REDIS_URL);
    for await (const keys of redis.scanStream({ match: `${queuePrefix}:*`, count: 500 })) if ((keys as string[]).length) await redis.del(...(keys as string[]));
    await redis.quit();
  }
}
