import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { quietTemporalRuntime } from '../support/temporal';

const DIR = join(__dirname, '../histories');
const histories = () =>
  readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => ({
    workflowId: f.replace(/\.json$/, ''),
    history: historyFromJSON(JSON.parse(readFileSync(join(DIR, f), 'utf8'))),
  }));

async function replayAll(workflowsPath: string) {
  const results = [];
  for await (const r of Worker.runReplayHistories({ workflowsPath, replayName: 'ci' }, histories())) results.push(r);
  return results;
}

/** Cases running in production replay the current workflow code; these saved histories stand in for them. */
describe('replay of saved case histories', () => {
  beforeAll(() => quietTemporalRuntime());

  it('has finished and in-flight histories to replay', () => {
    const names = histories().map((h) => h.workflowId);
    expect(names.some((n) => n.startsWith('finished-'))).toBe(true);
    expect(names.filter((n) => n.startsWith('in-flight-')).length).toBeGreaterThanOrEqual(2);
  });

  it('replays every saved history with the current workflow code', async () => {
    const results = await replayAll(require.resolve('../../workflows'));
    expect(results.map((r) => [r.workflowId, r.error?.message ?? null])).toEqual(histories().map((h) => [h.workflowId, null]));
  });

  it('fails when the workflow changes without patched()', async () => {
    const results = await replayAll(require.resolve('../replay/altered-workflows'));
    for (const r of results) expect(r.error).toBeInstanceOf(DeterminismViolationError);
  });
});
