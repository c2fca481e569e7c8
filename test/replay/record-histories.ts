/**
 * Records the histories the replay test runs: one finished case and cases resting in the middle of the
 * lifecycle. Run after a deliberate, patched() change to add fixtures of the new code beside the old ones
 * (which stand for the cases still running under the old code, so they are never overwritten):
 *   bash scripts/test.sh --exec npx ts-node -T test/replay/record-histories.ts --suffix <patch-id>
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { shiftedClock } from '../../activities/case-clock';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import { CaseDriver } from '../support/case-driver';
import { createUser } from '../support/factories';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

const SUFFIX = process.argv.includes('--suffix') ? `-${process.argv[process.argv.indexOf('--suffix') + 1]}` : '';

async function main(): Promise<void> {
  const [env, ctx] = await Promise.all([createTimeSkippingEnv(), caseActivitiesContext()]);
  const ds = ctx.get(DataSource);
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') });
  const officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
  const approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
  const policyVersion = (await ctx.get(PoliciesService).active()).version;
  const scenarios: Record<string, (c: CaseDriver) => Promise<void>> = {
    'finished-objection-upheld': async (c) => {
      await c.complete('investigate', officer, { summary: '经查属实', severity: 'general' });
      await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
      await c.object();
      await c.complete('review-objection', officer, { summary: '采纳', decision: 'uphold' });
      await c.complete('decide-objection', approver, { summary: '异议成立', decision: 'upheld' });
      await c.handle.result();
    },
    'in-flight-rectification-after-reminder-interview': async (c) => {
      await c.complete('investigate', officer, { summary: '经查属实', severity: 'general' });
      await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      await c.complete('schedule-interview', officer, { summary: '安排', scheduledAt: '2026-03-31T09:00:00+08:00', place: '301', attendees: ['王经办'] });
      await c.complete('record-interview', officer, { summary: '约谈', minutes: '记录', attendees: ['王经办'] });
    },
    'in-flight-publicity-after-refused-repair': async (c) => {
      await c.complete('investigate', officer, { summary: '经查属实', severity: 'minor' });
      await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
      await c.passDay('2026-02-24');
      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '通过', decision: 'pass' });
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '不予受理', decision: 'reject' });
    },
  };
  const fileOf = (name: string) => join(__dirname, '../histories', `${name}${SUFFIX}.json`);
  const existing = Object.keys(scenarios).map(fileOf).filter((f) => existsSync(f));
  if (existing.length) throw new Error(`${existing.join(', ')} exist: choose a new --suffix, old histories stay`);
  for (const [name, drive] of Object.entries(scenarios)) {
    const clock = shiftedClock((await env.currentTimeMs()) - Date.parse('2026-02-10T10:00:00+08:00'));
    const taskQueue = `record-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: caseActivitiesFrom(ctx, clock) });
    await worker.runUntil(async () => {
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { policyVersion, officer, approver });
      await drive(c);
      // exported by the Temporal CLI, the same JSON `temporal workflow show --output json` gives operators
      const json = execFileSync(process.env.TEMPORAL_BIN!, ['workflow', 'show', '-w', c.caseNo, '--address', env.connection.options.address, '--output', 'json']);
      writeFileSync(fileOf(name), json);
      await c.handle.terminate('recorded').catch(() => undefined);
    });
    console.log(`recorded ${name}`);
  }
  await env.teardown();
  await ctx.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
