import { spawn } from 'node:child_process';

/**
 * Runs one bench file in a child process of its own (through ts-node for a .ts file) and hands each line it prints on
 * stdout to `onLine` as it comes; answers its exit code. Past `timeoutMin` it is stopped (SIGTERM, then SIGKILL).
 * Used by run-all.ts and ten-times.bench.ts.
 */
export function spawnBench(file: string, onLine: (line: string) => void,
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMin?: number; onTimeout?: () => void }): Promise<number | null> {
  const args = file.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', file] : [file];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'inherit'], env: opts.env ?? process.env });
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    const timer = opts.timeoutMin === undefined ? undefined : setTimeout(() => {
      opts.onTimeout?.();
      child.kill('SIGTERM');
      setTimeout(kill, 15_000).unref();
    }, opts.timeoutMin * 60_000);
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      process.removeListener('exit', kill);
      if (buffered) onLine(buffered);
      resolve(code);
    });
  });
}
