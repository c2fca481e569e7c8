/** A deadline ends at 24:00 Beijing time of its due date (activities/case.activities.ts: `deadlineOn`). */
export const deadlineEndsAtMs = (dueDate: string): number => Date.parse(`${dueDate}T00:00:00+08:00`) + 86_400_000;

/**
 * Whether an answer given at `nowMs` to this open deadline is in time: before 24:00 Beijing of its due date. The
 * portal decides it on the deadline's row under its lock (issue #20); at the deadline's end the case asks the same
 * row (workflows/runtime/institution-deadlines.ts `lapse`), so the row orders an answer and the end, whichever clock
 * runs a moment ahead. A provisional deadline (a year not yet published) never lapses before it is recomputed
 * (issue #21), so its answer is always in time.
 */
export function inTime(deadline: { dueDate: string; provisional: boolean }, nowMs: number): boolean {
  return deadline.provisional || nowMs < deadlineEndsAtMs(deadline.dueDate);
}
