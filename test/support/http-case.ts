import type { TestApp } from './app';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Works a case the way the console does: find the task in the caller's worklist, claim it, complete it. */
export async function doTask(t: TestApp, token: string, caseNo: string, kind: string, body: Record<string, unknown>) {
  // an institution's answer is taken once the case accepted it: the task it leads to may take a moment to open
  let items: { id: string; kind: string }[] = [];
  let task: { id: string } | undefined;
  for (let i = 0; i < 300 && !task; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    const list = await t.http().get('/api/tasks').query({ caseNo }).set(auth(token));
    expect(list.status).toBe(200);
    items = list.body.items;
    task = items.find((x) => x.kind === kind);
  }
  if (!task) throw new Error(`no ${kind} task in the worklist of ${caseNo} after 30 s: ${JSON.stringify(items)}`);
  await t.http().post(`/api/tasks/${task.id}/claim`).set(auth(token)).expect(200);
  const done = await t.http().post(`/api/tasks/${task.id}/complete`).set(auth(token)).send(body);
  if (done.status !== 200) throw new Error(`completing ${kind} failed: ${done.status} ${JSON.stringify(done.body)}`);
  const view = await followCase(t, token, caseNo, task.id);
  return { task: done.body.task as { id: string; status: string }, case: view as { stage: string } };
}

type View = {
  stage: string; blockedReason: string | null; tasks: { id: string; status: string; createdAt: string; completedAt: string | null }[];
  institutionDeadlines: { status: string }[];
};

/**
 * Reads the case as the console does after a completion until it rests again (issue #20: the completion answers
 * once the case accepted it, before its next task or stage is written) — the same test as the console's
 * `restsAfter` (web/src/pages/cases/caseText.ts). Answers the case view; fails after 30 s.
 */
export async function followCase(t: TestApp, token: string, caseNo: string, taskId: string): Promise<View & Record<string, unknown>> {
  for (let i = 0; i < 300; i++) {
    const v = (await t.http().get(`/api/cases/${caseNo}`).set(auth(token)).expect(200)).body as View & Record<string, unknown>;
    const done = v.tasks.find((x) => x.id === taskId);
    const at = done?.completedAt;
    // the next task is one opened after the completed one: not after its completion, whose row the API may commit
    // while the case's own transaction (its now() taken earlier) opens the next task
    const since = (iso: string) => Date.parse(iso) > Date.parse(done!.createdAt);
    if (at && (['CLOSED', 'WITHDRAWN', 'PUBLICITY'].includes(v.stage) || v.blockedReason
      || v.tasks.some((x) => x.id !== taskId && ['open', 'claimed'].includes(x.status) && since(x.createdAt))
      || v.institutionDeadlines.some((d) => d.status === 'open'))) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`case ${caseNo} did not rest again after task ${taskId} within 30 s`);
}

/**
 * Records the institution's 电子送达确认书 as an officer does from the signed paper: its documents are then served in
 * the portal when issued, and the deadlines they set run from that day (without it the case waits for paper service).
 */
export async function consentToElectronicService(t: TestApp, officerToken: string, uscc: string): Promise<void> {
  await t.http().put(`/api/institutions/${uscc}/service-consent`).set(auth(officerToken)).send({ signedOn: '2026-01-05', signatory: '陈明' }).expect(200);
}

/** A minimal valid PDF: enough for the upload check, which reads the file's content, not its name. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Withdraws or corrects a case the four-eyes way (src/cases/case-proposals.ts): `proposer` files the proposal and
 * `decider`, another approver of the case's office, approves it; answers with the approved proposal.
 */
export async function decideCaseChange(t: TestApp, a: { proposer: string; decider: string; caseNo: string; action: 'withdraw' | 'correct'; body: Record<string, unknown> }) {
  const proposal = await t.http().post(`/api/cases/${a.caseNo}/${a.action}`).set(auth(a.proposer)).send(a.body).expect(202);
  const decided = await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(a.decider)).send({ note: '同意' });
  if (decided.status !== 200) throw new Error(`approving the ${a.action} of ${a.caseNo} failed: ${decided.status} ${JSON.stringify(decided.body)}`);
  return decided.body as { id: string; status: string };
}
