import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { AppConfigModule } from '../../../src/config/config.module';
import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import { DatabaseModule } from '../../../src/database/database.module';
import { REEVALUATE_SCHEDULE_ID, SupervisionWorker, supervisionTaskQueue } from '../../../src/evaluation/supervision-worker.service';
import { SupervisionWorkerModule } from '../../../src/evaluation/supervision-worker.module';
import { createTestApp, TestApp } from '../../support/app';
import { quietTemporalRuntime } from '../../support/temporal';
import { auth, registerInstitution } from './helpers';

@Module({ imports: [AppConfigModule, DatabaseModule, SupervisionWorkerModule] })
class SupervisionTestModule {}

describe('credit evaluation', () => {
  let t: TestApp;
  let file: CreditFileService;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    file = t.app.get(CreditFileService);
    officer = (await t.loginAs('officer')).token;
  });
  afterAll(() => t.close());

  const evaluation = (uscc: string, asOf: string) =>
    t.http().get(`/api/institutions/${uscc}/evaluation`).query({ asOf }).set(auth(officer)).expect(200).then((r) => r.body);

  it('grades as of any date: before a determination, during its publicity and after its repair', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const det = await file.append({
      uscc, kind: 'determination', title: '擅自举办校外培训机构', decisionDate: '2026-03-02', severity: 'serious',
      publicityFrom: '2026-03-02', publicityUntil: '2029-03-01', payload: { behaviourCode: 'EDU-001', catalogueVersion: 1 },
      sourceRef: `LY-TEST-${uscc}:determination`,
    });
    await file.append({
      uscc, kind: 'repair', title: '信用修复', decisionDate: '2026-06-01', payload: { decision: '准予修复' },
      sourceRef: `LY-TEST-${uscc}:repair`, refersTo: det.id,
    });

    const before = await evaluation(uscc, '2026-03-01');
    expect(before).toMatchObject({ score: 1000, grade: 'A', contributions: [] });
    const during = await evaluation(uscc, '2026-03-02');
    // EDU-001 deducts 150 (catalogue version 1): 850 is the floor of C
    expect(during).toMatchObject({ score: 850, grade: 'C', deductions: 150 });
    expect(during.contributions).toEqual([expect.objectContaining({ recordId: det.id, points: -150 })]);
    expect((await evaluation(uscc, '2026-05-31')).grade).toBe('C');
    expect(await evaluation(uscc, '2026-06-01')).toMatchObject({ score: 1000, grade: 'A' });

    // the snapshot written with each record is today's grade
    const [snap] = await t.ds.query(`SELECT score, grade FROM institution_evaluations WHERE uscc = $1`, [uscc]);
    expect(snap).toEqual({ score: 1000, grade: 'A' });
  });

  it('adds capped bonuses for honours that offset, but never exceed, the full score', async () => {
    const { uscc } = await registerInstitution(t, officer);
    await file.append({
      uscc, kind: 'penalty', title: '警告', decisionDate: '2026-04-01', severity: 'general', publicityFrom: '2026-04-01',
      publicityUntil: '2027-04-01', payload: {}, sourceRef: `pen:${uscc}`,
    });
    for (const n of [1, 2, 3]) {
      await t.http().post(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).send({
        kind: 'honour', title: `诚信办学示范单位 ${n}`, decisionDate: '2026-04-02', publicityUntil: '2027-04-01', documentNo: `HZ-${uscc}-${n}`,
      }).expect(201);
    }
    // −20 (general penalty) + min(3 × 10, 20) = 1000
    expect(await evaluation(uscc, '2026-05-01')).toMatchObject({ deductions: 20, bonuses: 20, score: 1000 });
    expect(await evaluation(uscc, '2026-04-01')).toMatchObject({ score: 980, grade: 'A' });
  });

  it('re-evaluates every institution in one statement, from the Temporal schedule’s workflow', async () => {
    quietTemporalRuntime();
    process.env.SUPERVISION_WORKER = 'on';
    let ctx: INestApplicationContext | undefined;
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      ctx = await NestFactory.createApplicationContext(SupervisionTestModule, { logger: false });
      const client = new Client({ connection });
      const description = await client.schedule.getHandle(REEVALUATE_SCHEDULE_ID).describe();
      expect(description.spec.timezone).toBe('Asia/Shanghai');
      await ctx.get(SupervisionWorker).ensureSchedule(client, supervisionTaskQueue()); // a second start changes nothing
      await t.ds.query(`DELETE FROM institution_evaluations`);
      const result = await client.workflow.execute('reevaluateAllWorkflow', {
        taskQueue: supervisionTaskQueue(), workflowId: `test-reevaluate-${randomUUID()}`, args: [],
      });
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM institutions`);
      expect(result.institutions).toBe(n);
      const [{ m }] = await t.ds.query(`SELECT count(*)::int AS m FROM institution_evaluations`);
      expect(m).toBe(n);
    } finally {
      delete process.env.SUPERVISION_WORKER;
      await ctx?.close();
      await connection.close();
    }
  });
});
