/**
 * The case workflow with one unversioned change (its writes flushed before registration): what a developer
 * would ship after release 1.0.0 by forgetting patched(). The replay test proves saved histories catch it.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities';
import type { CaseInput } from '../../workflows/contracts';
import { dishonestyCaseWorkflow as original } from '../../workflows/dishonesty-case.workflow';

const acts = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds' });

export async function dishonestyCaseWorkflow(input: CaseInput) {
  await acts.recordCaseWrites({ caseNo: input.caseNo, writes: [] });
  return original(input);
}
