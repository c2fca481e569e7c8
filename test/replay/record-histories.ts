/**
 * Records the histories the replay test runs: finished cases, and cases resting at each kind of wait (an
 * officer's task, the institution's objection, statement and rectification deadlines, a joint sanction, publicity).
 * Until release 1.0.0 the workflow changes directly and this replaces every saved history
 * (docs/workflow-versions.md):
 *   npm run record-histories
 * After 1.0.0 a change is patched() and its histories are added beside the old ones with `-- --suffix <patch-id>`.
 */
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { shiftedClock } from '../../activities/case-clock';
import { CaseDeadlineRepository } from '../../src/cases/case-deadline.repository';
import { PoliciesService } from '../../src/policies/policies.service';
import { caseActivitiesFrom } from '../../src/temporal/create-case-worker';
import { claimTaskUpdate, type Severity, withdrawCaseUpdate } from '../../workflows/contracts';
import { CaseDriver } from '../support/case-driver';
import { createUser } from '../support/factories';
import { caseActivitiesContext, createTimeSkippingEnv } from '../support/temporal';

const DIR = join(__dirname, '../histories');
const SUFFIX = process.argv.includes('--suffix') ? `-${process.argv[process.argv.indexOf('--suffix') + 1]}` : '';

async function main(): Promise<void> {
  const [env, ctx] = await Promise.all([createTimeSkippingEnv(), caseActivitiesContext()]);
  const ds = ctx.get(DataSource);
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') });
  const officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
  const approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
  const legal = { id: (await createUser(ds, 'legal', { officeCode: null })).id, role: 'legal', officeCode: null };
  const head = { id: (await createUser(ds, 'head', { officeCode: null })).id, role: 'head', officeCode: null };
  const policyVersion = (await ctx.get(PoliciesService).active()).version;
  const determine = async (c: CaseDriver) => {
    await c.complete('investigate', officer, { summary: '经查属实', severity: (await c.state()).severity });
    await c.complete('approve-determination', approver, { summary: '同意', decision: 'approve' });
  };
  const scenarios: Record<string, (c: CaseDriver) => Promise<void>> = {
    'in-flight-investigation-claimed': async (c) => {
      await c.handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: (await c.task('investigate')).taskId, actor: officer }] });
    },
    'in-flight-objection-window': determine,
    'in-flight-statement-serious': async (c) => {
      await determine(c);
      await c.passDay('2026-02-24');
      await c.complete('propose-listing', officer, { summary: '提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' });
    },
    'in-flight-joint-sanction-serious': async (c) => {
      await determine(c);
      await c.passDay('2026-02-24');
      await c.list({ officer, legal, head });
    },
    'finished-withdrawn-in-rectification': async (c) => {
      await determine(c);
      await c.passDay('2026-02-24');
      await c.handle.executeUpdate(withdrawCaseUpdate, { args: [{ actor: approver, reason: '认定依据有误，予以撤销' }] });
      await c.handle.result();
    },
    'finished-publication-ended': async (c) => {
      await determine(c);
      await c.passDay('2026-02-24');
      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '通过', decision: 'pass' });
      await c.passDay('2026-05-25');
      await c.handle.result();
    },
    'finished-repaired': async (c) => {
      await determine(c);
      await c.passDay('2026-02-24');
      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '通过', decision: 'pass' });
      await c.passDay('2026-02-25'); // a minor case may apply from the day after the decision (02-25)
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '受理', decision: 'accept' });
      await c.complete('decide-repair', approver, { summary: '准予修复', decision: 'approve' });
      await c.handle.result();
    },
    'finished-objection-upheld': async (c) => {
      await determine(c);
      await c.object();
      await c.complete('review-objection', officer, { summary: '采纳', decision: 'uphold' });
      await c.complete('decide-objection', approver, { summary: '异议成立', decision: 'upheld' });
      await c.handle.result();
    },
    'in-flight-rectification-after-reminder-interview': async (c) => {
      await determine(c);
      await c.passDay('2026-02-24');
      await c.passDay('2026-03-27');
      await c.chooseInterview('reminder');
      await c.complete('schedule-interview', officer, { summary: '安排', scheduledAt: '2026-03-31T09:00:00+08:00', place: '301', attendees: ['王经办'] });
      await c.complete('record-interview', officer, { summary: '约谈', minutes: '记录', attendees: ['王经办'] });
    },
    'in-flight-awaiting-paper-service': determine,
    'in-flight-objection-window-after-paper-service': async (c) => {
      await determine(c);
      const [notice] = await c.documents();
      await c.serve(notice.id, '2026-02-12');
      await c.passDay('2026-02-12');
    },
    'in-flight-publicity-after-refused-repair': async (c) => {
      await determine(c);
      await c.passDay('2026-02-24');
      await c.reportRectification();
      await c.complete('verify-rectification', officer, { summary: '通过', decision: 'pass' });
      await c.passDay('2026-02-25'); // a minor case may apply from the day after the decision (02-25)
      await c.applyRepair();
      await c.complete('accept-repair', officer, { summary: '不予受理', decision: 'reject' });
    },
    // the portal took the objection on 02-20, its telling lost (Temporal down): the window's end finds it on the row
    'in-flight-objection-review-after-late-telling': async (c) => {
      await determine(c);
      await c.passDay('2026-02-19');
      const [d] = await ds.query(`SELECT id, round FROM institution_deadlines WHERE case_no = $1 AND kind = 'objection' AND status = 'open'`, [c.caseNo]);
      await ds.transaction((m) => ctx.get(CaseDeadlineRepository).answered(m, {
        caseNo: c.caseNo, kind: 'objection', round: d.round, deadlineId: d.id, actor: c.who.institution, text: '我机构已取得许可证，认定事实有误',
        fileIds: [], key: `${c.caseNo}:answer:${d.id}`,
      }));
      await c.passDay('2026-02-24');
      await c.settled('the objection review', (s) => s.openTasks.some((t) => t.kind === 'review-objection'));
    },
    // last: what it leaves in the time-skipping server held the clock for every scenario after it (about a minute per
    // step); the head has decided; the 列入决定书 waits for paper service, and the list entry with it (brief §7)
    'in-flight-serious-listing-awaiting-paper-service': async (c) => {
      await determine(c);
      await c.serveOnPaper(['notice-of-determination'], '2026-02-11');
      await c.settled('the objection window', (s) => s.institutionDeadline !== null);
      await c.passDay('2026-02-25'); // 5 working days from 02-12: 12, 13, Sat 14 (worked), 24, 25
      await c.settled('the determination', (s) => s.decisionDate !== null);
      await c.serveOnPaper(['determination-decision', 'repair-notice'], '2026-02-27');
      await c.settled('the listing proposal', (s) => s.openTasks.some((t) => t.kind === 'propose-listing'));
      await c.complete('propose-listing', officer, { summary: '提请列入', decision: 'propose', basis: '《校外培训行政处罚暂行办法》（教育部令第53号）' });
      await c.serveOnPaper(['listing-notice'], '2026-02-28');
      await c.settled('the statement period', (s) => s.institutionDeadline !== null);
      await c.stateCase();
      await c.complete('review-listing', legal, { summary: '同意', decision: 'agree' });
      await c.complete('decide-listing', head, { summary: '列入', decision: 'list' });
    },
  };
  // minor cases may apply for repair the next day (no minimum publicity), serious ones go to joint sanction
  const severityOf = (name: string): Severity => (name.includes('serious') ? 'serious' : /publicity|publication|repaired/.test(name) ? 'minor' : 'general');
  const fileOf = (name: string) => join(DIR, `${name}${SUFFIX}.json`);
  if (SUFFIX) {
    const existing = Object.keys(scenarios).map(fileOf).filter((f) => existsSync(f));
    if (existing.length) throw new Error(`${existing.join(', ')} exist: choose a new --suffix, old histories stay`);
  } else {
    // before release 1.0.0 no case runs an older version: the histories of the code as it is replace all others
    mkdirSync(DIR, { recursive: true });
    for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json'))) unlinkSync(join(DIR, f));
  }
  for (const [name, drive] of Object.entries(scenarios)) {
    const clock = shiftedClock((await env.currentTimeMs()) - Date.parse('2026-02-10T10:00:00+08:00'));
    const taskQueue = `record-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: caseActivitiesFrom(ctx, clock) });
    await worker.runUntil(async () => {
      const c = await CaseDriver.start(env, ds, clock, taskQueue, { severity: severityOf(name), policyVersion, officer, approver, paperService: name.includes('paper') });
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
