import type { TestApp } from './app';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Works a case the way the console does: find the task in the caller's worklist, claim it, complete it. */
export async function doTask(t: TestApp, token: string, caseNo: string, kind: string, body: Record<string, unknown>) {
  const list = await t.http().get('/api/tasks').query({ caseNo }).set(auth(token));
  expect(list.status).toBe(200);
  const task = list.body.items.find((i: { kind: string }) => i.kind === kind);
  if (!task) throw new Error(`no ${kind} task in the worklist of ${caseNo}: ${JSON.stringify(list.body.items)}`);
  await t.http().post(`/api/tasks/${task.id}/claim`).set(auth(token)).expect(200);
  const done = await t.http().post(`/api/tasks/${task.id}/complete`).set(auth(token)).send(body);
  if (done.status !== 200) throw new Error(`completing ${kind} failed: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body as { task: { id: string; status: string }; case: { stage: string } };
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
