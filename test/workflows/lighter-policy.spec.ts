import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { CaseClock, shiftedClock } from '../../activities/case-clock';
import { PoliciesService } from '../../src/policies/policies.service';
import type { PolicyDocument, PublicityWindow } from '../../src/policies/policy.types';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import type { Actor } from '../../workflows/contracts';
import { CaseDriver } from '../support/case-driver';
import { bundleCaseWorkflows } from '../support/case-run';
import { createUser } from '../support/factories';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

/**
 * 行政处罚法 art. 37 (从旧兼从轻) for a pending case (issue #16): a case pins its policy version at registration; a
 * version published while it waits for its determination applies at the determination only if it is lighter for the
 * case's class (src/policies/policy-resolver.ts `isLighter`). Each case starts on Tue 2026-02-10 10:00 (Beijing) under
 * the active version N (general: repair after 3 months, published 12); version N+1 takes effect on 2026-02-11, after
 * the approver agreed and before the decision. The objection window runs out on 02-24, so the decision is dated
 * Wed 2026-02-25 and its periods run from 02-26 (民法典 art. 201–202), by hand:
 *   N     (3 / 12 months): 3 months end 05-25 → repair from 05-26; 12 months end 2027-02-25
 *   N+1   (1 /  6 months): 1 month ends 03-25 → repair from 03-26;   6 months end 2026-08-25
 */
describe('从旧兼从轻 at the determination', () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let bundle: { code: string };
  let officer: Actor;
  let approver: Actor;
  let pinned: { version: number; document: PolicyDocument };
  const added: number[] = [];

  beforeAll(async () => {
    [env, ctx, bundle] = await Promise.all([
      createTimeSkippingEnv(),
      caseActivitiesContext(),
      bundleCaseWorkflows(),
    ]);
    ds = ctx.get(DataSource);
    officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
    approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
    pinned = await ctx.get(PoliciesService).active();
  });

  afterAll(async () => {
    // the versions dated early in 2026 would otherwise be "in force" for every later suite's resolution
    if (added.length) await ds.query(`DELETE FROM policies WHERE version = ANY($1)`, [added]);
    await env?.teardown();
    await ctx?.close();
  });

  /** Version N+1 with another window for general records, in force from 2026-02-11 (as published that day). */
  async function publishGeneralWindow(general: PublicityWindow): Promise<number> {
    const document = { ...pinned.document, publicity: { ...pinned.document.publicity, general } };
    const [{ next }] = await ds.query(`SELECT max(version) + 1 AS next FROM policies`);
    await ds.query(`INSERT INTO policies (version, document, active, note, effective_from) VALUES ($1, $2, false, $3, '2026-02-11')`,
      [next, document, '测试：认定前发布的新版本']);
    added.push(next);
    return next;
  }

  /** Registers under N, publishes N+1 after the approval, lets the objection window run out: answers the determination. */
  async function determinedUnder(general: PublicityWindow) {
    const clock: CaseClock = shiftedClock((await env.currentTimeMs()) - Date.parse('2026-02-10T10:00:00+08:00'));
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: caseActivitiesFrom(ctx, clock) });
    return worker.runUntil(async () => {
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { severity: 'general', policyVersion: pinned.version, officer, approver });
      try {
        await c.complete('investigate', officer, { summary: '经查属实', severity: 'general' });
        const served = await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
        expect(served.institutionDeadline).toMatchObject({ kind: 'objection', dueDate: '2026-02-24' });
        const newer = await publishGeneralWindow(general);
        await c.passDay('2026-02-24');
        const s = await c.state();
        const [applied] = await ds.query(
          `SELECT reason, payload FROM case_events WHERE case_no = $1 AND type = 'POLICY_APPLIED'`, [c.caseNo]);
        return { s, newer, applied, records: await c.records() };
      } finally {
        await c.handle.terminate('test finished').catch(() => undefined);
      }
    });
  }

  it('starts from the default window for general records (the hand-computed dates assume it)', () => {
    expect(pinned.document.publicity.general).toEqual({ minMonths: 3, maxMonths: 12 });
  });

  it('applies a lighter version published after registration to the determination', async () => {
    const { s, newer, applied, records } = await determinedUnder({ minMonths: 1, maxMonths: 6 });
    expect(s).toMatchObject({ decisionDate: '2026-02-25', repairableFrom: '2026-03-26', publicityUntil: '2026-08-25' });
    expect(records[0]).toMatchObject({ kind: 'determination', decision_date: '2026-02-25', publicity_until: '2026-08-25' });
    expect(applied.payload).toEqual({ policyVersion: newer, pinnedVersion: pinned.version, lighter: true });
    expect(applied.reason).toContain(`第 ${newer} 版对当事人更轻`);
    expect(applied.reason).toContain('第三十七条');
  });

  it('keeps the pinned version when the version published after registration is heavier', async () => {
    const { s, newer, applied, records } = await determinedUnder({ minMonths: 6, maxMonths: 24 });
    expect(s).toMatchObject({ decisionDate: '2026-02-25', repairableFrom: '2026-05-26', publicityUntil: '2027-02-25' });
    expect(records[0]).toMatchObject({ kind: 'determination', publicity_until: '2027-02-25' });
    expect(applied.payload).toEqual({ policyVersion: pinned.version, pinnedVersion: pinned.version, lighter: false });
    expect(applied.reason).toContain(`第 ${newer} 版不比其轻`);
  });

  it('keeps the pinned version when the newer one is shorter in one bound and longer in the other', async () => {
    // published for 6 months instead of 12, but repair only after 4 months instead of 3: not lighter as a whole
    const { s, applied } = await determinedUnder({ minMonths: 4, maxMonths: 6 });
    expect(s).toMatchObject({ repairableFrom: '2026-05-26', publicityUntil: '2027-02-25' });
    expect(applied.payload).toMatchObject({ policyVersion: pinned.version, lighter: false });
  });
});
