import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { CaseClock } from '../../activities/case-clock';
import { verifyAllChains } from '../../src/credit-file/chain-audit';
import { CASE_STAGES, caseStateQuery } from '../../workflows/contracts';
import type { Ledger } from './case-driver';

/**
 * What must hold after the faults, read from PostgreSQL, Temporal and the platform simulator. Each violation is
 * a line naming the case and what is wrong; the counts are what the suite prints.
 */
export interface InvariantReport {
  casesChecked: number;
  recordsChecked: number;
  recordsLost: number;
  recordsDuplicated: number;
  submissionsChecked: number;
  submissionsLost: number;
  submissionsDuplicated: number;
  acknowledgedWritesLost: number;
  escalationsChecked: number;
  escalationsMissing: number;
  chainsChecked: number;
  chainsBroken: number;
  violations: string[];
}

interface HeldRecord { idempotencyKey: string; receiptId: string; type: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Record kinds that go to the platform one submission each (joint sanctions go as notices, inbound came from it). */
const SUBMITTED_KINDS = new Set(['determination', 'interview', 'repair', 'correction', 'publication_end', 'penalty']);

export async function checkInvariants(o: {
  ds: DataSource; temporal: Client; simulatorUrl: string; ledger: Ledger; clock: CaseClock; escalationGraceMs: number;
}): Promise<InvariantReport> {
  const { ds, ledger } = o;
  const r: InvariantReport = {
    casesChecked: 0, recordsChecked: 0, recordsLost: 0, recordsDuplicated: 0, submissionsChecked: 0, submissionsLost: 0,
    submissionsDuplicated: 0, acknowledgedWritesLost: 0, escalationsChecked: 0, escalationsMissing: 0, chainsChecked: 0,
    chainsBroken: 0, violations: [],
  };
  const bad = (line: string) => r.violations.push(line);
  const caseNos = ledger.opened;

  // 1. every case: a legal stage, the same in the workflow and in PostgreSQL, a workflow that is not failed or stuck
  for (const caseNo of caseNos) {
    r.casesChecked++;
    let problem = '';
    for (let attempt = 0; attempt < 5; attempt++) { // a timer may fire between the two reads: look again
      problem = await stageProblem(ds, o.temporal, caseNo);
      if (!problem) break;
      await sleep(1000);
    }
    if (problem) bad(`${caseNo}: ${problem}`);
  }

  // every completion and answer a person was told was accepted has been told to its case (issue #20): none left in
  // the table once a killed API's lease has run out and a sweep has passed
  let untold: { case_no: string; signal: string; subject_id: string; failed: boolean }[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    untold = await ds.query(`SELECT case_no, signal, subject_id, failed_at IS NOT NULL AS failed FROM case_tellings WHERE case_no = ANY($1)`, [caseNos]);
    if (!untold.length) break;
    await sleep(1000);
  }
  for (const u of untold) bad(`${u.case_no}: the ${u.signal} of ${u.subject_id} was ${u.failed ? 'refused by the case' : 'never told to the case'}`);

  // 2. credit records: each one the case's own state calls for, exactly once
  const expected: { case_no: string; kind: string; want: number; have: number }[] = await ds.query(`
    WITH want AS (
      SELECT c.case_no, 'determination' AS kind, (c.decision_date IS NOT NULL)::int AS n FROM cases c
      UNION ALL SELECT c.case_no, 'interview', (SELECT count(*) FROM interviews i WHERE i.case_no = c.case_no AND i.status = 'held')::int FROM cases c
      UNION ALL SELECT c.case_no, 'joint_sanction', (SELECT count(*) FROM tasks t WHERE t.case_no = c.case_no AND t.kind = 'confirm-sanction' AND t.status = 'completed')::int FROM cases c
      UNION ALL SELECT c.case_no, 'repair', (c.outcome = 'REPAIRED')::int FROM cases c
    )
    SELECT w.case_no, w.kind, w.n AS want, (SELECT count(*)::int FROM credit_records cr WHERE cr.case_no = w.case_no AND cr.kind = w.kind) AS have
      FROM want w WHERE w.case_no = ANY($1)`, [caseNos]);
  for (const e of expected) {
    r.recordsChecked += e.want;
    if (e.have < e.want) { r.recordsLost += e.want - e.have; bad(`${e.case_no}: ${e.want - e.have} ${e.kind} record(s) missing`); }
    if (e.have > e.want) { r.recordsDuplicated += e.have - e.want; bad(`${e.case_no}: ${e.have - e.want} ${e.kind} record(s) too many`); }
  }

  // the penalty decisions filed during the platform outage: one record each
  const penalties: { doc: string; n: number }[] = await ds.query(
    `SELECT d.doc, (SELECT count(*)::int FROM credit_records cr WHERE cr.kind = 'penalty' AND cr.source_ref = 'publicity:penalty:' || d.doc) AS n
       FROM unnest($1::text[]) d(doc)`, [ledger.penalties]);
  for (const p of penalties) {
    r.recordsChecked++;
    if (p.n < 1) { r.recordsLost++; bad(`penalty ${p.doc}: filed (201) but no credit record`); }
    if (p.n > 1) { r.recordsDuplicated += p.n - 1; bad(`penalty ${p.doc}: ${p.n} credit records`); }
  }

  // 3. platform: one submission per record (one notice per department), each delivered and held once with its receipt
  const records: { id: string; case_no: string | null; kind: string; n: number }[] = await ds.query(
    `SELECT cr.id, cr.case_no, cr.kind, (SELECT count(*)::int FROM platform_submissions s WHERE s.record_ref = cr.id::text) AS n
       FROM credit_records cr`);
  for (const rec of records) {
    const want = SUBMITTED_KINDS.has(rec.kind) ? 1 : 0;
    if (rec.n < want) { r.submissionsLost++; bad(`${rec.case_no ?? '-'}: ${rec.kind} record ${rec.id} has no platform submission`); }
    if (rec.n > want) { r.submissionsDuplicated += rec.n - want; bad(`${rec.case_no ?? '-'}: ${rec.kind} record ${rec.id} has ${rec.n} submissions`); }
  }
  const notices: { case_no: string; n: number }[] = await ds.query(
    // the notice that imposes, not the lifting one repair sends later (EffectsService.endCreditMeasures)
    `SELECT cr.case_no, (SELECT count(*)::int FROM platform_submissions s WHERE s.record_type = 'joint_sanction_notice' AND s.record_ref = cr.case_no
                           AND s.payload->>'action' IS DISTINCT FROM 'lift') AS n
       FROM credit_records cr WHERE cr.kind = 'joint_sanction' AND cr.case_no = ANY($1)`, [caseNos]);
  for (const n of notices) if (n.n !== 1) { if (n.n) r.submissionsDuplicated++; else r.submissionsLost++; bad(`${n.case_no}: ${n.n} joint-sanction notices for one department`); }
  const submissions: { idempotency_key: string; status: string; receipt_id: string | null }[] = await ds.query(
    `SELECT idempotency_key, status, receipt_id FROM platform_submissions`);
  const held = await heldByPlatform(o.simulatorUrl);
  for (const s of submissions) {
    r.submissionsChecked++;
    const copies = held.filter((h) => h.idempotencyKey === s.idempotency_key);
    if (s.status !== 'delivered' || copies.length === 0) { r.submissionsLost++; bad(`submission ${s.idempotency_key}: ${s.status}, held ${copies.length}×`); }
    else if (copies.length > 1) { r.submissionsDuplicated += copies.length - 1; bad(`submission ${s.idempotency_key}: held ${copies.length}×`); }
    else if (copies[0].receiptId !== s.receipt_id) bad(`submission ${s.idempotency_key}: receipt ${s.receipt_id} ≠ platform ${copies[0].receiptId}`);
  }
  const known = new Set(submissions.map((s) => s.idempotency_key));
  for (const h of held) if (!known.has(h.idempotencyKey)) { r.submissionsDuplicated++; bad(`platform holds ${h.idempotencyKey}, unknown to the outbox`); }

  // 4. every write the API acknowledged is there
  const completed = new Set((await ds.query(`SELECT id FROM tasks WHERE status = 'completed' AND id = ANY($1)`, [[...ledger.completedTasks.keys()]]))
    .map((t: { id: string }) => t.id));
  for (const [taskId, t] of ledger.completedTasks) if (!completed.has(taskId)) { r.acknowledgedWritesLost++; bad(`${t.caseNo}: ${t.kind} task ${taskId} was completed (200) but is not`); }
  const stored: { case_no: string; kind: string; n: number }[] = await ds.query(
    `SELECT case_no, kind, count(*)::int AS n FROM case_submissions WHERE case_no = ANY($1) GROUP BY case_no, kind`, [caseNos]);
  const acked = new Map<string, number>();
  for (const s of ledger.submissions) acked.set(`${s.caseNo}|${s.kind}`, (acked.get(`${s.caseNo}|${s.kind}`) ?? 0) + 1);
  for (const [key, n] of acked) {
    const have = stored.find((s) => `${s.case_no}|${s.kind}` === key)?.n ?? 0;
    if (have < n) { r.acknowledgedWritesLost += n - have; bad(`${key.replace('|', ': ')} submission acknowledged ${n}×, stored ${have}×`); }
  }
  const rows = (await ds.query(`SELECT case_no FROM cases WHERE case_no = ANY($1)`, [caseNos])).length;
  if (rows !== caseNos.length) { r.acknowledgedWritesLost += caseNos.length - rows; bad(`${caseNos.length - rows} opened case(s) missing in PostgreSQL`); }

  // 5. every deadline that passed while its task was still open was escalated, once; every missed institution deadline closed
  const now = Date.now();
  const tasks: { id: string; case_no: string; kind: string; due_date: string; completed_ms: number | null; overdue: boolean; events: number }[] = await ds.query(
    `SELECT t.id, t.case_no, t.kind, t.due_date::text, t.overdue, (extract(epoch FROM t.completed_at) * 1000)::float8 AS completed_ms,
            (SELECT count(*)::int FROM case_events e WHERE e.type = 'TASK_OVERDUE' AND e.payload->>'taskId' = t.id::text) AS events
       FROM tasks t WHERE t.case_no = ANY($1) AND t.status <> 'cancelled'`, [caseNos]);
  for (const t of tasks) {
    const dueAt = o.clock.at(t.due_date, '24:00');
    const openUntil = t.completed_ms ?? now;
    if (openUntil < dueAt + o.escalationGraceMs) {
      if (t.events > 0 && t.completed_ms !== null && t.completed_ms < dueAt) bad(`${t.case_no}: ${t.kind} escalated although done before its deadline`);
      continue;
    }
    r.escalationsChecked++;
    if (!t.overdue || t.events !== 1) { r.escalationsMissing++; bad(`${t.case_no}: ${t.kind} due ${t.due_date} (open ${Math.round((openUntil - dueAt) / 1000)} s past it): overdue=${t.overdue}, ${t.events} TASK_OVERDUE event(s)`); }
  }
  const deadlines: { case_no: string; kind: string; due_date: string; status: string }[] = await ds.query(
    `SELECT case_no, kind, due_date::text, status FROM institution_deadlines WHERE case_no = ANY($1)`, [caseNos]);
  for (const d of deadlines) {
    if (d.status === 'open' && now > o.clock.at(d.due_date, '24:00') + o.escalationGraceMs) {
      r.escalationsMissing++;
      bad(`${d.case_no}: ${d.kind} deadline ${d.due_date} passed but is still open`);
    } else if (d.status === 'missed') r.escalationsChecked++;
  }

  // 6. the credit files' hash chains
  for await (const { uscc, result } of verifyAllChains(ds)) {
    r.chainsChecked++;
    if (!result.ok) { r.chainsBroken++; bad(`credit file of ${uscc}: chain broken at #${result.firstBrokenSeq} (${result.reason})`); }
  }
  return r;
}

async function stageProblem(ds: DataSource, temporal: Client, caseNo: string): Promise<string> {
  const [row] = await ds.query(`SELECT stage FROM cases WHERE case_no = $1`, [caseNo]);
  if (!row) return 'no row in cases';
  if (!(CASE_STAGES as readonly string[]).includes(row.stage)) return `illegal stage ${row.stage}`;
  const handle = temporal.workflow.getHandle(caseNo);
  const described = await handle.describe();
  if (!['RUNNING', 'COMPLETED'].includes(described.status.name)) return `workflow ${described.status.name}`;
  const stuck = (described.raw.pendingActivities ?? []).filter((a) => (a.attempt ?? 0) >= 5);
  if (stuck.length) return `stuck: ${stuck.map((a) => `${a.activityType?.name} attempt ${a.attempt}: ${a.lastFailure?.message ?? ''}`).join('; ')}`;
  const state = await handle.query(caseStateQuery).catch(async (err: Error) => {
    // a workflow task that keeps failing cannot answer a query: say why it fails
    const events = (await handle.fetchHistory()).events ?? [];
    const failed = events.filter((e) => e.workflowTaskFailedEventAttributes).pop()?.workflowTaskFailedEventAttributes;
    return `query refused (${err.message}); last workflow task failure: ${failed?.failure?.message ?? 'none'} (${failed?.cause ?? ''})`;
  });
  if (typeof state === 'string') return state;
  if (state.stage !== row.stage) return `workflow says ${state.stage}, PostgreSQL says ${row.stage}`;
  return '';
}

async function heldByPlatform(url: string): Promise<HeldRecord[]> {
  const all: HeldRecord[] = [];
  let after = 0;
  for (;;) {
    const page = (await (await fetch(`${url}/admin/records?after=${after}&limit=5000`)).json()) as { items: HeldRecord[]; next: number | null };
    all.push(...page.items);
    if (!page.items.length || page.next === null) return all;
    after = page.next;
  }
}
