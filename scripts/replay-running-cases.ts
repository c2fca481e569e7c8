/**
 * `npm run up` only, before the worker starts: replays the history of every running case in the demo Temporal
 * (var/temporal.db) with the workflow bundle just built. Until release 1.0.0 the workflow changes without
 * patched() (docs/workflow-versions.md), so a case started by an older build may no longer replay; its worker
 * would fail that case's workflow tasks again and again. Such cases are terminated here, and the log says which,
 * instead. Their rows in PostgreSQL stay as they were: register them again to follow them under the new code.
 *   node dist/scripts/replay-running-cases.js <workflow-bundle.js>
 */
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

const CASE_WORKFLOW = 'dishonestyCaseWorkflow';

async function main(): Promise<void> {
  const codePath = process.argv[2];
  if (!codePath) throw new Error('usage: replay-running-cases <workflow-bundle.js>');
  if (process.env.NODE_ENV === 'production') throw new Error('production cases are versioned with patched(), never reset');
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const running: string[] = [];
  for await (const w of client.workflow.list({ query: `WorkflowType='${CASE_WORKFLOW}' AND ExecutionStatus='Running'` })) running.push(w.workflowId);
  const histories = async function* () {
    for (const workflowId of running) yield { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
  };
  const stale: { workflowId: string; why: string }[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: { codePath }, replayName: 'up' }, histories())) {
    // the SDK wraps the core's message ("[TMPRL1100] Nondeterminism error: …") in a long preamble: keep the point
    if (r.error) stale.push({ workflowId: r.workflowId, why: /\[TMPRL\d+\][^"]*/.exec(r.error.message)?.[0] ?? r.error.message.split('\n')[0] });
  }
  for (const { workflowId, why } of stale) {
    await client.workflow.getHandle(workflowId).terminate('started by an older workflow build that no longer replays (pre-1.0.0 demo reset)');
    console.log(`workflow check: case ${workflowId} was started by an older build and cannot replay (${why}); terminated`);
  }
  console.log(stale.length
    ? `workflow check: ${stale.length} of ${running.length} running demo cases reset; their records stay in PostgreSQL, register them again`
    : `workflow check: all ${running.length} running cases replay with this build`);
  await connection.close();
}

main().catch((err) => {
  // never stop `npm run up` over the check itself: the worker still starts, and the reason is in the log
  console.error(`workflow check skipped: ${err instanceof Error ? err.message : String(err)}`);
});
