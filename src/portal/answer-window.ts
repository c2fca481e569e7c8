/** A deadline ends at 24:00 Beijing time of its due date (activities/case.activities.ts: `dueAtMs`). */
export const deadlineEndsAtMs = (dueDate: string): number => Date.parse(`${dueDate}T00:00:00+08:00`) + 86_400_000;

/** How long before a deadline's end the case's own validator takes over from the portal (issue #20). */
export const CASE_DECIDES_MS = 15 * 60_000;

/**
 * Whether the portal may accept an answer to this open deadline itself and tell the case (issue #20). Not in the
 * last quarter hour: the case's deadline timer fires at the end, and only the case can order its timer and an
 * answer that arrive together. A provisional deadline (a year not yet published) never lapses before it is
 * recomputed (issue #21), so its answer is always in time.
 */
export function portalAccepts(deadline: { dueDate: string; provisional: boolean }, nowMs: number): boolean {
  return deadline.provisional || nowMs < deadlineEndsAtMs(deadline.dueDate) - CASE_DECIDES_MS;
}
