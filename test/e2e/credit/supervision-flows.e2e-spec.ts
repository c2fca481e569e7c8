import type { INestApplicationContext } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { CreditFileService } from '../../../src/credit-file/credit-file.service';
import { createCaseWorker } from '../../../src/temporal/create-case-worker';
import { quietTemporalRuntime, workerContext } from '../../support/temporal';
import { createTestApp, TestApp } from '../../support/app';
import { makeIdNumber } from '../../support/factories';
import { auth, daysFromToday, penaltyBody, publishPenalty, registerInstitution } from './helpers';

/** Commitments, early warnings, objections and the 通报 data; cases they open run on a real case worker. */
describe('commitments, early warning, objections and accountability', () => {
  let t: TestApp;
  let file: CreditFileService;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let officer: string;

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    file = t.app.get(CreditFileService);
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  const casesOf = (uscc: string) =>
    t.ds.query(`SELECT case_no AS "caseNo", behaviour_code AS "behaviourCode", source, stage FROM cases WHERE uscc = $1`, [uscc]);

  it('lets an institution sign a commitment once, and opens an EDU-011 case when an officer marks it broken', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const inst = (await t.loginAs('institution', { uscc })).token;
    const body = {
      uscc, purpose: 'licence_notice', reference: 'CN-2026-001', content: '本机构承诺所提交的办学条件材料真实有效，并在三个月内补齐消防验收材料。',
      signerName: '陈明远', signerIdNumber: makeIdNumber(), dueDate: daysFromToday(90),
    };
    const signed = await t.http().post('/api/commitments').set(auth(inst)).send(body).expect(201);
    expect(signed.body).toMatchObject({ status: 'active', signerName: '陈**', recordId: expect.any(String) });
    expect((await t.http().post('/api/commitments').set(auth(inst)).send(body).expect(201)).body.id).toBe(signed.body.id);
    const record = await file.recordOf(signed.body.recordId);
    expect(record).toMatchObject({ kind: 'commitment', status: 'published' });
    expect(JSON.stringify(record)).not.toContain(body.signerIdNumber);
    const other = await registerInstitution(t, officer);
    await t.http().post('/api/commitments').set(auth(inst)).send({ ...body, uscc: other.uscc }).expect(404);

    const facts = '经核查，该机构承诺期满仍未补齐消防验收材料。';
    const proposal = await t.http().post(`/api/commitments/${signed.body.id}/breach`).set(auth(officer)).send({ facts }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'commitment_breach', status: 'pending', officeCode: 'XWPX', decidingRole: 'approver' });
    const approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(approver)).send({}).expect(200);
    const broken = await t.http().get(`/api/commitments/${signed.body.id}`).set(auth(officer)).expect(200);
    expect(broken.body).toMatchObject({ status: 'broken', caseNo: expect.stringMatching(/^LY-/) });
    expect(await casesOf(uscc)).toEqual([{ caseNo: broken.body.caseNo, behaviourCode: 'EDU-011', source: 'commitment-breach', stage: 'INVESTIGATION' }]);
    const again = await t.http().post(`/api/commitments/${signed.body.id}/breach`).set(auth(officer)).send({ facts }).expect(409);
    expect(again.body).toMatchObject({ code: 'COMMITMENT_BROKEN', details: { caseNo: broken.body.caseNo } });
    expect(await casesOf(uscc)).toHaveLength(1); // one case per broken commitment
  });

  const commitmentBody = (uscc: string, overrides: Record<string, unknown> = {}) => ({
    uscc, purpose: 'licence_notice', reference: `CN-${Math.random().toString(36).slice(2, 8)}`,
    content: '本机构承诺所提交的办学条件材料真实有效，并按期补齐消防验收材料。', signerName: '陈明远', dueDate: daysFromToday(30), ...overrides,
  });

  it('dates a commitment the day it is signed: a back-dated or post-dated one is refused and nothing is written', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const inst = (await t.loginAs('institution', { uscc })).token;
    for (const signedOn of [daysFromToday(-1), daysFromToday(1)]) {
      const refused = await t.http().post('/api/commitments').set(auth(inst)).send(commitmentBody(uscc, { signedOn })).expect(400);
      expect(refused.body).toMatchObject({ code: 'SIGNED_ON_NOT_TODAY', details: { fields: [expect.objectContaining({ field: 'signedOn' })] } });
      expect(refused.body.message).toContain(daysFromToday(0));
    }
    const pastDue = await t.http().post('/api/commitments').set(auth(inst)).send(commitmentBody(uscc, { dueDate: daysFromToday(-1) })).expect(400);
    expect(pastDue.body.details.fields[0].field).toBe('dueDate');
    const [{ commitments, records }] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM commitments WHERE uscc = $1) AS commitments,
              (SELECT count(*)::int FROM credit_records WHERE uscc = $1) AS records`, [uscc]);
    expect({ commitments, records }).toEqual({ commitments: 0, records: 0 });
    // today's date, given or not, is the signing date
    const signed = await t.http().post('/api/commitments').set(auth(inst)).send(commitmentBody(uscc, { signedOn: daysFromToday(0) })).expect(201);
    expect(signed.body).toMatchObject({ signedOn: daysFromToday(0), status: 'active', statusLabel: '履约中', verification: null });
  });

  it('lets staff of the institution’s office verify a commitment: kept once its term has run, or not kept with a case', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const registrar = await t.loginAs('officer', { officeCode: 'XWPX' });
    const other = (await t.loginAs('approver', { officeCode: 'ZCFG' })).token;
    const running = await t.http().post('/api/commitments').set(auth(registrar.token)).send(commitmentBody(uscc)).expect(201);
    const verify = (id: string, token: string, kept: boolean) =>
      t.http().post(`/api/commitments/${id}/verify`).set(auth(token)).send({ kept, note: '经现场核查，承诺事项已全部落实到位。' });

    expect((await verify(running.body.id, officer, true).expect(409)).body.code).toBe('COMMITMENT_TERM_RUNNING');
    expect((await verify(running.body.id, other, true).expect(403)).body.code).toBe('WRONG_OFFICE');
    // an officer who registered a paper commitment for the institution does not verify it himself
    expect((await verify(running.body.id, registrar.token, false).expect(403)).body.code).toBe('SAME_PERSON');

    // not kept ends the commitment's effect and opens a case: an approver of the office decides (four eyes)
    const proposal = await verify(running.body.id, officer, false).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'commitment_breach', status: 'pending' });
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth((await t.loginAs('approver', { officeCode: 'XWPX' })).token))
      .send({}).expect(200);
    const notKept = await verify(running.body.id, officer, false).expect(200); // a retry answers with the outcome
    expect(notKept.body).toMatchObject({ status: 'broken', verification: 'not_kept', caseNo: expect.stringMatching(/^LY-/) });
    expect(await casesOf(uscc)).toEqual([expect.objectContaining({ caseNo: notKept.body.caseNo, behaviourCode: 'EDU-011', source: 'commitment-breach' })]);
    expect(await casesOf(uscc)).toHaveLength(1);
    expect((await verify(running.body.id, officer, true).expect(409)).body.code).toBe('COMMITMENT_ALREADY_VERIFIED');
    // every attempt is on record, the refused ones with their reason (a write's audit row follows its answer)
    const outcomes = async () => (await t.ds.query(
      `SELECT outcome FROM audit_log WHERE action = 'commitment.transition' AND resource_id = $1`, [running.body.id])).map((r: { outcome: string }) => r.outcome);
    for (let i = 0; i < 20 && (await outcomes()).length < 6; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await outcomes()).toEqual(expect.arrayContaining([
      'refused:COMMITMENT_TERM_RUNNING', 'refused:WRONG_OFFICE', 'refused:SAME_PERSON', 'ok', 'refused:COMMITMENT_ALREADY_VERIFIED',
    ]));
  });

  it('flags institutions with the reasons, and opens a case from a warning', async () => {
    const { uscc } = await registerInstitution(t, officer);
    await file.append({
      uscc, kind: 'honour', title: '诚信办学示范单位', decisionDate: daysFromToday(-30), publicityFrom: daysFromToday(-30),
      publicityUntil: daysFromToday(300), payload: {}, sourceRef: `honour:${uscc}`,
    });
    await file.append({
      uscc, kind: 'penalty', title: '一般处罚', decisionDate: daysFromToday(-25), severity: 'general', publicityFrom: daysFromToday(-25),
      publicityUntil: daysFromToday(300), payload: {}, sourceRef: `general:${uscc}`,
    });
    for (const n of [1, 2]) {
      await file.append({
        uscc, kind: 'penalty', title: `轻微处罚 ${n}`, decisionDate: daysFromToday(-n * 10), severity: 'minor',
        publicityFrom: daysFromToday(-n * 10), publicityUntil: daysFromToday(60), payload: {}, sourceRef: `minor:${uscc}:${n}`,
      });
    }
    await file.append({ uscc, kind: 'inbound', title: '市场监管部门：虚假宣传行政指导', decisionDate: daysFromToday(-3), payload: {}, sourceRef: `inbound:${uscc}` });
    const res = await t.http().get('/api/early-warnings').query({ uscc }).set(auth(officer)).expect(200);
    const flags = res.body.items[0].flags.map((f: { code: string }) => f.code);
    // 1000 + 10 − 20 − 2 × 5 = 980: A (an honour in publication), within 20 points of A's floor (980)
    expect(flags).toEqual(['INBOUND_REPORT', 'NEAR_DOWNGRADE', 'REPEATED_MINOR']);
    expect(res.body.items[0].flags[2].message).toContain('2 条轻微');

    const opened = await t.http().post(`/api/early-warnings/${uscc}/cases`).set(auth(officer))
      .send({ behaviourCode: 'EDU-005', facts: '多次轻微违规并被市场监管部门通报虚假宣传' }).expect(201);
    expect(await casesOf(uscc)).toEqual([expect.objectContaining({ caseNo: opened.body.caseNo, behaviourCode: 'EDU-005' })]);
  });

  it('turns an upheld objection into a correction record and leaves the original untouched', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const pen = { body: await publishPenalty(t, { officer, approver: (await t.loginAs('approver')).token }, penaltyBody(uscc, { decisionDate: daysFromToday(-4) })) };
    const inst = (await t.loginAs('institution', { uscc })).token;
    const url = `/api/institutions/${uscc}/credit-file/${pen.body.recordId}/objections`;
    const raised = await t.http().post(url).set(auth(inst)).send({ type: 'correction', reason: '罚款金额登记有误，应为 0.3 万元', evidence: [{ name: '处罚决定书.pdf' }] }).expect(201);
    expect(raised.body).toMatchObject({ status: 'submitted', answerDue: expect.any(String) });
    expect((await t.http().post(url).set(auth(inst)).send({ type: 'objection', reason: '重复提出的异议理由说明' }).expect(409)).body.code).toBe('OBJECTION_OPEN');

    // four eyes: the officer proposes, an approver of the office decides (docs/four-eyes.md)
    const proposal = await t.http().post(`/api/credit-objections/${raised.body.id}/decision`).set(auth(officer))
      .send({ outcome: 'upheld', reason: '经核对原始决定书，金额登记错误', action: 'correct', corrected: { fineAmount: 0.3 } }).expect(202);
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth((await t.loginAs('approver')).token)).send({}).expect(200);
    const decided = await t.http().get(`/api/credit-objections/${raised.body.id}`).set(auth(inst)).expect(200);
    expect(decided.body).toMatchObject({ status: 'upheld', outcomeRecordId: expect.any(String) });
    const items = (await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(inst)).expect(200)).body.items;
    expect(items.map((r: { kind: string; status: string }) => [r.kind, r.status])).toEqual([['penalty', 'corrected'], ['correction', 'published']]);
    expect(items[0].payload.fineAmount).toBe(0.5);
    expect(items[1]).toMatchObject({ refersTo: pen.body.recordId, payload: expect.objectContaining({ corrected: { fineAmount: 0.3 } }) });
    expect((await t.http().get(`/api/institutions/${uscc}/credit-file/verify`).set(auth(inst)).expect(200)).body.ok).toBe(true);
  });

  it('opens a case from a failed inspection of a drawn institution', async () => {
    await t.loginAs('officer', { officeCode: 'ZCFG' });
    await t.loginAs('officer', { officeCode: 'ZCFG' });
    await registerInstitution(t, officer, { officeCode: 'ZCFG' });
    const plan = await t.http().post('/api/inspection-plans').set(auth(officer))
      .send({ title: '政策法规科抽查（测试）', officeCode: 'ZCFG', inspectorsPerTarget: 1 }).expect(201);
    expect(plan.body.seed).toMatch(/^[0-9a-f]{32}$/); // generated, and published with the plan
    const target = plan.body.targets[0].uscc;
    const facts = '现场检查发现疏散通道堵塞，灭火器过期未更换';
    const res = await t.http().put(`/api/inspection-plans/${plan.body.id}/targets/${target}/result`).set(auth(officer))
      .send({ result: 'fail', findings: '消防安全隐患', openCase: { behaviourCode: 'EDU-008', facts } }).expect(200);
    expect(res.body).toMatchObject({ result: 'fail', caseNo: expect.stringMatching(/^LY-/) });
    expect(await casesOf(target)).toEqual([expect.objectContaining({ caseNo: res.body.caseNo, behaviourCode: 'EDU-008', source: 'inspection' })]);
  });

  it('counts late publications per office for the 通报', async () => {
    const { uscc } = await registerInstitution(t, officer);
    await t.http().post('/api/publicity/penalties').set(auth(officer)).send(penaltyBody(uscc, { decisionDate: '2026-09-30', publish: false })).expect(201);
    const manager = (await t.loginAs('manager')).token;
    const res = await t.http().get('/api/accountability').query({ from: '2026-10-01', to: '2026-10-31' }).set(auth(manager)).expect(200);
    const xwpx = res.body.offices.find((o: { officeCode: string }) => o.officeCode === 'XWPX');
    expect(xwpx).toMatchObject({ officeName: '校外培训监管科', latePublications: expect.any(Number) });
    expect(xwpx).not.toHaveProperty('decidedWithoutReview');
    expect(xwpx.latePublications).toBeGreaterThanOrEqual(1);
    await t.http().get('/api/accountability').query({ from: '2026-10-01', to: '2026-10-31' }).set(auth(officer)).expect(403);
  });
});
