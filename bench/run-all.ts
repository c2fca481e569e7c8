import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadAverage } from './support/report';
import { spawnBench } from './support/spawn-bench';

/**
 * Runs every bench/*.bench.ts (or *.bench.js when compiled) in turn, each as its own child process, and prints ONE
 * table of the lines they print in the shared format `name | value | target | met/MISSED` (status `—` for
 * informational lines). A bench's own output goes to stderr as it runs; a bench that exits non-zero or runs past
 * the time limit gets an ERROR row. Always exits 0: the table is the result.
 *
 *   npx ts-node -T bench/run-all.ts [--only case-throughput,worklist] [--timeout-min 45]
 */
const ext = __filename.endsWith('.js') ? '.js' : '.ts';
/** The repository root (ts-node and node_modules resolve from it), from bench/ or from <outDir>/bench/. */
const ROOT = ext === '.ts' ? join(__dirname, '..') : __dirname.includes('bench-dist') ? join(__dirname, '../../..') : join(__dirname, '../..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
const timeoutMin = process.argv.includes('--timeout-min') ? Number(process.argv[process.argv.indexOf('--timeout-min') + 1]) : 45;

interface Row { bench: string; name: string; value: string; target: string; status: string }

function parse(bench: string, line: string): Row | null {
  const parts = line.split(' | ');
  if (parts.length !== 4) return null;
  const [name, value, target, status] = parts.map((p) => p.trim());
  if (!['met', 'MISSED', '—', '-', 'informational'].includes(status) || !name) return null;
  return { bench, name, value, target, status };
}

async function run(file: string): Promise<{ rows: Row[]; code: number | null; seconds: number }> {
  const bench = basename(file).replace(/\.bench\.(ts|js)$/, '');
  const rows: Row[] = [];
  const t0 = Date.now();
  const code = await spawnBench(file, (line) => {
    process.stderr.write(`${line}\n`);
    const row = parse(bench, line);
    if (row) rows.push(row);
  }, { cwd: ROOT, timeoutMin, onTimeout: () => process.stderr.write(`[run-all] ${bench}: stopping after ${timeoutMin} min\n`) });
  return { rows, code, seconds: (Date.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const files = readdirSync(__dirname).filter((f) => f.endsWith(`.bench${ext}`)).sort()
    .filter((f) => !only || only.includes(f.replace(/\.bench\.(ts|js)$/, '')));
  const startLoad = loadAverage();
  const all: Row[] = [];
  for (const f of files) {
    process.stderr.write(`\n[run-all] ${f} (load average ${loadAverage()})\n`);
    const { rows, code, seconds } = await run(join(__dirname, f));
    const bench = f.replace(/\.bench\.(ts|js)$/, '');
    all.push(...rows);
    all.push({ bench, name: 'run time', value: `${seconds.toFixed(0)} s, exit ${code}`, target: '—', status: code === 0 ? '—' : code === null ? 'ERROR (killed)' : 'ERROR' });
  }
  const table = [['bench', 'name', 'value', 'target', 'status'], ...all.map((r) => [r.bench, r.name, r.value, r.target, r.status])];
  console.log(`\nBenchmarks on ${new Date().toISOString().slice(0, 16)}Z, load average (1/5/15 min) ${startLoad} at start, ${loadAverage()} at the end\n`);
  for (const [i, r] of table.entries()) {
    console.log(`| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    if (i === 0) console.log(`|${r.map(() => '---').join('|')}|`);
  }
  const missed = all.filter((r) => r.status === 'MISSED' || r.status.startsWith('ERROR')).length;
  console.log(`\n${files.length} benches, ${all.filter((r) => r.status === 'met').length} targets met, ${missed} missed or failed`);
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
