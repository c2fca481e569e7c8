import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { claimTaskUpdate } from '../workflows/contracts';
import { verifyAllChains } from '../src/credit-file/chain-audit';
import { startPlatformSimulator } from '../src/platform-simulator/server';
import { createCaseWorker } from '../src/temporal/create-case-worker';

/**
 * The checks of the restore drill (scripts/restore-drill.sh runs this against the restored database and Temporal):
 *  1. every credit file's hash chain verifies (or, given DRILL_SOURCE_DATABASE_URL, is broken exactly where the original's was);
 *  2. an open case resumes: a running worker takes a claim (a Temporal update) on one of its open tasks, and the
 *     task is claimed in PostgreSQL;
 *  3. the outbox sends nothing twice: with the relay running against a fresh platform, every row still pending at
 *     the backup is held by the platform once or refused by it as invalid (delivery is at least once, de-duplicated
 *     by key), and no row
 *     delivered before the backup is sent again.
 * Prints one line per check and exits 1 on the first failure.
 */
const DRAIN_MS = 90_000;
const fail = (msg: string): never => {
  throw new Error(`restore drill FAILED: ${msg}`);
};

/**
 * Where the original database's chains were already broken (USCC → first broken record), when the drill is told
 * where the original is; otherwise none, and every restored chain must verify.
 */
async function chainBreaksOf(url: string | undefined): Promise<Map<string, number | null> | null> {
  if (!url) return null;
  const source = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    const breaks = new Map<string, number | null>();
    for await (const { uscc, result } of verifyAllChains(source)) if (!result.ok) breaks.set(uscc, result.firstBrokenSeq ?? null);
    return breaks;
  } finally {
    await source.destroy();
  }
}

/**
 * The outbox as the backup holds it, read before anything of the restored system runs: the worker module starts the
 * relay as it starts, and a row it delivered then would count as delivered before the backup.
 */
async function outboxAtBackup(): Promise<{ delivered: Set<string>; pending: string[] }> {
  const restored = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
  try {
    const keys = async (status: string): Promise<string[]> => (await restored.query(
      `SELECT idempotency_key FROM platform_submissions WHERE status = $1`, [status]) as { idempotency_key: string }[]).map((r) => r.idempotency_key);
    return { delivered: new Set(await keys('delivered')), pending: await keys('pending') };
  } finally {
    await restored.destroy();
  }
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') }); // the drill's own lines, not the SDK's state changes
  const { delivered, pending } = await outboxAtBackup();
  const platform = await startPlatformSimulator();
  process.env.PLATFORM_URL = platform.url; // the restored relay delivers here, never to a real platform
  const { WorkerModule } = await import('../src/worker.module');
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  const ds = ctx.get(DataSource);

  const original = await chainBreaksOf(process.env.DRILL_SOURCE_DATABASE_URL);
  let chains = 0;
  let brokenBefore = 0;
  for await (const { uscc, result } of verifyAllChains(ds)) {
    chains++;
    if (result.ok) continue;
    // a chain the original already had broken at the same record (the test suite tampers on purpose) is restored as it was
    if (original?.has(uscc) && original.get(uscc) === (result.firstBrokenSeq ?? null)) {
      brokenBefore++;
      continue;
    }
    fail(`credit chain of ${uscc} broken at #${result.firstBrokenSeq}: ${result.reason}`);
  }
  console.log(`chains verified: ${chains}, ${chains - brokenBefore} intact` +
    (brokenBefore ? `, ${brokenBefore} broken at the same record as in the original` : ''));

  const worker = await createCaseWorker(ctx);
  const running = worker.run();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    await resumeOneCase(ds, new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' }));
    await drainOutbox(ds);
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
  // Delivery is at least once, de-duplicated by idempotency key on the platform (docs/platform.md): what must hold
  // is that nothing delivered before the backup goes out again and the platform holds each pending row once.
  // Repeated sends the platform collapsed are counted and printed, not hidden.
  const held = platform.admin.held();
  const resent = held.filter((r) => delivered.has(r.idempotencyKey));
  if (resent.length) fail(`${resent.length} outbox record(s) delivered before the backup were sent again, e.g. ${resent[0].idempotencyKey}`);
  // a row pending at the backup ends delivered (held by the platform) or refused by it as invalid (needs_fix, for a
  // person to correct): either way once, and nothing marked delivered is missing from the platform
  const ended: { idempotency_key: string; status: string }[] = await ds.query(
    `SELECT idempotency_key, status FROM platform_submissions WHERE idempotency_key = ANY($1::text[])`, [pending]);
  const heldKeys = new Set(held.map((r) => r.idempotencyKey));
  const lost = ended.filter((r) => r.status === 'delivered' && !heldKeys.has(r.idempotency_key));
  if (lost.length) fail(`${lost.length} row(s) pending at the backup are marked delivered but the platform does not hold them, e.g. ${lost[0].idempotency_key}`);
  const refused = ended.filter((r) => r.status === 'needs_fix').length;
  const collapsed = held.reduce((n, r) => n + r.duplicates, 0);
  console.log(`outbox: ${pending.length} pending at the backup, ${pending.length - refused} delivered and held once by the platform,` +
    ` ${refused} refused by it as invalid (needs_fix); none delivered before sent again` +
    ` (${delivered.size} delivered before; ${collapsed} repeated send(s) collapsed by idempotency key)`);
  await ctx.close();
  await platform.close();
}

/** Claims an open task of a running case as a user who may, through the workflow, as the console would. */
async function resumeOneCase(ds: DataSource, client: Client): Promise<void> {
  const candidates: { id: string; case_no: string; user_id: string; role: string; office_code: string | null }[] = await ds.query(
    `SELECT t.id, t.case_no, u.id AS user_id, u.role, u.office_code
       FROM tasks t JOIN cases c ON c.case_no = t.case_no
       JOIN LATERAL (SELECT id, role, office_code FROM users u WHERE u.role = t.candidate_role AND u.active
                       AND (t.candidate_office IS NULL OR u.office_code = t.candidate_office) LIMIT 1) u ON true
      WHERE t.status = 'open' AND c.closed_at IS NULL
      ORDER BY t.created_at DESC LIMIT 10`);
  if (!candidates.length) fail('no open case with an open task in the backup: nothing to resume (run the drill on data with open cases)');
  for (const t of candidates) {
    try {
      await client.workflow.getHandle(t.case_no).executeUpdate(claimTaskUpdate, {
        args: [{ taskId: t.id, actor: { id: t.user_id, role: t.role, officeCode: t.office_code } }],
      });
    } catch (err) {
      console.log(`case ${t.case_no}: update refused (${(err as Error).message}); trying another`);
      continue;
    }
    const [row] = await ds.query(`SELECT status FROM tasks WHERE id = $1`, [t.id]);
    if (row.status !== 'claimed') fail(`case ${t.case_no} took the update but its task is ${row.status}`);
    console.log(`case resumed: ${t.case_no} took a claim on its open task through the restored workflow`);
    return;
  }
  fail('no open case took an update');
}

async function drainOutbox(ds: DataSource): Promise<void> {
  const until = Date.now() + DRAIN_MS;
  for (;;) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM platform_submissions WHERE status = 'pending'`);
    if (n === 0) return;
    if (Date.now() > until) fail(`${n} outbox row(s) still pending ${DRAIN_MS / 1000} s after the restore`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
