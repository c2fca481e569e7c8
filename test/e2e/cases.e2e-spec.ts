import type { INestApplicationContext } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.module';
import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber, makeUscc } from '../support/factories';
import { quietTemporalRuntime, workerContext } from '../support/temporal';

/** The whole first slice over HTTP, on the real dev server, PostgreSQL and Redis that `npm test` started. */
describe('cases over HTTP', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function registerInstitution(): Promise<string> {
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(officer)).send({
      uscc, name: `海州区测试培训学校${uscc.slice(-4)}`, type: 'off_campus_training',
      legalRepresentative: { name: '陈明', idNumber: makeIdNumber() },
    }).expect(201);
    return uscc;
  }

  async function openCase(uscc: string) {
    const res = await t.http().post('/api/cases').set(auth(officer))
      .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('registers a case, works its task from the worklist and shows the result from PostgreSQL', async () => {
    const uscc = await registerInstitution();
    const opened = await openCase(uscc);
    expect(opened.caseNo).toMatch(/^LY-\d{4}-\d{6}$/);
    expect(opened.stage).toBe('INVESTIGATION');

    const list = await t.http().get('/api/tasks').query({ caseNo: opened.caseNo }).set(auth(officer)).expect(200);
    expect(list.body.items).toHaveLength(1);
    const task = list.body.items[0];
    expect(task).toMatchObject({ kind: 'investigate', status: 'open' });

    const unassigned = await t.http().get('/api/tasks').query({ caseNo: opened.caseNo, scope: 'unassigned' }).set(auth(officer)).expect(200);
    expect(unassigned.body.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    await t.http().post(`/api/tasks/${task.id}/claim`).set(auth(officer)).expect(200);
    const mine = await t.http().get('/api/tasks').query({ caseNo: opened.caseNo, scope: 'mine' }).set(auth(officer)).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    const done = await t.http().post(`/api/tasks/${task.id}/complete`).set(auth(officer))
      .send({ summary: '经查属实，拟认定为一般失信', severity: 'general', measures: ['责令限期整改'] }).expect(200);
    expect(done.body.task.status).toBe('completed');
    expect(done.body.case.stage).toBe('APPROVAL');

    const [row] = await t.ds.query(`SELECT stage, severity FROM cases WHERE case_no = $1`, [opened.caseNo]);
    expect(row).toEqual({ stage: 'APPROVAL', severity: 'general' });
    const view = await t.http().get(`/api/cases/${opened.caseNo}`).set(auth(officer)).expect(200);
    expect(view.body.dueDates).toEqual([{ kind: 'approve-determination', dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    expect(view.body.history.map((e: { type: string }) => e.type)).toEqual([
      'REGISTERED', 'INVESTIGATION_STARTED', 'TASK_CLAIMED', 'TASK_COMPLETED', 'DETERMINATION_PROPOSED',
    ]);
    // operations find it by search attributes, e.g. every case waiting for approval in this office
    const client = t.app.get<Client>(TEMPORAL_CLIENT);
    const query = `CaseStage = 'APPROVAL' AND CaseOffice = 'XWPX' AND CaseNo = '${opened.caseNo}'`;
    let found: string[] = [];
    for (let i = 0; i < 50 && !found.length; i++) {
      found = [];
      for await (const w of client.workflow.list({ query })) found.push(w.workflowId);
      if (!found.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toEqual([opened.caseNo]);
    // the approver's worklist now offers the approval task
    const approverList = await t.http().get('/api/tasks').query({ caseNo: opened.caseNo }).set(auth(approver)).expect(200);
    expect(approverList.body.items).toEqual([expect.objectContaining({ kind: 'approve-determination' })]);
  });

  it('answers 401 without a token and 403 for a role that may not register cases', async () => {
    await t.http().post('/api/cases').send({}).expect(401);
    const { token } = await t.loginAs('manager', { officeCode: null });
    const res = await t.http().post('/api/cases').set(auth(token)).send({}).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('refuses a second completion and completion without a claim with clear codes', async () => {
    const opened = await openCase(await registerInstitution());
    const [task] = (await t.http().get('/api/tasks').query({ caseNo: opened.caseNo }).set(auth(officer))).body.items;
    const noClaim = await t.http().post(`/api/tasks/${task.id}/complete`).set(auth(officer)).send({ summary: '无', severity: 'minor' });
    expect(noClaim.status).toBe(409);
    expect(noClaim.body.code).toBe('TASK_NOT_CLAIMED');
    const bad = await t.http().post(`/api/tasks/${task.id}/complete`).set(auth(officer)).send({ summary: '', severity: 'huge' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets an institution read its own case but not another institution\'s', async () => {
    const uscc = await registerInstitution();
    const opened = await openCase(uscc);
    const own = await t.loginAs('institution', { uscc, officeCode: null });
    await t.http().get(`/api/cases/${opened.caseNo}`).set(auth(own.token)).expect(200);
    const other = await t.loginAs('institution', { uscc: makeUscc(), officeCode: null });
    const res = await t.http().get(`/api/cases/${opened.caseNo}`).set(auth(other.token)).expect(404);
    expect(res.body.code).toBe('CASE_NOT_FOUND');
    await t.http().get('/api/tasks').set(auth(own.token)).expect(403);
  });

  it('reports database, Redis and Temporal in /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' }, temporal: { status: 'up' } });
  });
});
