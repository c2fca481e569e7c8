import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.module';
import { createTestApp, TestApp } from './app';
import { makeIdNumber, makeUscc } from './factories';
import { auth } from './http-case';
import { quietTemporalRuntime, workerContext } from './temporal';

/**
 * The API with a case worker beside it (issue #20's fast writes): `t` and `temporal` filled in before the suite's first
 * test; `openCase` and `history` are openCase and caseHistory on them.
 */
export interface ApiWithWorker {
  t: TestApp;
  temporal: Client;
  openCase: (registrar: string) => ReturnType<typeof openCase>;
  history: (caseNo: string) => ReturnType<typeof caseHistory>;
}

export function useApiWithWorker(): ApiWithWorker {
  const run = {
    openCase: (registrar: string) => openCase(run.t, registrar),
    history: (caseNo: string) => caseHistory(run.temporal, caseNo),
  } as ApiWithWorker;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  beforeAll(async () => {
    quietTemporalRuntime();
    let t: TestApp;
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    Object.assign(run, { t, temporal: t.app.get<Client>(TEMPORAL_CLIENT) });
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await run.t?.close();
    await ctx?.close();
  });
  return run;
}

/** Registers an institution and a case against it; answers the case's first task. */
export async function openCase(t: TestApp, registrar: string) {
  const uscc = makeUscc();
  await t.http().post('/api/institutions').set(auth(registrar)).send({
    uscc, name: `快写测试培训学校${uscc.slice(-4)}`, type: 'off_campus_training', legalRepresentative: { name: '陈明', idNumber: makeIdNumber() },
  }).expect(201);
  const res = await t.http().post('/api/cases').set(auth(registrar))
    .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' }).expect(201);
  const [task] = await t.ds.query(`SELECT id, version FROM tasks WHERE case_no = $1 AND kind = 'investigate'`, [res.body.caseNo]);
  return { uscc, caseNo: res.body.caseNo as string, taskId: task.id as string };
}

/** The case's history: its taskHolder signals, the completions and answers it was told of, and the updates it accepted. */
export async function caseHistory(temporal: Client, caseNo: string) {
  const { events } = await temporal.workflow.getHandle(caseNo).fetchHistory();
  const signalled = (name: string) => (events ?? []).map((e) => e.workflowExecutionSignaledEventAttributes)
    .filter((a) => a?.signalName === name).map((a) => JSON.parse(Buffer.from(a!.input!.payloads![0].data!).toString('utf8')) as object);
  const updates = (events ?? []).map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
  return {
    signals: signalled('taskHolder').length, told: signalled('taskCompleted'), answered: signalled('institutionAnswered'),
    accepted: updates.filter((name) => name === 'completeTask'), acceptedAnswers: updates.filter((name) => name === 'submitObjection'),
  };
}
