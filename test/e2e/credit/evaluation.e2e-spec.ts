import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { AppConfigModule } from '../../../src/config/config.module';
import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import { DatabaseModule } from '../../../src/database/database.module';
import { GradingRules1765500000000 } from '../../../src/database/migrations/1765500000000-grading-rules';
import { EvaluationService } from '../../../src/evaluation/evaluation.service';
import { REEVALUATE_SCHEDULE_ID, SupervisionWorker, supervisionTaskQueue } from '../../../src/evaluation/supervision-worker.service';
import { SupervisionWorkerModule } from '../../../src/evaluation/supervision-worker.module';
import { createTestApp, TestApp } from '../../support/app';
import { registerBan } from '../../support/bans';
import { makeIdNumber } from '../../support/factories';
import { quietTemporalRuntime } from '../../support/temporal';
import { auth, daysFromToday, registerInstitution } from './helpers';

@Module({ imports: [AppConfigModule, DatabaseModule, SupervisionWorkerModule] })
class SupervisionTestModule {}

interface Cap { rule: string; grade: string; because: string; refs: string[] }

/**
 * The grading rules of docs/credit-grading.md, one test each, on the real database. Scores follow the default policy
 * (1000 base; determination by catalogue item, EDU-001 −150; general penalty −20; joint sanction −50; honour +10;
 * verified kept commitment +2; bonuses at most +20) and its bands (A ≥ 980, B ≥ 900, C ≥ 850, D ≥ 800, E below).
 */
describe('credit evaluation', () => {
  let t: TestApp;
  let file: CreditFileService;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await createTestApp();
    file = t.app.get(CreditFileService);
    officer = (await t.loginAs('officer')).token;
    approver = (await t.loginAs('approver')).token;
  });
  afterAll(() => t.close());

  const evaluation = (uscc: string, asOf = daysFromToday(0)) =>
    t.http().get(`/api/institutions/${uscc}/evaluation`).query({ asOf }).set(auth(officer)).expect(200).then((r) => r.body);
  const rulesOf = (ev: { caps: Cap[] }) => ev.caps.map((c) => c.rule);
  const idOf = async (uscc: string): Promise<string> => (await t.ds.query(`SELECT id FROM institutions WHERE uscc = $1`, [uscc]))[0].id;
  const regrade = async (uscc: string) => {
    const id = await idOf(uscc);
    await t.ds.transaction((m) => t.app.get(EvaluationService).reevaluateInstitution(id, m));
  };
  const honour = (uscc: string, from: string, until: string) => file.append({
    uscc, kind: 'honour', title: '诚信办学示范单位', decisionDate: from, publicityFrom: from, publicityUntil: until, payload: {},
    sourceRef: `honour:${uscc}:${from}`,
  });

  /** The snapshot the bulk statement wrote equals today's view: both come from the same rules. */
  async function expectSnapshotAgrees(uscc: string) {
    const view = await evaluation(uscc);
    const [snap] = await t.ds.query(`SELECT score, grade, caps FROM institution_evaluations WHERE uscc = $1`, [uscc]);
    expect(snap).toEqual({ score: view.score, grade: view.grade, caps: rulesOf(view) });
  }

  describe('grading rules', () => {
    it('grades an institution with no records B (良好), not A', async () => {
      const { uscc } = await registerInstitution(t, officer);
      const ev = await evaluation(uscc);
      expect(ev).toMatchObject({ score: 1000, scoreGrade: 'A', grade: 'B', contributions: [] });
      expect(ev.caps).toEqual([expect.objectContaining({ rule: 'NO_RECORDS', grade: 'B', because: expect.stringContaining('没有记录不等于信用良好') })]);
      // never evaluated: the review and the measures read the same grade
      const measures = await t.http().get(`/api/institutions/${uscc}/measures`).set(auth(officer)).expect(200);
      expect(measures.body.grade).toBe('B');
      expect(measures.body.measures.map((m: { code: string }) => m.code)).not.toContain('GREEN-CHANNEL');
    });

    it('grades A only with positive evidence: the score alone earns B, honours in publication make it A', async () => {
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
      // 1 April: 1000 − 20 = 980, the floor of A, but nothing the bureau knows in the institution's favour
      const scoreAlone = await evaluation(uscc, '2026-04-01');
      expect(scoreAlone).toMatchObject({ score: 980, scoreGrade: 'A', grade: 'B' });
      expect(rulesOf(scoreAlone)).toEqual(['A_REQUIRES_POSITIVE_EVIDENCE']);
      // 2 April: −20 + min(3 × 10, 20) = 1000, and three honours in publication
      expect(await evaluation(uscc, '2026-05-01')).toMatchObject({ deductions: 20, bonuses: 20, score: 1000, grade: 'A', caps: [] });
      // 2 April 2027: the penalty and the honours have left publication; records remain, evidence does not
      expect(await evaluation(uscc, '2027-04-02')).toMatchObject({ score: 1000, grade: 'B', caps: [expect.objectContaining({ rule: 'A_REQUIRES_POSITIVE_EVIDENCE' })] });
      await expectSnapshotAgrees(uscc);
    });

    it('counts a commitment only once the bureau verifies it as kept, from the day of verification', async () => {
      const { uscc } = await registerInstitution(t, officer);
      const inst = (await t.loginAs('institution', { uscc })).token;
      await file.append({
        uscc, kind: 'penalty', title: '警告', decisionDate: daysFromToday(-5), severity: 'general', publicityFrom: daysFromToday(-5),
        publicityUntil: daysFromToday(360), payload: {}, sourceRef: `pen:${uscc}`,
      });
      const signed = await t.http().post('/api/commitments').set(auth(inst)).send({
        uscc, purpose: 'other', reference: 'CN-KEPT-01', content: '本机构承诺于今日前完成全部从业人员信息公示。', signerName: '陈明远',
        dueDate: daysFromToday(0),
      }).expect(201);
      expect(signed.body).toMatchObject({ signedOn: daysFromToday(0), status: 'awaiting_verification', verification: null });

      // signed, unverified: 1000 − 20 = 980 and no bonus, so B
      const unverified = await evaluation(uscc);
      expect(unverified).toMatchObject({ score: 980, bonuses: 0, grade: 'B' });
      expect(unverified.contributions.map((c: { recordId: string }) => c.recordId)).not.toContain(signed.body.recordId);

      const verified = await t.http().post(`/api/commitments/${signed.body.id}/verify`).set(auth(officer))
        .send({ kept: true, note: '经核查，从业人员信息已全部公示，承诺已履行。' }).expect(200);
      expect(verified.body).toMatchObject({ status: 'kept', verification: 'kept', verifiedOn: daysFromToday(0) });
      // verified today: 980 + 2 = 982, and a verified kept commitment is positive evidence for A
      const kept = await evaluation(uscc);
      expect(kept).toMatchObject({ score: 982, bonuses: 2, grade: 'A', caps: [] });
      expect(kept.contributions).toContainEqual(expect.objectContaining({ recordId: signed.body.recordId, points: 2 }));
      expect(await evaluation(uscc, daysFromToday(-1))).toMatchObject({ score: 980, bonuses: 0, grade: 'B' });
      await expectSnapshotAgrees(uscc);
    });

    it('holds an institution with an active serious determination at D, whatever its score, until it is repaired', async () => {
      const { uscc } = await registerInstitution(t, officer);
      await honour(uscc, '2026-02-02', '2027-02-01');
      const det = await file.append({
        uscc, kind: 'determination', title: '擅自举办校外培训机构', decisionDate: '2026-03-02', severity: 'serious',
        publicityFrom: '2026-03-02', publicityUntil: '2029-03-02', payload: { behaviourCode: 'EDU-001', catalogueVersion: 1 },
        sourceRef: `LY-TEST-${uscc}:determination`,
      });
      await file.append({
        uscc, kind: 'repair', title: '信用修复', decisionDate: '2026-06-01', payload: { decision: '准予修复' },
        sourceRef: `LY-TEST-${uscc}:repair`, refersTo: det.id,
      });
      expect(await evaluation(uscc, '2026-03-01')).toMatchObject({ score: 1000, grade: 'A', caps: [] });
      // 1000 − 150 + 10 = 860: the score's band is C, the determination holds the grade at D
      const during = await evaluation(uscc, '2026-03-02');
      expect(during).toMatchObject({ score: 860, scoreGrade: 'C', grade: 'D', deductions: 150, bonuses: 10 });
      expect(during.caps).toEqual([expect.objectContaining({
        rule: 'SERIOUS_DETERMINATION', grade: 'D', refs: [det.id], because: expect.stringContaining('擅自举办校外培训机构（2026-03-02）'),
      })]);
      expect((await evaluation(uscc, '2026-05-31')).grade).toBe('D');
      // repaired on 1 June: the deduction and the cap end together
      expect(await evaluation(uscc, '2026-06-01')).toMatchObject({ score: 1000, grade: 'A', caps: [] });
      await expectSnapshotAgrees(uscc);
    });

    it('grades E while a joint-sanction measure is in force', async () => {
      const { uscc } = await registerInstitution(t, officer);
      const sanction = await file.append({
        uscc, kind: 'joint_sanction', title: '联合惩戒：限制享受财政奖补资金', decisionDate: '2026-05-11', severity: 'serious',
        publicityFrom: '2026-05-11', publicityUntil: '2027-05-10', payload: { measures: ['限制享受财政奖补资金'] }, sourceRef: `js:${uscc}`,
      });
      expect(await evaluation(uscc, '2026-05-10')).toMatchObject({ grade: 'B', caps: [expect.objectContaining({ rule: 'NO_RECORDS' })] });
      // 1000 − 50 = 950: band B, the sanction makes it E
      const during = await evaluation(uscc, '2026-05-11');
      expect(during).toMatchObject({ score: 950, scoreGrade: 'B', grade: 'E' });
      expect(during.caps).toEqual([expect.objectContaining({ rule: 'JOINT_SANCTION', grade: 'E', refs: [sanction.id] })]);
      expect((await evaluation(uscc, '2027-05-10')).grade).toBe('E');
      expect(await evaluation(uscc, '2027-05-11')).toMatchObject({ score: 1000, grade: 'B' });
    });

    it('grades E while its legal representative, or a person banned in connection with it, is under an industry ban', async () => {
      const idNumber = makeIdNumber('19690713');
      const { uscc } = await registerInstitution(t, officer, { idNumber });
      const [from, until] = [daysFromToday(-10), daysFromToday(1000)];
      // the ban names the person only (no institution): it reaches the institution through its legal representative
      await registerBan(t, officer, approver, { personName: '陈明远', personIdNumber: idNumber, fromDate: from, untilDate: until });
      const banned = await evaluation(uscc);
      expect(banned).toMatchObject({ score: 1000, grade: 'E' });
      // every rule below the score's band is listed, worst first: the ban decides, no records alone would give B
      expect(banned.caps).toEqual([
        expect.objectContaining({ rule: 'INDUSTRY_BAN', grade: 'E', because: `陈** 处于行业禁入期（至 ${until}），评为 E` }),
        expect.objectContaining({ rule: 'NO_RECORDS', grade: 'B' }),
      ]);
      expect(JSON.stringify(banned)).not.toContain(idNumber);
      expect(JSON.stringify(banned)).not.toContain('陈明远');
      // the ban runs from its first day to its last, both included
      expect((await evaluation(uscc, daysFromToday(-11))).grade).toBe('B');
      expect((await evaluation(uscc, until)).grade).toBe('E');
      expect((await evaluation(uscc, daysFromToday(1001))).grade).toBe('B');
      await expectSnapshotAgrees(uscc); // registering the ban re-graded the institution
      const measures = await t.http().get(`/api/institutions/${uscc}/measures`).set(auth(officer)).expect(200);
      expect(measures.body.measures.map((m: { code: string }) => m.code)).toContain('MORE-INSPECTIONS');

      // a teacher banned in connection with another institution holds it at E (a penalty: no joint-sanction record, issue #17)
      const other = await registerInstitution(t, officer);
      await registerBan(t, officer, approver, { personName: '赵禁入', personIdNumber: makeIdNumber('19810203'), uscc: other.uscc, fromDate: from, untilDate: until });
      expect(rulesOf(await evaluation(other.uscc))[0]).toBe('INDUSTRY_BAN');
    });

    it('holds an institution whose case closed unrectified at C, and keeps it on the early-warning list, until it rectifies', async () => {
      const { uscc } = await registerInstitution(t, officer);
      await honour(uscc, '2026-02-02', '2028-02-01');
      const caseNo = `LY-TEST-${uscc}`;
      // the workflow closes such a case when publication ends at the maximum period (a general case: 1 year)
      await t.ds.query(
        `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity,
                            stage, office_code, registered_by, decision_date, closed_at, outcome)
         SELECT $1, i.id, i.uscc, 'EDU-002', 1, (SELECT version FROM policies WHERE active), '超出许可范围开展学科类培训', 'inspection',
                'general', 'CLOSED', 'XWPX', (SELECT id FROM users WHERE role = 'officer' LIMIT 1), '2025-03-01',
                '2026-03-02 10:00:00+08', 'PUBLICATION_ENDED_UNRECTIFIED'
           FROM institutions i WHERE i.uscc = $2`, [caseNo, uscc]);
      await regrade(uscc);
      expect(await evaluation(uscc, '2026-03-01')).toMatchObject({ score: 1000, grade: 'A' });
      const unrectified = await evaluation(uscc, '2026-03-02');
      expect(unrectified).toMatchObject({ score: 1000, scoreGrade: 'A', grade: 'C' });
      expect(unrectified.caps).toEqual([expect.objectContaining({ rule: 'UNRECTIFIED_AFTER_PUBLICATION', grade: 'C', refs: [caseNo] })]);
      const watch = async () => (await t.http().get('/api/early-warnings').query({ uscc }).set(auth(officer)).expect(200)).body.items;
      expect((await watch())[0].flags).toEqual([expect.objectContaining({
        code: 'UNRECTIFIED_AFTER_PUBLICATION', message: expect.stringContaining(caseNo),
      })]);

      // rectification passed on 20 May lifts both
      await t.ds.query(
        `INSERT INTO case_events (case_no, type, reason, occurred_at, idempotency_key)
         VALUES ($1, 'RECTIFICATION_PASSED', '经复查，整改到位', '2026-05-20 09:00:00+08', $2)`, [caseNo, `${caseNo}:rectified`]);
      await regrade(uscc);
      expect((await evaluation(uscc, '2026-05-19')).grade).toBe('C');
      expect(await evaluation(uscc, '2026-05-20')).toMatchObject({ grade: 'A', caps: [] });
      expect(await watch()).toEqual([]);
      await expectSnapshotAgrees(uscc);
    });
  });

  it('recomputes the grades the old rules stored, and stops counting unverified commitments, when the grading migration runs', async () => {
    const empty = await registerInstitution(t, officer);
    const signer = await registerInstitution(t, officer);
    // a commitment the old API let an institution back-date, so that its term had ended the day it was signed
    const record = await file.append({
      uscc: signer.uscc, kind: 'commitment', title: '年度信用承诺（CN-OLD）', decisionDate: '2025-06-01', publicityFrom: '2025-06-01',
      publicityUntil: '2025-12-31', payload: {}, sourceRef: `commitment:${signer.uscc}:CN-OLD`,
    });
    await t.ds.query(
      `INSERT INTO commitments (institution_id, uscc, purpose, content, signer_name, signed_on, due_date, record_id)
       SELECT id, uscc, 'annual', '本机构承诺依法依规办学', '陈明远', '2025-06-01', '2025-12-31', $2 FROM institutions WHERE uscc = $1`,
      [signer.uscc, record.id]);
    const migration = new GradingRules1765500000000();
    const runner = t.ds.createQueryRunner();
    let downed = false;
    try {
      await migration.down(runner);
      downed = true;
      // what the old rules stored: full marks and A for no records, the self-declared commitment's +2 counted as kept
      for (const [uscc, bonuses] of [[empty.uscc, 0], [signer.uscc, 2]] as const) {
        await t.ds.query(
          `INSERT INTO institution_evaluations (institution_id, uscc, score, grade, deductions, bonuses, as_of, policy_version, computed_at)
           SELECT id, uscc, 1000, 'A', 0, $2, '2026-11-30', 1, '2026-11-30 01:30:00+08' FROM institutions WHERE uscc = $1
           ON CONFLICT (institution_id) DO UPDATE SET grade = 'A', bonuses = $2, computed_at = '2026-11-30 01:30:00+08'`, [uscc, bonuses]);
      }
      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
      downed = false;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      if (downed) await migration.up(runner);
      await runner.release();
    }
    const stored = await t.ds.query(
      `SELECT uscc, score, grade, bonuses, caps FROM institution_evaluations WHERE uscc = ANY($1) ORDER BY uscc = $2 DESC`,
      [[empty.uscc, signer.uscc], empty.uscc]);
    expect(stored).toEqual([
      { uscc: empty.uscc, score: 1000, grade: 'B', bonuses: 0, caps: ['NO_RECORDS'] },
      { uscc: signer.uscc, score: 1000, grade: 'B', bonuses: 0, caps: ['A_REQUIRES_POSITIVE_EVIDENCE'] },
    ]);
    const [commitment] = await t.ds.query(`SELECT verification FROM commitments WHERE record_id = $1`, [record.id]);
    expect(commitment).toEqual({ verification: null });
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
