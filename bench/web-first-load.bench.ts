import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { serveWebConsole } from '../src/web-console';
import { loginToWorklist } from './support/login-to-worklist';
import { exitOnSignals, numberArg, percentile, progress, report } from './support/report';

/**
 * The web console's first load: the JS and CSS a browser downloads for /login before the form appears, as the API
 * serves them (src/web-console.ts: pre-compressed brotli/gzip, hashed assets cached a year). Builds web/dist, serves it
 * from the real serveWebConsole on a bare Nest app (no database needed) and lets Debian's Chromium load the page
 * (web/e2e/first-load.mjs). Target (issue #22): ≤ 300 KB compressed.
 * Then the time from the click on 登录 to the first row of 我的待办, in Chromium against the real API over a seeded
 * worklist, one officer per run (bench/support/login-to-worklist.ts, web/e2e/login-to-worklist.mjs; needs PostgreSQL,
 * Redis and the Temporal CLI like the other benches). Target (issue #22): ≤ 600 ms, median of the runs.
 *   npx ts-node -T bench/web-first-load.bench.ts [--no-build] [--runs 5] [--no-login]
 */
const TARGET_KB = 300;
const TARGET_LOGIN_MS = 600;
const run = promisify(execFile);

interface LoadedFile { path: string; encodedBytes: number; bytes: number; encoding: string; cacheControl: string; afterForm: boolean }

/** The repository root, from bench/ or from a compiled copy under dist/. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'web', 'package.json'))) {
    if (dirname(dir) === dir) throw new Error('web/package.json not found above ' + __dirname);
    dir = dirname(dir);
  }
  return dir;
}

@Module({})
class StaticFilesOnly {}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const fileSize = (file: string, otherwise: number) => (existsSync(file) ? statSync(file).size : otherwise);

async function main(): Promise<void> {
  exitOnSignals();
  const web = join(repositoryRoot(), 'web');
  if (!process.argv.includes('--no-build')) {
    progress('building web/dist');
    await run('npm', ['--prefix', web, 'run', '--silent', 'build'], { maxBuffer: 64 * 1024 * 1024 });
  }
  const app = await NestFactory.create<NestExpressApplication>(StaticFilesOnly, { logger: false });
  if (!serveWebConsole(app, join(web, 'dist'))) throw new Error('web/dist/index.html is missing: build the console first');
  await app.listen(0, '127.0.0.1');
  try {
    progress('loading /login in Chromium');
    const { stdout } = await run(process.execPath, [join(web, 'e2e', 'first-load.mjs')], {
      env: { ...process.env, BASE_URL: await app.getUrl() },
    });
    const loaded = (JSON.parse(stdout.trim().split('\n').pop()!) as { files: LoadedFile[] }).files;
    const files = loaded.filter((f) => !f.afterForm);
    const preloaded = loaded.filter((f) => f.afterForm);
    const encoded = files.reduce((s, f) => s + f.encodedBytes, 0);
    const plain = files.reduce((s, f) => s + f.bytes, 0);
    const encodings = [...new Set(files.map((f) => f.encoding))].join(', ');
    report('login page: JS and CSS downloaded before the form, compressed as served',
      `${kb(encoded)} in ${files.length} files (${encodings}; ${kb(plain)} uncompressed)`, `≤ ${TARGET_KB} KB`, encoded <= TARGET_KB * 1024);
    // Chromium offers brotli only over HTTPS, so the run above (plain HTTP on loopback) got gzip; behind TLS it gets the .br files
    const brotli = files.reduce((s, f) => s + fileSize(join(web, 'dist', `${f.path}.br`), f.encodedBytes), 0);
    report('login page: the same over HTTPS (brotli, the .br files served)', kb(brotli), `≤ ${TARGET_KB} KB`, brotli <= TARGET_KB * 1024);
    report('login page: loaded after the form while the person types (the worklist\'s code, when idle)',
      `${kb(preloaded.reduce((n, f) => n + f.encodedBytes, 0))} in ${preloaded.length} files`, '—', null);
    const hashed = loaded.filter((f) => f.path.startsWith('/assets/'));
    const immutable = hashed.filter((f) => /max-age=31536000/.test(f.cacheControl) && /immutable/.test(f.cacheControl));
    report('login page: hashed assets cached a year as immutable', `${immutable.length}/${hashed.length}`, `= ${hashed.length}`, immutable.length === hashed.length);
  } finally {
    await app.close();
  }
  if (process.argv.includes('--no-login')) return;
  const runs = await loginToWorklist(join(web, 'dist'), numberArg('runs', 5));
  const median = percentile(runs, 0.5);
  report('登录 → 我的待办: first task row visible after the click (median of the officers)',
    `${median} ms (runs ${runs.join(', ')} ms; worst ${Math.max(...runs)} ms)`, `≤ ${TARGET_LOGIN_MS} ms`, median <= TARGET_LOGIN_MS);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
