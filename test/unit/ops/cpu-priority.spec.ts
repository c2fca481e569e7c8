import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The worker yields the CPU to the API on a shared host (issue #20): every thread of the process is lowered, those
 * running before the call (V8's, libuv's) and those started after it (as Temporal's core and the workflow thread are).
 * Run in a child process, so this test's own priority stays as it was. Linux only, as the machine and CI are.
 */
describe('lowerCpuPriority', () => {
  const script = (nice: number) => `
    require('ts-node').register({ transpileOnly: true });
    const { lowerCpuPriority } = require(${JSON.stringify(join(__dirname, '../../../src/ops/cpu-priority'))});
    const { readdirSync, readFileSync } = require('node:fs');
    const { Worker } = require('node:worker_threads');
    const answered = lowerCpuPriority(${nice});
    const later = new Worker('setTimeout(() => {}, 300)', { eval: true }); // a thread started afterwards
    setTimeout(() => {
      const nices = readdirSync('/proc/self/task').map((tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]));
      console.log(JSON.stringify({ answered, nices }));
      later.terminate();
    }, 100);`;
  const run = (nice: number): { answered: number; nices: number[] } =>
    JSON.parse(execFileSync(process.execPath, ['-e', script(nice)], { encoding: 'utf8' }).trim().split('\n').pop()!);

  it('lowers every thread, including one started after the call, and answers the nice value', () => {
    const { answered, nices } = run(7);
    expect(answered).toBe(7);
    expect(nices.length).toBeGreaterThan(4);
    expect(nices.every((n) => n === 7)).toBe(true);
  });

  it('leaves the process as it was for 0', () => {
    const { answered, nices } = run(0);
    expect(answered).toBe(0);
    expect(nices.every((n) => n === 0)).toBe(true);
  });
});
