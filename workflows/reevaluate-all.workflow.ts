import { proxyActivities } from '@temporalio/workflow';
import type { EvaluationActivities } from '../activities/evaluation.activities';

// One set-based statement; a generous timeout, and retries that wait out a database restart.
const { reevaluateAllInstitutions } = proxyActivities<EvaluationActivities>({
  startToCloseTimeout: '15 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

/**
 * Nightly re-evaluation, started by the Schedule `credit-reevaluate-all`. Publicity windows end with the
 * passing of days, not with new records, so grades must be recomputed even when nothing was appended.
 */
export async function reevaluateAllWorkflow(): Promise<{ asOf: string; institutions: number; ms: number }> {
  return reevaluateAllInstitutions();
}
