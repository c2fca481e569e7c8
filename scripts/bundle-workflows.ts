import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { bundlePathOf, WORKFLOW_SETS, workflowModuleOf, type WorkflowSet } from '../src/temporal/temporal-worker';

/**
 * Pre-bundles the workflow code of both workers for production: `bundle-workflows.js [case-bundle.js]` writes the
 * case bundle there (default dist/workflow-bundle.js) and the supervision bundle beside it (`*.supervision.js`),
 * where the workers look for them (src/temporal/temporal-worker.ts). Any warning (a Node built-in that slipped into
 * workflow code only warns at bundle time and fails at run time) is treated as an error.
 */
async function bundle(set: WorkflowSet, out: string): Promise<void> {
  const warnings: string[] = [];
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowModuleOf(set),
    logger: {
      log: () => undefined,
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => void warnings.push(message),
      error: (message: string) => void warnings.push(message),
    },
  });
  if (warnings.length) throw new Error(`${set} workflow bundle has problems:\n${warnings.join('\n')}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`${set} workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)`);
}

async function main(): Promise<void> {
  const caseBundle = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  for (const set of WORKFLOW_SETS) await bundle(set, bundlePathOf(caseBundle, set));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
