import type { INestApplicationContext } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { createCaseWorker } from '../../src/temporal/create-case-worker';
import { createTestApp, TestApp } from '../support/app';
import { quietTemporalRuntime, workerContext } from '../support/temporal';
import { auth, daysFromToday, penaltyBody, registerInstitution } from './credit/helpers';

/**
 * Four eyes, round two (issue #14 point 3, docs/four-eyes.md): publishing a 双公示 decision and ending a commitment's
 * effect take effect only on the decision of an approver of the owning office who neither filed nor proposed them;
 * the proposal list shows each person what they may decide or proposed. Breaches open cases on a real case worker.
 */
describe('four eyes on publication and commitments', () => {
  let t: TestApp;
  let ctx: INestApplicationContext;
  let worker: Worker;
  let running: Promise<void>;
  let officer: string;
  let approver: string;
  let elsewhere: string;

  beforeAll(async () => {
    quietTemporalRuntime();
    [t, ctx] = await Promise.all([createTestApp(), workerContext()]);
    worker = await createCaseWorker(ctx);
    running = worker.run();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    elsewhere = (await t.loginAs('approver', { officeCode: 'ZCFG' })).token;
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await t?.close();
    await ctx?.close();
  });

  const approve = (id: string, token: string) => t.http().post(`/api/decision-proposals/${id}/approve`).set(auth(token)).send({ note: '同意' });
  const publicIds = async (uscc: string) =>
    (await t.http().get(`/api/public/institutions/${uscc}`).expect(200)).body.records.map((r: { id: string }) => r.id);

  it('publishes a 双公示 decision only by an approver of its office who did not file it', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const filer = await t.loginAs('approver', { officeCode: 'XWPX' });
    // registered by an approver, not to be published on sign-off; its text signed off by another approver
    const filed = await t.http().post('/api/publicity/penalties').set(auth(filer.token))
      .send(penaltyBody(uscc, { decisionDate: daysFromToday(-2), publish: false })).expect(201);
    await t.http().post(`/api/publicity/public-texts/${filed.body.publicText.id}/approve`).set(auth(approver))
      .send({ hash: filed.body.publicText.hash }).expect(200);
    const publish = (token: string) => t.http().post(`/api/publicity/decisions/${filed.body.id}/publish`).set(auth(token)).send({});

    expect((await publish(filer.token).expect(403)).body.code).toBe('SAME_PERSON');
    expect((await publish(officer).expect(403)).body.code).toBe('FORBIDDEN'); // an officer never publishes alone
    expect((await publish(elsewhere).expect(403)).body.code).toBe('OTHER_OFFICE');
    expect((await t.http().get(`/api/publicity/decisions/${filed.body.id}`).set(auth(officer)).expect(200)).body.status).toBe('pending');
    expect(await publicIds(uscc)).toEqual([]);

    const published = await publish(approver).expect(200);
    expect(published.body).toMatchObject({ status: 'published', recordId: expect.any(String) });
    expect(await publicIds(uscc)).toContain(published.body.recordId);
  });

  it('does not let the filer publish by signing off a text someone else redrafted', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const filer = await t.loginAs('approver', { officeCode: 'XWPX' });
    const filed = await t.http().post('/api/publicity/penalties').set(auth(filer.token))
      .send(penaltyBody(uscc, { decisionDate: daysFromToday(-2) })).expect(201);
    const redrafted = await t.http().put(`/api/publicity/decisions/${filed.body.id}/public-text`).set(auth(officer))
      .send({ fields: { title: '行政处罚决定（重新起草）', content: '警告，罚款人民币五千元' } }).expect(200);
    const text = redrafted.body.publicText;
    const refused = await t.http().post(`/api/publicity/public-texts/${text.id}/approve`).set(auth(filer.token)).send({ hash: text.hash }).expect(403);
    expect(refused.body.code).toBe('SAME_PERSON');
    expect(await publicIds(uscc)).toEqual([]);
    const signed = await t.http().post(`/api/publicity/public-texts/${text.id}/approve`).set(auth(approver)).send({ hash: text.hash }).expect(200);
    expect(signed.body.decision).toMatchObject({ status: 'published' });
  });

  const casesOf = async (uscc: string) => (await t.ds.query(`SELECT case_no FROM cases WHERE uscc = $1`, [uscc])).length;
  const commitment = async (uscc: string, dueDate: string) => {
    const inst = (await t.loginAs('institution', { uscc })).token;
    return (await t.http().post('/api/commitments').set(auth(inst)).send({
      uscc, purpose: 'licence_notice', reference: `CN-FE-${uscc.slice(-6)}-${dueDate}`, signerName: '陈明远', dueDate,
      content: '本机构承诺所提交的办学条件材料真实有效，并按期补齐消防验收材料。',
    }).expect(201)).body as { id: string; status: string };
  };
  const statusOf = async (id: string) => (await t.http().get(`/api/commitments/${id}`).set(auth(officer)).expect(200)).body;

  it('finds a commitment broken (a case opened) only when an approver of its office who did not propose it decides', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const signed = await commitment(uscc, daysFromToday(30));
    const proposer = await t.loginAs('approver', { officeCode: 'XWPX' });
    const proposal = await t.http().post(`/api/commitments/${signed.id}/breach`).set(auth(proposer.token))
      .send({ facts: '经核查，该机构承诺期内仍未补齐消防验收材料。' }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'commitment_breach', subjectRef: signed.id, officeCode: 'XWPX', decidingRole: 'approver' });
    expect((await approve(proposal.body.id, proposer.token).expect(403)).body.code).toBe('SAME_PERSON');
    expect((await approve(proposal.body.id, officer).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await approve(proposal.body.id, elsewhere).expect(403)).body.code).toBe('OTHER_OFFICE');
    expect((await approve(proposal.body.id, (await t.loginAs('admin', { officeCode: null })).token).expect(403)).body.code).toBe('NOT_DECIDING_ROLE');
    expect(await statusOf(signed.id)).toMatchObject({ status: 'active', caseNo: null });
    expect(await casesOf(uscc)).toBe(0);

    await approve(proposal.body.id, approver).expect(200);
    expect(await statusOf(signed.id)).toMatchObject({ status: 'broken', caseNo: expect.stringMatching(/^LY-/) });
    expect(await casesOf(uscc)).toBe(1);
  });

  it('turns a verification as not kept into a proposal: nothing changes until an approver decides', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const signed = await commitment(uscc, daysFromToday(0));
    const proposal = await t.http().post(`/api/commitments/${signed.id}/verify`).set(auth(officer))
      .send({ kept: false, note: '经现场核查，消防验收材料仍未补齐。' }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'commitment_breach', status: 'pending' });
    expect(await statusOf(signed.id)).toMatchObject({ status: 'awaiting_verification', verification: null, caseNo: null });
    // a second opinion meanwhile waits for the first
    await t.http().post(`/api/commitments/${signed.id}/breach`).set(auth(officer)).send({ facts: '另案发现该机构违背承诺事项。' }).expect(409);
    expect(await casesOf(uscc)).toBe(0);
    await approve(proposal.body.id, approver).expect(200);
    expect(await statusOf(signed.id)).toMatchObject({ status: 'broken', verification: 'not_kept', verifiedOn: daysFromToday(0) });
    expect(await casesOf(uscc)).toBe(1);
  });

  it("lists to each person only what they may decide or proposed: their office's for approvers, the rules for administrators", async () => {
    const { uscc } = await registerInstitution(t, officer);
    const signed = await commitment(uscc, daysFromToday(30));
    const ofOffice = (await t.http().post(`/api/commitments/${signed.id}/breach`).set(auth(officer))
      .send({ facts: '经核查，该机构承诺期内擅自变更培训场所。' }).expect(202)).body.id as string;
    const admin = (await t.loginAs('admin', { officeCode: null })).token;
    const draft = (await t.http().get('/api/calendar/years/2087/draft').set(auth(admin)).expect(200)).body;
    const ofRules = (await t.http().put('/api/calendar/years/2087').set(auth(admin))
      .send({ holidays: draft.holidays, workdays: [], basis: '国务院办公厅关于2087年部分节假日安排的通知' }).expect(202)).body.id as string;
    const seen = async (token: string) => {
      const ids = (await t.http().get('/api/decision-proposals').query({ status: 'pending' }).set(auth(token)).expect(200)).body.items
        .map((p: { id: string }) => p.id);
      return [ids.includes(ofOffice), ids.includes(ofRules)];
    };
    expect(await seen(approver)).toEqual([true, false]);
    expect(await seen(elsewhere)).toEqual([false, false]);
    expect(await seen((await t.loginAs('admin', { officeCode: null })).token)).toEqual([false, true]);
    expect(await seen(admin)).toEqual([false, true]); // proposed it
    expect(await seen(officer)).toEqual([true, false]); // proposed it
    expect(await seen((await t.loginAs('officer', { officeCode: 'XWPX' })).token)).toEqual([false, false]);
    expect(await seen((await t.loginAs('auditor', { officeCode: null })).token)).toEqual([true, true]); // oversight, read only
  });
});

