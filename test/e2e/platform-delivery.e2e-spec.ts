import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OutboxService, SubmissionType } from '../../src/platform/outbox.service';
import type { RunningSimulator } from '../../src/platform-simulator/server';
import { createTestApp, TestApp } from '../support/app';
import { makeUscc } from '../support/factories';
import { relayContext, startSimulator, usePlatformEnv, waitFor } from '../support/platform';

/** The outbox relay against the real simulator over HTTP: outages, lost responses, refusals and fixes. */
describe('platform delivery', () => {
  let sim: RunningSimulator;
  let restoreEnv: () => void;
  let t: TestApp;
  let relay: INestApplicationContext;
  let outbox: OutboxService;
  let officer: string;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    sim = await startSimulator();
    restoreEnv = usePlatformEnv(sim);
    t = await createTestApp();
    relay = await relayContext();
    outbox = t.app.get(OutboxService);
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
  });

  afterAll(async () => {
    await relay?.close();
    await t?.close();
    await sim?.close();
    restoreEnv?.();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function write(n: number, prefix: string, payload: (i: number) => Record<string, unknown> = () => ({})): Promise<string[]> {
    const keys: string[] = [];
    await t.ds.transaction(async (m) => {
      for (let i = 0; i < n; i++) {
        const key = `${prefix}:${i}`;
        const recordType: SubmissionType = i % 2 ? 'penalty' : 'licence';
        await outbox.enqueue(m, {
          recordType, recordRef: `${prefix}-${i}`, uscc: makeUscc(), officeCode: 'XWPX', idempotencyKey: key,
          payload: { decisionDate: '2026-03-02', title: `测试记录 ${i}`, ...payload(i) },
        });
        keys.push(key);
      }
    });
    return keys;
  }

  async function states(keys: string[]): Promise<Record<string, number>> {
    const rows = await t.ds.query(
      `SELECT status, count(*)::int AS n FROM platform_submissions WHERE idempotency_key = ANY($1) GROUP BY status`, [keys]);
    return Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]));
  }

  it('delivers every record exactly once after an outage, through injected errors and lost responses', async () => {
    sim.admin.setFaults({ outageForMs: 600_000 }); // down until we say so
    const keys: string[] = [];
    // 500 records in 10 transactions spread over the outage, as an office would write them
    for (let batch = 0; batch < 10; batch++) {
      keys.push(...(await write(50, `outage-${run}-${batch}`)));
      await new Promise((r) => setTimeout(r, 150));
    }
    expect((await states(keys)).delivered ?? 0).toBe(0);
    await waitFor('attempts to fail during the outage', async () => sim.store.stats.outageRefusals > 20);

    await new Promise((r) => setTimeout(r, 1000)); // a few backoff rounds against the outage
    // the platform comes back, flaky: one request in six fails, one accepted batch in ten loses its response
    sim.admin.setFaults({ outageUntil: null, errorRate: 0.15, lostResponseRate: 0.1 });
    await waitFor('every record delivered', async () => (await states(keys)).delivered === 500, 60_000, 250);
    sim.admin.clearFaults();

    expect(await states(keys)).toEqual({ delivered: 500 });
    const held = sim.admin.held().filter((r) => r.idempotencyKey.startsWith(`outage-${run}-`));
    expect(held).toHaveLength(500);
    expect(new Set(held.map((r) => r.idempotencyKey)).size).toBe(500);
    expect(sim.store.stats.lostResponses).toBeGreaterThan(0); // so duplicates were really sent, and collapsed
    const rows = await t.ds.query(`SELECT idempotency_key, receipt_id FROM platform_submissions WHERE idempotency_key = ANY($1)`, [keys]);
    const receipts = new Map(held.map((r) => [r.idempotencyKey, r.receiptId]));
    expect(rows.every((r: { idempotency_key: string; receipt_id: string }) => receipts.get(r.idempotency_key) === r.receipt_id)).toBe(true);

    const report = await t.http().get('/api/platform/reconciliation').set(auth(officer)).expect(200);
    expect(report.body.platform.reachable).toBe(true);
    const mine = report.body.discrepancies.filter((d: { idempotencyKey: string }) => d.idempotencyKey.startsWith(`outage-${run}-`));
    expect(mine).toEqual([]);
    expect(report.body.matched).toBeGreaterThanOrEqual(500);
  });

  it('does not retry a refused record, lists it for fixing, and delivers it after an officer fixes it', async () => {
    sim.admin.setFaults({ rejectFields: [{ field: 'payload.decisionNo', pattern: '^临时', message: '决定书文号不得使用临时编号' }] });
    const [key] = await write(1, `fix-${run}`, () => ({ decisionNo: '临时-001' }));
    const [{ id }] = await t.ds.query(`SELECT id FROM platform_submissions WHERE idempotency_key = $1`, [key]);

    await waitFor('the refusal', async () => (await states([key])).needs_fix === 1);
    await new Promise((r) => setTimeout(r, 1500)); // several backoff periods: a retry would show as attempts > 1
    const [row] = await t.ds.query(`SELECT status, attempts FROM platform_submissions WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'needs_fix', attempts: 1 });

    const list = await t.http().get('/api/platform/submissions').query({ status: 'needs_fix', recordRef: `fix-${run}-0` })
      .set(auth(officer)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({
      id, state: 'needs_fix', receiptId: null,
      fieldErrors: [{ field: 'payload.decisionNo', message: '决定书文号不得使用临时编号' }],
    })]);
    const inbox = await t.http().get('/api/inbox').set(auth(officer)).expect(200);
    expect(inbox.body.items.some((m: { template: string; data: { submissionId: string } }) =>
      m.template === 'platform_needs_fix' && m.data.submissionId === id)).toBe(true);

    // only officers and admins fix, and always say why
    const institution = (await t.loginAs('institution', { uscc: makeUscc() })).token;
    await t.http().patch(`/api/platform/submissions/${id}`).set(auth(institution)).send({ reason: '试图修改', payload: {} }).expect(403);
    const noReason = await t.http().patch(`/api/platform/submissions/${id}`).set(auth(officer)).send({ payload: {} }).expect(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');

    const fixed = await t.http().patch(`/api/platform/submissions/${id}`).set(auth(officer))
      .send({ payload: { decisionNo: '海教罚〔2026〕3号' }, reason: '按平台要求改为正式文号' }).expect(200);
    expect(fixed.body).toMatchObject({ fixCount: 1, status: 'needs_fix', payload: expect.objectContaining({ decisionNo: '海教罚〔2026〕3号' }) });
    expect(fixed.body.fixes).toEqual([expect.objectContaining({ reason: '按平台要求改为正式文号', platformMessage: '报送数据校验未通过' })]);

    const resent = await t.http().post(`/api/platform/submissions/${id}/resend`).set(auth(officer)).expect(200);
    expect(resent.body.status).toBe('pending');
    await waitFor('delivery after the fix', async () => (await states([key])).delivered === 1);
    expect(sim.store.records.get(key)?.payload.decisionNo).toBe('海教罚〔2026〕3号');

    const again = await t.http().patch(`/api/platform/submissions/${id}`).set(auth(officer))
      .send({ payload: { decisionNo: 'x' }, reason: '已报送后再改' }).expect(409);
    expect(again.body.code).toBe('SUBMISSION_NOT_FIXABLE');
    // the audit row is written after the response goes out, so look for it rather than expect it this instant
    await waitFor('the fix and the resend in the audit log', async () => {
      const audit = await t.ds.query(
        `SELECT action FROM audit_log WHERE resource = 'platform_submission' AND resource_id = $1 AND outcome = 'ok'`, [id]);
      const actions = audit.map((a: { action: string }) => a.action);
      return actions.includes('platform_submission.update') && actions.includes('platform_submission.transition');
    }, 5000);
    sim.admin.clearFaults();
  });

  it('answers 404 for an unknown submission and 403 to an institution reading the list', async () => {
    await t.http().get(`/api/platform/submissions/${randomUUID()}`).set(auth(officer)).expect(404);
    await t.http().get('/api/platform/submissions/not-a-uuid').set(auth(officer)).expect(404);
    const institution = (await t.loginAs('institution', { uscc: makeUscc() })).token;
    await t.http().get('/api/platform/submissions').set(auth(institution)).expect(403);
  });
});
