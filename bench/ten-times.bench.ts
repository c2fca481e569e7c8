import { join } from 'node:path';
import { loadAverage, progress } from './support/report';
import { spawnBench } from './support/spawn-bench';

/**
 * The capacity check of issue #21 (docs/scaling.md): the two data-volume benches again at ten times today's data, each
 * on a database of its own (educredit_bench10, recreated):
 *   - the worklist over 1,000,000 cases and 10,000,000 tasks (worklist.bench.ts): p95 ≤ 30 ms, ≤ 2× hand-written SQL;
 *   - re-evaluation of 1,000,000 institutions with 10,000,000 credit records (reevaluate.bench.ts): ≤ 60 s.
 * Their lines come out as they print them, each name prefixed `10×:`. About 20 minutes and 15 GB of disk on the
 * 2-core machine; `npm run bench -- --only ten-times` runs it alone.
 */
const ext = __filename.endsWith('.js') ? '.js' : '.ts';
const DATABASE = process.env.BENCH_TEN_TIMES_DATABASE ?? 'educredit_bench10';

function runAtTenTimes(bench: string): Promise<number | null> {
  // both benches name their database differently: worklist through support/environment.ts, reevaluate on its own
  const env = { ...process.env, BENCH_SCALE: '10', BENCH_DATABASE: DATABASE, BENCH_DB: DATABASE, BENCH_REUSE: '' };
  return spawnBench(join(__dirname, `${bench}.bench${ext}`), (line) => {
    // a table line (`name | value | target | status`) gets its prefix; anything else is progress for people
    if (line.split(' | ').length === 4) console.log(`10×: ${line}`);
    else if (line.trim()) process.stderr.write(`${line}\n`);
  }, { cwd: join(__dirname, '..'), env });
}

async function main(): Promise<void> {
  let failed = false;
  for (const bench of ['worklist', 'reevaluate']) {
    progress(`${bench} at ten times (load average ${loadAverage()})`);
    const code = await runAtTenTimes(bench);
    if (code !== 0) {
      progress(`${bench} at ten times exited ${code}`);
      failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
