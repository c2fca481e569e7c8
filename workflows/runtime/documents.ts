import type { CaseRuntime } from '../case-runtime';
import * as C from '../contracts';
import { humanTask } from './human-tasks';
import { acts, now } from './proxies';

/**
 * A document not served electronically is served on paper within 7 working days of its issue (行政处罚法 art. 61:
 * a decision not handed over in person is served within 7 days, counted in working days by art. 85); the officer's
 * "送达文书" task falls due then and is escalated as overdue when it passes.
 */
export const SERVE_WITHIN_WORKING_DAYS = 7;

/** Issues the step's documents (with the queued writes) and answers with them as issued. */
export function issueDocuments(c: CaseRuntime, documents: C.DocumentRequest[]): Promise<C.IssuedCaseDocument[]> {
  return c.carrying((writes) => acts.issueDocuments({ caseNo: c.input.caseNo, fromMs: now(), documents, writes }));
}

/**
 * Issues the step's documents and waits until every one addressed to the institution is served; answers with the
 * documents and the day the last was served, from which the deadlines they set run (brief §7: nothing runs before
 * service). Served electronically (consent), that is the day of issue; otherwise the officer gets a task to serve
 * it on paper and the case waits, durably, for the `documentServed` signal the service record sends.
 */
export async function issueAndServe(c: CaseRuntime, documents: C.DocumentRequest[]) {
  const docs = await issueDocuments(c, documents);
  const servedOn = await servedAll(c, docs);
  /** The first document, as the deadline it sets names it. */
  const setBy = { docNo: docs[0].docNo, title: docs[0].title, servedOn };
  return { docs, servedOn, setBy };
}

/** Waits until every document addressed to the institution is served; answers with the last service day. */
export async function servedAll(c: CaseRuntime, docs: C.IssuedCaseDocument[]): Promise<string> {
  const days = await Promise.all(docs.filter((d) => d.toSubject).map((d) => served(c, d)));
  return days.reduce((last, d) => (d > last ? d : last), '');
}

async function served(c: CaseRuntime, doc: C.IssuedCaseDocument): Promise<string> {
  if (doc.servedOn) return doc.servedOn;
  if (!c.served.has(doc.id)) {
    await humanTask(c, 'serve-document', 'officer', SERVE_WITHIN_WORKING_DAYS, (taskId) => {
      c.serviceTasks.set(doc.id, taskId);
      // recorded while the task was being opened: close it at once
      if (c.served.has(doc.id)) closeServiceTask(c, doc.id);
    });
  }
  return c.served.get(doc.id)!.servedOn;
}

/** The `documentServed` signal: notes the service and closes the officer's task for that document, if open. */
export function documentServed(c: CaseRuntime, s: C.DocumentServed): void {
  if (c.served.has(s.documentId)) return; // a repeated signal (the officer recorded the same service again)
  c.served.set(s.documentId, s);
  closeServiceTask(c, s.documentId);
}

function closeServiceTask(c: CaseRuntime, documentId: string): void {
  const taskId = c.serviceTasks.get(documentId);
  const s = c.served.get(documentId);
  if (!taskId || !s || !c.tasks.has(taskId)) return;
  c.tasks.delete(taskId);
  const outcome: C.TaskOutcome = { summary: `已于 ${s.servedOn} 送达`, decision: s.method };
  const actor: C.Actor = s.actor ?? { id: c.input.registeredBy.id, role: 'officer', officeCode: c.input.officeCode };
  c.writes.push({ write: 'task-completed', key: `${c.input.caseNo}:completed:${taskId}`, taskId, actor, outcome });
  c.outcomes.set(taskId, outcome);
}
