import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { type AppEnv, validateEnv } from '../config/env.schema';
import { ensureSearchAttributes } from './search-attributes';

/** The workflow code each of the two workers runs: the case lifecycle, and the supervision jobs on their own queue. */
const WORKFLOW_MODULES = {
  case: require.resolve('../../workflows'),
  supervision: require.resolve('../../workflows/reevaluate-all.workflow'),
} as const;

export type WorkflowSet = keyof typeof WORKFLOW_MODULES;
export const WORKFLOW_SETS = Object.keys(WORKFLOW_MODULES) as WorkflowSet[];

/** Where a set's bundle lies, given WORKFLOW_BUNDLE_PATH (the case bundle's): `x.js` → `x.supervision.js`. */
export function bundlePathOf(caseBundle: string, set: WorkflowSet): string {
  return set === 'case' ? caseBundle : caseBundle.replace(/(\.js)?$/, `.${set}.js`);
}

export function workflowModuleOf(set: WorkflowSet): string {
  return WORKFLOW_MODULES[set];
}

/**
 * Production runs the bundles `node dist/scripts/bundle-workflows.js` built (checked there, so a Node built-in in
 * workflow code fails the build, not a running worker); development and tests bundle `workflows/` on start.
 */
export function workflowSource(set: WorkflowSet, env: AppEnv): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (env.WORKFLOW_BUNDLE_PATH) return { workflowBundle: { codePath: bundlePathOf(env.WORKFLOW_BUNDLE_PATH, set) } };
  if (env.NODE_ENV === 'production') {
    throw new Error('WORKFLOW_BUNDLE_PATH is not set: production workers run the pre-built bundle (node dist/scripts/bundle-workflows.js)');
  }
  return { workflowsPath: workflowModuleOf(set) };
}

/**
 * Both workers are built here, the same way: their own connection, the namespace with the case search attributes
 * registered (idempotent), and their workflow source.
 */
export async function createTemporalWorker(
  set: WorkflowSet, options: Omit<WorkerOptions, 'connection' | 'namespace'>, env = validateEnv(process.env),
): Promise<Worker> {
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  await ensureSearchAttributes(connection, env.TEMPORAL_NAMESPACE);
  return Worker.create({ connection, namespace: env.TEMPORAL_NAMESPACE, ...workflowSource(set, env), ...options });
}
