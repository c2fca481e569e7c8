import type { Queryable } from '../credit-file/chain-audit';

/**
 * The SQL behind the state gauges and the alerts: cluster-wide facts read from PostgreSQL, so every API process
 * reports the same value (the dashboard takes max()). Dates are Beijing dates; a task is due until the end of its
 * due date, Beijing time, which is when the workflow escalates it (activities/case.activities.ts `dueAtMs`).
 */
export const BEIJING_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
export const TASK_DUE_INSTANT = `((t.due_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
/** An escalation runs a second after the due instant; past this grace with no flag, the workflow is behind. */
export const ESCALATION_GRACE = `interval '15 minutes'`;

export interface StateSnapshot {
  openByStage: { stage: string; n: number }[];
  overdueTasks: number;
  dueToday: { owner: 'staff' | 'institution'; n: number }[];
  blockedCases: number;
  outbox: { outbox: 'platform' | 'notifications'; pending: number; oldestSeconds: number }[];
  escalationDelaySeconds: number;
  escalationsLate: number;
}

const num = (v: unknown) => Number(v ?? 0);

export async function readState(db: Queryable): Promise<StateSnapshot> {
  const [stages, [tasks], deadlines, outbox, [esc], blocked] = await Promise.all([
    db.query(`SELECT stage, count(*)::int AS n FROM cases WHERE closed_at IS NULL GROUP BY stage`),
    db.query(`SELECT count(*) FILTER (WHERE overdue)::int AS overdue,
                     count(*) FILTER (WHERE due_date = ${BEIJING_TODAY})::int AS today
                FROM tasks WHERE status IN ('open', 'claimed')`),
    // a provisional date (its year's calendar unpublished) cannot lapse before it is recomputed (issue #21): not due
    db.query(`SELECT count(*)::int AS n FROM institution_deadlines WHERE status = 'open' AND NOT provisional AND due_date = ${BEIJING_TODAY}`),
    db.query(`SELECT 'platform' AS outbox, count(*)::int AS pending,
                     COALESCE(extract(epoch FROM now() - min(created_at)), 0)::float AS "oldestSeconds"
                FROM platform_submissions WHERE status = 'pending'
              UNION ALL
              SELECT 'notifications', count(*)::int, COALESCE(extract(epoch FROM now() - min(created_at)), 0)::float
                FROM notifications WHERE dispatch_status = 'pending'`),
    db.query(`SELECT
        (SELECT COALESCE(max(extract(epoch FROM e.occurred_at - ((((e.payload->>'dueDate')::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))), 0)
           FROM case_events e WHERE e.type = 'TASK_OVERDUE' AND e.occurred_at > now() - interval '1 day')::float AS delay,
        (SELECT count(*) FROM tasks t WHERE t.status IN ('open', 'claimed') AND NOT t.overdue
            AND ${TASK_DUE_INSTANT} < now() - ${ESCALATION_GRACE})::int AS late`),
    db.query(`SELECT count(*)::int AS n FROM cases WHERE closed_at IS NULL AND blocked_reason IS NOT NULL`),
  ]);
  return {
    openByStage: (stages as { stage: string; n: number }[]).map((s) => ({ stage: s.stage, n: num(s.n) })),
    overdueTasks: num(tasks.overdue),
    dueToday: [{ owner: 'staff', n: num(tasks.today) }, { owner: 'institution', n: num(deadlines[0].n) }],
    blockedCases: num(blocked[0].n),
    outbox: (outbox as StateSnapshot['outbox']).map((o) => ({ outbox: o.outbox, pending: num(o.pending), oldestSeconds: Math.max(0, num(o.oldestSeconds)) })),
    escalationDelaySeconds: Math.max(0, num(esc.delay)),
    escalationsLate: num(esc.late),
  };
}
