import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createCaseActivities } from '../../activities';
import { endOfShanghaiDay, shanghaiToday } from '../../activities/case.activities';
import { CalendarService } from '../../src/calendar/calendar.service';
import { CaseRecordsService } from '../../src/cases/case-records.service';
import { PoliciesService } from '../../src/policies/policies.service';
import {
  Actor, awaitRegistrationUpdate, CaseInput, caseStateQuery, claimTaskUpdate, completeTaskUpdate, TaskOutcome,
} from '../../workflows/contracts';
import { dishonestyCaseWorkflow } from '../../workflows/dishonesty-case.workflow';
import { createInstitution, createUser } from '../support/factories';
import { createTimeSkippingEnv, workerContext } from '../support/temporal';

describe(dishonestyCaseWorkflow.name, () => {
  let env: TestWorkflowEnvironment;
  let ctx: INestApplicationContext;
  let ds: DataSource;
  let bundle: { code: string };
  let officer: Actor;
  let approver: Actor;
  let policyVersion: number;

  beforeAll(async () => {
    [env, ctx, bundle] = await Promise.all([
      createTimeSkippingEnv(),
      workerContext(),
      bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger }),
    ]);
    ds = ctx.get(DataSource);
    officer = { id: (await createUser(ds, 'officer')).id, role: 'officer', officeCode: 'XWPX' };
    approver = { id: (await createUser(ds, 'approver')).id, role: 'approver', officeCode: 'XWPX' };
    policyVersion = (await ctx.get(PoliciesService).active()).version;
  });

  afterAll(async () => {
    await env?.teardown();
    await ctx?.close();
  });

  /** Runs `body` with a worker whose activities are the real ones, on a calendar that starts at `today`. */
  async function withWorker<T>(today: () => string, body: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `wf-test-${randomUUID()}`;
    const activities = createCaseActivities({
      records: ctx.get(CaseRecordsService),
      calendar: ctx.get(CalendarService),
      policies: ctx.get(PoliciesService),
      today,
    });
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    return worker.runUntil(body(taskQueue));
  }

  async function startCase(taskQueue: string): Promise<WorkflowHandle<typeof dishonestyCaseWorkflow>> {
    const institution = await createInstitution(ds);
    const caseNo = `LY-TEST-${randomUUID().slice(0, 8)}`;
    const input: CaseInput = {
      caseNo, institutionId: institution.id, uscc: institution.uscc, behaviourCode: 'EDU-001', catalogueVersion: 1,
      policyVersion, severity: 'general', facts: '未取得办学许可证擅自开展学科类培训', source: 'complaint',
      officeCode: 'XWPX', registeredBy: officer,
    };
    const handle = await env.client.workflow.start(dishonestyCaseWorkflow, { taskQueue, workflowId: caseNo, args: [input] });
    await handle.executeUpdate(awaitRegistrationUpdate);
    return handle;
  }

  async function doTask(handle: WorkflowHandle, actor: Actor, outcome: TaskOutcome) {
    const { openTasks } = await handle.query(caseStateQuery);
    const taskId = openTasks[0].taskId;
    await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }] });
    return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor, outcome }] });
  }

  const stageInDb = async (caseNo: string) =>
    (await ds.query(`SELECT stage, decision_date FROM cases WHERE case_no = $1`, [caseNo]))[0];

  it('sets due dates in working days across the 2026 Spring Festival and reaches determination', async () => {
    // Lead registered on Tue 2026-02-10. Working days after it: 02-11, 02-12, 02-13, Sat 02-14 (make-up day),
    // then 02-15…02-23 are the holiday, 02-24 (5th), 02-25, 02-26, 02-27, Sat 02-28 (make-up, 9th), Mon 03-02 (10th).
    await withWorker(() => '2026-02-10', async (taskQueue) => {
      const handle = await startCase(taskQueue);
      const registered = await handle.query(caseStateQuery);
      expect(registered.stage).toBe('INVESTIGATION');
      expect(registered.openTasks).toEqual([expect.objectContaining({ kind: 'investigate', candidateRole: 'officer', dueDate: '2026-03-02' })]);

      const afterProposal = await doTask(handle, officer, { summary: '事实清楚，情节严重，拟认定为严重失信', severity: 'serious' });
      expect(afterProposal.stage).toBe('APPROVAL');
      expect(afterProposal.severity).toBe('serious');
      expect(afterProposal.openTasks[0]).toMatchObject({ kind: 'approve-determination', dueDate: '2026-02-24' });

      const afterApproval = await doTask(handle, approver, { summary: '同意', decision: 'approve' });
      expect(afterApproval.deadlines.objection).toBe('2026-02-24');

      const result = await handle.result();
      expect(result.stage).toBe('DETERMINED');
      expect(await stageInDb(handle.workflowId)).toMatchObject({ stage: 'DETERMINED' });
      const events = await ds.query(`SELECT type FROM case_events WHERE case_no = $1 ORDER BY id`, [handle.workflowId]);
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'REGISTERED', 'INVESTIGATION_STARTED', 'TASK_CLAIMED', 'TASK_COMPLETED', 'DETERMINATION_PROPOSED',
        'TASK_CLAIMED', 'TASK_COMPLETED', 'NOTICE_SERVED', 'DETERMINED',
      ]);
    });
  });

  it('holds the case in the objection window until the deadline passes', async () => {
    await withWorker(shanghaiToday, async (taskQueue) => {
      const handle = await startCase(taskQueue);
      await doTask(handle, officer, { summary: '拟认定', severity: 'general' });
      const inWindow = await doTask(handle, approver, { summary: '同意', decision: 'approve' });
      expect(inWindow.stage).toBe('OBJECTION_WINDOW');
      expect((await stageInDb(handle.workflowId)).stage).toBe('OBJECTION_WINDOW');

      await handle.result(); // the time-skipping server jumps to the deadline
      expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(endOfShanghaiDay(inWindow.deadlines.objection));
      expect((await stageInDb(handle.workflowId)).stage).toBe('DETERMINED');
    });
  });

  it('goes back to investigation when the approver returns the proposal', async () => {
    await withWorker(shanghaiToday, async (taskQueue) => {
      const handle = await startCase(taskQueue);
      await doTask(handle, officer, { summary: '拟认定', severity: 'general' });
      const returned = await doTask(handle, approver, { summary: '证据不足，请补充', decision: 'return' });
      expect(returned.stage).toBe('INVESTIGATION');
      expect(returned.openTasks).toEqual([expect.objectContaining({ kind: 'investigate' })]);
      const [event] = await ds.query(
        `SELECT reason FROM case_events WHERE case_no = $1 AND type = 'DETERMINATION_RETURNED'`, [handle.workflowId]);
      expect(event.reason).toBe('证据不足，请补充');
    });
  });

  it('refuses actions by the wrong person and writes nothing for them', async () => {
    await withWorker(shanghaiToday, async (taskQueue) => {
      const handle = await startCase(taskQueue);
      const [task] = (await handle.query(caseStateQuery)).openTasks;
      const attempt = (actor: Actor, update = claimTaskUpdate) =>
        handle.executeUpdate(update as typeof completeTaskUpdate, { args: [{ taskId: task.taskId, actor, outcome: { summary: 'x' } }] });

      await expect(attempt(approver)).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CANDIDATE' } });
      await expect(attempt({ ...officer, officeCode: 'JCJY' })).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CANDIDATE' } });
      await expect(attempt(officer, completeTaskUpdate)).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CLAIMED' } });
      await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.taskId, actor: officer }] });
      const otherOfficer = { ...officer, id: (await createUser(ds, 'officer')).id };
      await expect(attempt(otherOfficer)).rejects.toMatchObject({ cause: { type: 'TASK_CLAIMED_BY_OTHER' } });
      await expect(attempt(officer, completeTaskUpdate)).rejects.toMatchObject({ cause: { type: 'OUTCOME_INVALID' } });

      const events = await ds.query(`SELECT type FROM case_events WHERE case_no = $1 ORDER BY id`, [handle.workflowId]);
      expect(events.map((e: { type: string }) => e.type)).toEqual(['REGISTERED', 'INVESTIGATION_STARTED', 'TASK_CLAIMED']);
    });
  });
});

const quietLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: () => undefined, error: (m: string) => console.error(m),
};
