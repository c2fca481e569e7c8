import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers this process's CPU priority to `nice` (0–19; 0 leaves it as it is) and answers the nice value it runs at.
 * On Linux a nice value belongs to each thread: every thread already running is lowered (V8's and libuv's), and
 * threads started later (Temporal's core, the workflow thread) inherit it from the thread that starts them.
 */
export function lowerCpuPriority(nice: number): number {
  if (nice > 0) {
    let threads: number[] = [0];
    try {
      threads = readdirSync('/proc/self/task').map(Number);
    } catch {
      // not Linux: the process's own priority is all there is
    }
    for (const tid of threads) {
      try {
        setPriority(tid, Math.max(getPriority(tid), nice));
      } catch {
        // a thread that ended meanwhile
      }
    }
  }
  return getPriority();
}
