import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { percentile } from './report';

const E = temporal.api.enums.v1.EventType;
type Event = temporal.api.history.v1.IHistoryEvent;
const ms = (e: Event): number => Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);

/** Per update name: the phases of the server-side path, read back from the cases' histories after a load run. */
export interface UpdatePhases { queued: number[]; worker: number[]; settle: number[]; total: number[] }

/**
 * Where an update's time goes, as the Temporal history records it (bench only): the workflow task that accepted it
 * was scheduled when the update reached the server, started when a worker polled it ("queued": the worker's poll
 * and the server's dispatch) and completed when the worker answered ("worker": the validator, the handler and any
 * local activity it ran). "settle" is accepted → completed: the activities and workflow tasks until the case rests.
 * What the client saw minus these is the API's own work and its round trips to Temporal and PostgreSQL.
 */
export async function updatePhases(client: Client, workflowIds: string[]): Promise<Map<string, UpdatePhases>> {
  const out = new Map<string, UpdatePhases>();
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const byId = new Map(events.map((e) => [Number(e.eventId), e]));
    for (const e of events) {
      if (e.eventType !== E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED) continue;
      const accepted = byId.get(Number(e.workflowExecutionUpdateCompletedEventAttributes?.acceptedEventId));
      const name = accepted?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
      if (!accepted || !name) continue;
      // the workflow task that accepted it: the last WORKFLOW_TASK_COMPLETED before the acceptance, and its scheduling
      const before = events.filter((x) => Number(x.eventId) < Number(accepted.eventId));
      const done = before.reverse().find((x) => x.eventType === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      const started = done && byId.get(Number(done.workflowTaskCompletedEventAttributes?.startedEventId));
      const scheduled = done && byId.get(Number(done.workflowTaskCompletedEventAttributes?.scheduledEventId));
      if (!done || !started || !scheduled) continue;
      const p = out.get(name) ?? { queued: [], worker: [], settle: [], total: [] };
      p.queued.push(ms(started) - ms(scheduled));
      p.worker.push(ms(done) - ms(started));
      p.settle.push(ms(e) - ms(accepted));
      p.total.push(ms(e) - ms(scheduled));
      out.set(name, p);
    }
  }
  return out;
}

/** One line per update: p50/p95 of each phase. */
export function describePhases(phases: Map<string, UpdatePhases>): string[] {
  const f = (xs: number[]) => `${percentile(xs, 0.5).toFixed(0)}/${percentile(xs, 0.95).toFixed(0)}`;
  return [...phases].map(([name, p]) =>
    `${name} (${p.total.length}): queued ${f(p.queued)}, worker ${f(p.worker)}, settle ${f(p.settle)}, server total ${f(p.total)}`);
}
