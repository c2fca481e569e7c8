import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { PenaltyActivities } from '../activities/penalty.activities';
import { now } from './runtime/proxies';

const { openStatementPeriod, closeStatementPeriod, openServicePeriod } = proxyActivities<PenaltyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Steps the API has written (each in its own transaction, src/industry-bans/ban-procedure.service.ts) and reports
 * here; the workflow owns what the law times between them.
 */
export type PenaltyStep = 'noticeServed' | 'hearingRequested' | 'decided' | 'notImposed' | 'decisionServed';
export const penaltyStepSignal = defineSignal<[PenaltyStep]>('penaltyStep');
export const penaltyStateQuery = defineQuery<{ steps: PenaltyStep[]; statementDue: string | null; serveBy: string | null }>('penaltyState');

export interface PenaltyProcedureInput {
  proposalId: string;
}

/**
 * 限制从业 by the penalty procedure (行政处罚法 2021; docs/industry-bans.md), one workflow per proposal (`ban-<id>`).
 * proposal (two officers, art. 42) → 事先告知书 served (art. 44) → 5 working days for statement, defence and a hearing
 * request (art. 64, 85) → hearing if asked (art. 63–65) → legal review (art. 58) → the head's decision (art. 57) →
 * 行政处罚决定书 served within 7 working days (art. 61). Dates come from activities (the calendar is I/O).
 */
export async function penaltyProcedureWorkflow(input: PenaltyProcedureInput): Promise<'imposed' | 'not_imposed'> {
  const steps: PenaltyStep[] = [];
  let statementDue: string | null = null;
  let serveBy: string | null = null;
  setHandler(penaltyStepSignal, (s) => void (steps.includes(s) || steps.push(s)));
  setHandler(penaltyStateQuery, () => ({ steps: [...steps], statementDue, serveBy }));
  const seen = (...s: PenaltyStep[]) => s.some((x) => steps.includes(x));

  await condition(() => seen('noticeServed', 'notImposed'));
  if (!seen('notImposed')) {
    const period = await openStatementPeriod(input.proposalId, now());
    statementDue = period.statementDue;
    // the period runs to the end of its last day; a hearing request or an early end stops the wait (a timeout of 0
    // would mean "no timeout" to condition(), so a period already over waits 1 ms)
    const answered = await condition(() => seen('hearingRequested', 'decided', 'notImposed'), Math.max(1, period.closesInMs));
    if (!answered) await closeStatementPeriod(input.proposalId);
  }
  await condition(() => seen('decided', 'notImposed'));
  if (!seen('decided')) return 'not_imposed';
  serveBy = (await openServicePeriod(input.proposalId)).serveBy;
  await condition(() => seen('decisionServed'));
  return 'imposed';
}
