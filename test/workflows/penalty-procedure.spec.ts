import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { shiftedClock } from '../../activities/case-clock';
import { penaltyActivitiesFrom } from '../../activities/penalty.activities';
import type { PenaltyStep } from '../../workflows/penalty-procedure.workflow';
import { bundleCaseWorkflows } from '../support/case-run';
import { createInstitution, createUser, makeIdNumber } from '../support/factories';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

/**
 * The periods of the penalty procedure as the workflow times them (行政处罚法 2021 art. 61, 64, 85), on the
 * time-skipping server with the real calendar and PostgreSQL. The server's "now" is mapped onto Monday 2026-09-28
 * 10:00 Beijing time, the day the 事先告知书 is served. Hand-computed from the 2026 calendar (brief §5: 国庆
 * 10-01…10-07 off, Saturday 10-10 worked): the 5 working days from the next day are 09-29, 09-30, 10-08, 10-09 and
 * 10-10, so the period ends at the midnight that ends 10-10. A decision on Friday 2026-10-30 is served within 7 working
 * days: 11-02, 03, 04, 05, 06, 09, 10 → by 2026-11-10.
 */
describe('penalty procedure workflow', () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let ds: DataSource;

  beforeAll(async () => {
    [env, ctx] = await Promise.all([createTimeSkippingEnv(), caseActivitiesContext()]);
    ds = ctx.get(DataSource);
  });

  afterAll(async () => {
    await env?.teardown();
    await ctx?.close();
  });

  const row = async (id: string) =>
    (await ds.query(`SELECT status, statement_due::text AS due, serve_by::text AS "serveBy" FROM ban_proposals WHERE id = $1`, [id]))[0];
  async function until(id: string, ok: (r: { status: string; due: string | null; serveBy: string | null }) => boolean) {
    for (let i = 0; i < 100; i++) {
      const r = await row(id);
      if (ok(r)) return r;
      await new Promise((res) => setTimeout(res, 100));
    }
    return row(id);
  }

  it('closes the statement period at the end of its 5th working day, then times the decision\'s service', async () => {
    const clock = shiftedClock((await env.currentTimeMs()) - Date.parse('2026-09-28T10:00:00+08:00'));
    const [a, b] = [await createUser(ds, 'officer'), await createUser(ds, 'officer')];
    const inst = await createInstitution(ds);
    const id = randomUUID();
    await ds.query(
      `INSERT INTO ban_proposals (id, status, measure_id, facts, person_name, person_id_enc, person_id_hmac, institution_id, uscc, period_years,
                                  office_code, proposed_by, second_officer, notice_served_on)
       VALUES ($1, 'noticed', 'M-XZCY', '无证开展学科类培训', '孙某某', 'sealed', $2, $3, $4, 5, 'XWPX', $5, $6, '2026-09-28')`,
      [id, makeIdNumber(), inst.id, inst.uscc, a.id, b.id]);
    const taskQueue = `penalty-${randomUUID()}`;
    const bundle = await bundleCaseWorkflows();
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: penaltyActivitiesFrom(ctx, clock) });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('penaltyProcedureWorkflow', { taskQueue, workflowId: `ban-${id}`, args: [{ proposalId: id }] });
      await handle.signal<[PenaltyStep]>('penaltyStep', 'noticeServed');
      expect(await until(id, (r) => r.due !== null)).toMatchObject({ status: 'noticed', due: '2026-10-10' });

      await env.sleep('12 days'); // Saturday 2026-10-10 10:00: the last day, still open for a hearing request
      expect((await row(id)).status).toBe('noticed');
      await env.sleep('1 day'); // Sunday 2026-10-11 10:00: closed without a request, on to legal review (art. 58)
      expect((await until(id, (r) => r.status !== 'noticed')).status).toBe('legal_review');

      await ds.query(`UPDATE ban_proposals SET status = 'decided', decision_date = '2026-10-30' WHERE id = $1`, [id]);
      await handle.signal<[PenaltyStep]>('penaltyStep', 'decided');
      expect((await until(id, (r) => r.serveBy !== null)).serveBy).toBe('2026-11-10');
      await handle.signal<[PenaltyStep]>('penaltyStep', 'decisionServed');
      expect(await handle.result()).toBe('imposed');
    });
  }, 120_000);
});
