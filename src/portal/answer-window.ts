import type { DeadlineState } from '../cases/case-deadline.repository';
import { InstitutionDeadlineKind, RejectCode } from '../../workflows/contracts';
import { NOT_IN_WINDOW, reject } from '../../workflows/task-rules';
import { DEADLINE_LABELS } from '../cases/case-deadline.repository';

/** A deadline ends at 24:00 Beijing time of its due date (activities/case.activities.ts: `deadlineOn`). */
export const deadlineEndsAtMs = (dueDate: string): number => Date.parse(`${dueDate}T00:00:00+08:00`) + 86_400_000;

/**
 * Whether an answer received at `atMs` is in time: before 24:00 Beijing of the due date (行政处罚法 art. 85: a
 * period's last day counts whole). The portal decides it on the deadline's row under its lock (issue #20); at the
 * deadline's end the case asks the same row (workflows/runtime/institution-deadlines.ts `lapse`), so the row orders an
 * answer and the end, whichever clock runs a moment ahead. A provisional deadline (a year not yet published) never
 * lapses before it is recomputed (issue #21), so its answer is always in time.
 */
export function inTime(deadline: { dueDate: string; provisional: boolean }, atMs: number): boolean {
  return deadline.provisional || atMs < deadlineEndsAtMs(deadline.dueDate);
}

/**
 * Whether the deadline's end has come by this clock while its row is still open: the case has not closed it yet, and
 * its own clock (the timer that ends it) decides the answer (portal.service.ts `answerAtTheEnd`).
 */
export function endedButOpen(row: DeadlineState, atMs: number): boolean {
  return row.status === 'open' && !inTime(row, atMs);
}

/**
 * Refuses an answer the case's latest deadline of its kind does not take, with the case's words: none open now
 * (WRONG_STAGE), already answered (ALREADY_SUBMITTED: a resend, answered by the first), missed or past its end
 * (DEADLINE_PASSED). The row is the case's own: a deadline's row commits before the case waits on it, and the case
 * closes it only through the row (answer, lapse, withdrawal), so an answer the row refuses the case would refuse too.
 */
export function assertAnswerable(kind: InstitutionDeadlineKind, row: DeadlineState | null, atMs: number): asserts row is DeadlineState {
  if (!row || row.status === 'cancelled') reject(RejectCode.WRONG_STAGE, NOT_IN_WINDOW[kind]);
  if (row!.status === 'answered') reject(RejectCode.ALREADY_SUBMITTED, `已${DEADLINE_LABELS[kind]}，请勿重复提交`);
  if (row!.status === 'missed' || !inTime(row!, atMs)) reject(RejectCode.DEADLINE_PASSED, `提交期限已于 ${row!.dueDate} 届满`);
}
