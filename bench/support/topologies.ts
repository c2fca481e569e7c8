import { spawn } from 'node:child_process';
import { progress } from './report';

/** "2+2" → 2 API processes (src/cluster.ts, one port) and 2 workers; unset or malformed parts count as 1. */
export function parseTopology(spec: string | undefined): { api: number; workers: number; label: string } {
  const [api, workers] = (spec ?? '1+1').split('+').map((n) => Math.max(1, Number(n) || 1));
  return { api, workers: workers ?? 1, label: `${api}+${workers ?? 1}` };
}

/**
 * Runs this same bench once per topology (issue #20 part 2: 1+1 against 2+2), each as its own child with
 * LOAD_TOPOLOGY set, and prints every figure once with the runs side by side: `name | 1+1: a · 2+2: b | target |
 * status`, met only when every run met it. The children's own progress goes to stderr as they run.
 */
export async function sideBySide(topologies: string[]): Promise<void> {
  const rows = new Map<string, { target: string; values: string[]; statuses: string[] }>();
  for (const [i, topology] of topologies.entries()) {
    progress(`--- run ${i + 1}/${topologies.length}: ${topology} (API processes + workers) ---`);
    const lines = await new Promise<string[]>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        env: { ...process.env, LOAD_TOPOLOGY: topology }, stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => { out += b.toString('utf8'); });
      child.once('error', reject);
      child.once('close', (code) => (code === 0 ? resolve(out.split('\n')) : reject(new Error(`the ${topology} run exited ${code}`))));
    });
    for (const line of lines) {
      const parts = line.split(' | ').map((p) => p.trim());
      if (parts.length !== 4) continue;
      // a name that counts what this run did ("writes p95 (248 writes, 91 completed)") keeps the count with the value
      const counted = /^(.*?) \(([^)]*\d[^)]*)\)$/.exec(parts[0]);
      const [name, value] = counted ? [counted[1], `${parts[1]} (${counted[2]})`] : [parts[0], parts[1]];
      const row = rows.get(name) ?? { target: parts[2], values: topologies.map(() => 'n/a'), statuses: topologies.map(() => '—') };
      row.values[i] = value;
      row.statuses[i] = parts[3];
      rows.set(name, row);
    }
  }
  for (const [name, r] of rows) {
    const status = r.statuses.includes('MISSED') ? 'MISSED' : r.statuses.every((s) => s === 'met') ? 'met' : '—';
    console.log(`${name} | ${r.values.map((v, i) => `${topologies[i]}: ${v}`).join(' · ')} | ${r.target} | ${status}`);
  }
}
