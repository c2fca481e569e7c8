import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber, makeUscc } from '../support/factories';
import { auth, consentToElectronicService, doTask } from '../support/http-case';

const WORKER = resolve(__dirname, '../../dist/src/worker.js');

/** A worker process as production runs it (`npm test` builds dist/ first). */
function startWorker(): ChildProcess {
  const bundle = resolve(__dirname, '../../var/test-workflow-bundle.js');
  const env = { ...process.env, ...(existsSync(bundle) ? { WORKFLOW_BUNDLE_PATH: bundle } : {}) };
  return spawn(process.execPath, [WORKER], { env, stdio: 'ignore' });
}

/** Kills a worker the hard way: no shutdown hook runs, in-flight activities are simply lost. */
function kill9(p: ChildProcess): Promise<void> {
  return new Promise((done) => {
    p.once('exit', () => done());
    p.kill('SIGKILL');
  });
}

describe('a worker killed mid-case', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) await kill9(w);
    await t?.close();
  });

  it('is replaced by a new process and the case completes with no record written twice', async () => {
    workers.push(startWorker());
    const officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    const approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    const uscc = makeUscc();
    await t.http().post('/api/institutions').set(auth(officer))
      .send({ uscc, name: `故障测试培训学校${uscc.slice(-4)}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() } })
      .expect(201);
    const institution = (await t.loginAs('institution', { uscc, officeCode: null })).token;
    await consentToElectronicService(t, officer, uscc);
    const opened = await t.http().post('/api/cases').set(auth(officer))
      .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' }).expect(201);
    const caseNo: string = opened.body.caseNo;

    await doTask(t, officer, caseNo, 'investigate', { summary: '经查属实', severity: 'general' });
    // the approval goes in while the only worker dies; a new worker picks the case up where it was
    const approval = doTask(t, approver, caseNo, 'approve-determination', { summary: '同意', decision: 'approve' });
    await new Promise((r) => setTimeout(r, 150));
    await kill9(workers[0]);
    await new Promise((r) => setTimeout(r, 500));
    workers.push(startWorker());
    expect((await approval).case.stage).toBe('OBJECTION_WINDOW');

    await kill9(workers[1]); // and once more while the case rests
    workers.push(startWorker());
    await t.http().post(`/api/portal/cases/${caseNo}/objection`).set(auth(institution)).send({ reason: '事实有误，请复核', fileIds: [] }).expect(200);
    await doTask(t, officer, caseNo, 'review-objection', { summary: '不予采纳', decision: 'reject' });
    const done = await doTask(t, approver, caseNo, 'decide-objection', { summary: '异议不成立', decision: 'rejected' });
    expect(done.case.stage).toBe('RECTIFICATION');

    const count = async (sql: string) => (await t.ds.query(sql, [caseNo]))[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM tasks WHERE case_no = $1`)).toBe(4);
    expect(await count(`SELECT count(*)::int AS n FROM case_events WHERE case_no = $1 AND type = 'TASK_COMPLETED'`)).toBe(4);
    expect(await count(`SELECT count(*)::int AS n FROM case_events WHERE case_no = $1 AND type = 'NOTICE_SERVED'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM credit_records WHERE case_no = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM institution_deadlines WHERE case_no = $1`)).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM platform_submissions WHERE record_ref IN (SELECT id::text FROM credit_records WHERE case_no = $1)`)).toBe(1);
    // two worker starts and, when a kill catches an activity, its 30 s start-to-close timeout (runtime/proxies.ts)
    // before the retry: more than jest's default 60 s on a loaded machine
  }, 120_000);
});
