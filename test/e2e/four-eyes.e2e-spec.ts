import { createTestApp, TestApp } from '../support/app';
import { makeIdNumber } from '../support/factories';
import { auth, daysFromToday, penaltyBody, publishPenalty, registerInstitution } from './credit/helpers';

/**
 * Four eyes (issue #14 point 3, docs/four-eyes.md): whatever removes, changes or ends a record's effect, or changes
 * the rules everyone's deadlines follow, takes effect only on the decision of a second person with the deciding role
 * in the office that owns the record.
 */
describe('four eyes', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t.close());

  const approve = (id: string, token: string) => t.http().post(`/api/decision-proposals/${id}/approve`).set(auth(token)).send({ note: '同意' });
  const publicIds = async (uscc: string) =>
    (await t.http().get(`/api/public/institutions/${uscc}`).expect(200)).body.records.map((r: { id: string }) => r.id);

  /** A published penalty of an XWPX institution and its objection, raised by the institution itself. */
  async function objectedPenalty() {
    const { uscc } = await registerInstitution(t, officer);
    const penalty = await publishPenalty(t, { officer, approver: (await t.loginAs('approver')).token }, penaltyBody(uscc, { decisionDate: daysFromToday(-3) }));
    const inst = (await t.loginAs('institution', { uscc })).token;
    const raised = await t.http().post(`/api/institutions/${uscc}/credit-file/${penalty.recordId}/objections`).set(auth(inst))
      .send({ type: 'objection', reason: '该处罚已被复议机关撤销，请撤下' }).expect(201);
    return { uscc, recordId: penalty.recordId, objectionId: raised.body.id as string, inst };
  }

  it("removes a record from the public page only after an approver of its office, not the proposer, decides", async () => {
    const o = await objectedPenalty();
    expect(await publicIds(o.uscc)).toContain(o.recordId);
    const proposal = await t.http().post(`/api/credit-objections/${o.objectionId}/decision`).set(auth(officer))
      .send({ outcome: 'upheld', action: 'withdraw', reason: '复议决定书已撤销原处罚决定' }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'objection_decision', status: 'pending', officeCode: 'XWPX', decidingRole: 'approver' });
    // the proposal alone changes nothing the public or the institution sees
    expect(await publicIds(o.uscc)).toContain(o.recordId);
    const seen = await t.http().get(`/api/credit-objections/${o.objectionId}`).set(auth(o.inst)).expect(200);
    expect(seen.body.status).toBe('submitted');
    expect(seen.body).not.toHaveProperty('proposal');
    const staffView = await t.http().get(`/api/credit-objections/${o.objectionId}`).set(auth(officer)).expect(200);
    expect(staffView.body.proposal).toMatchObject({ id: proposal.body.id, status: 'pending' });
    // a second proposal for the same objection waits for the first
    await t.http().post(`/api/credit-objections/${o.objectionId}/decision`).set(auth(approver))
      .send({ outcome: 'rejected', reason: '另提意见' }).expect(409);

    expect((await approve(proposal.body.id, officer).expect(403)).body.code).toBe('FORBIDDEN'); // an officer never decides
    const elsewhere = (await t.loginAs('approver', { officeCode: 'ZCFG' })).token;
    expect((await approve(proposal.body.id, elsewhere).expect(403)).body.code).toBe('OTHER_OFFICE');
    expect((await approve(proposal.body.id, (await t.loginAs('admin', { officeCode: null })).token).expect(403)).body.code).toBe('NOT_DECIDING_ROLE');
    expect(await publicIds(o.uscc)).toContain(o.recordId);

    const decided = await approve(proposal.body.id, approver).expect(200);
    expect(decided.body).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    expect(await publicIds(o.uscc)).not.toContain(o.recordId);
    const outcome = await t.http().get(`/api/credit-objections/${o.objectionId}`).set(auth(o.inst)).expect(200);
    expect(outcome.body).toMatchObject({ status: 'upheld', outcomeRecordId: expect.any(String), decisionReason: '复议决定书已撤销原处罚决定' });
    const audit = await t.ds.query(`SELECT resource, outcome FROM audit_log WHERE resource_id = ANY($1) ORDER BY id`, [[o.objectionId, proposal.body.id]]);
    expect(audit.map((a: { resource: string; outcome: string }) => `${a.resource} ${a.outcome}`)).toEqual(expect.arrayContaining([
      'credit-objection-proposal ok', 'decision-proposal refused:OTHER_OFFICE', 'decision-proposal ok']));
  });

  it('refuses the person who proposed or raised an objection as its decider (SAME_PERSON)', async () => {
    const o = await objectedPenalty();
    const proposal = await t.http().post(`/api/credit-objections/${o.objectionId}/decision`).set(auth(approver))
      .send({ outcome: 'rejected', reason: '处罚决定合法有效' }).expect(202);
    expect((await approve(proposal.body.id, approver).expect(403)).body.code).toBe('SAME_PERSON');
    // an approver who raised an objection for the institution may not decide it either, whoever proposed it
    const raiser = await t.loginAs('approver', { officeCode: 'XWPX' });
    await t.ds.query(`UPDATE credit_objections SET submitted_by = $2 WHERE id = $1`, [o.objectionId, raiser.user.id]);
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/reject`).set(auth((await t.loginAs('approver')).token))
      .send({ note: '理由不充分，请补充' }).expect(200);
    const again = await t.http().post(`/api/credit-objections/${o.objectionId}/decision`).set(auth(officer))
      .send({ outcome: 'rejected', reason: '处罚决定合法有效，证据充分' }).expect(202);
    expect((await approve(again.body.id, raiser.token).expect(403)).body.code).toBe('SAME_PERSON');
    await approve(again.body.id, approver).expect(200);
    expect((await t.http().get(`/api/credit-objections/${o.objectionId}`).set(auth(o.inst)).expect(200)).body.status).toBe('rejected');
  });

  it("refers an objection to another department's record back to it and never corrects it here", async () => {
    const { uscc } = await registerInstitution(t, officer);
    const record = await t.http().post(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).send({
      kind: 'inbound', title: '虚假宣传行政指导', decisionDate: daysFromToday(-5), documentNo: `SJ-${uscc.slice(-6)}`,
      details: { department: '连云港市海州区市场监督管理局' },
    }).expect(201);
    const inst = (await t.loginAs('institution', { uscc })).token;
    const raised = await t.http().post(`/api/institutions/${uscc}/credit-file/${record.body.id}/objections`).set(auth(inst))
      .send({ type: 'correction', reason: '该行政指导内容与事实不符' }).expect(201);
    const refused = await t.http().post(`/api/credit-objections/${raised.body.id}/decision`).set(auth(officer))
      .send({ outcome: 'upheld', action: 'withdraw', reason: '经核实情况属实' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'DETERMINED_ELSEWHERE', details: { department: '连云港市海州区市场监督管理局' } });
    const referred = await t.http().post(`/api/credit-objections/${raised.body.id}/referral`).set(auth(officer))
      .send({ reason: '请向原认定部门提出异议' }).expect(200);
    expect(referred.body).toMatchObject({ status: 'referred', referredTo: '连云港市海州区市场监督管理局', outcomeRecordId: null });
    expect((await t.http().get(`/api/credit-objections/${raised.body.id}`).set(auth(inst)).expect(200)).body.referredTo).toBe('连云港市海州区市场监督管理局');
    const file = (await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200)).body.items;
    expect(file.map((r: { kind: string }) => r.kind)).toEqual(['inbound']);
  });

  it('lets only an approver of the office, not the officer who registered it, decide a review matter', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const matter = await t.http().post('/api/review-matters').set(auth(approver))
      .send({ type: 'licence', uscc, title: '设立审批', persons: [{ name: '李举办', idNumber: makeIdNumber() }] }).expect(201);
    await t.http().post('/api/credit-review').send({ uscc, purpose: 'licence', matterId: matter.body.id }).set(auth(officer)).expect(200);
    const decide = (token: string) => t.http().post(`/api/review-matters/${matter.body.id}/decision`).set(auth(token))
      .send({ decision: 'approve', reason: '经审查符合条件' });
    await decide(officer).expect(403);
    expect((await decide(approver).expect(403)).body.code).toBe('SAME_PERSON');
    expect((await decide((await t.loginAs('approver', { officeCode: 'ZCFG' })).token).expect(403)).body.code).toBe('OTHER_OFFICE');
    expect((await decide((await t.loginAs('approver', { officeCode: 'XWPX' })).token).expect(200)).body.status).toBe('approved');
  });

  it('publishes a policy only when a second administrator approves it', async () => {
    const [admin1, admin2] = [(await t.loginAs('admin', { officeCode: null })).token, (await t.loginAs('admin', { officeCode: null })).token];
    const before = (await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body;
    const proposal = await t.http().post('/api/policies').set(auth(admin1))
      .send({ changes: { objectionDays: before.document.objectionDays }, note: '四眼原则测试：参数不变' }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'policy_publish', status: 'pending', officeCode: null, decidingRole: 'admin' });
    expect((await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body.version).toBe(before.version);
    expect((await approve(proposal.body.id, admin1).expect(403)).body.code).toBe('SAME_PERSON');
    expect((await approve(proposal.body.id, approver).expect(403)).body.code).toBe('NOT_DECIDING_ROLE');
    await approve(proposal.body.id, admin2).expect(200);
    // publishing adds the next version number; another suite may have left a higher test-only version inactive
    const [{ newest }] = await t.ds.query(`SELECT max(version) AS newest FROM policies`);
    const after = (await t.http().get('/api/policies/active').set(auth(officer)).expect(200)).body.version;
    expect(after).toBeGreaterThan(before.version);
    expect(after).toBe(newest);
  });

  it('applies a calendar override, which moves every deadline, only when a second administrator approves it', async () => {
    const [admin1, admin2] = [(await t.loginAs('admin', { officeCode: null })).token, (await t.loginAs('admin', { officeCode: null })).token];
    // the first Wednesday after 10 March next year: an ordinary working day (no holiday or 调休 falls there), any year
    const day = new Date(Date.UTC(new Date().getFullYear() + 1, 2, 10));
    while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    const check = async () => (await t.http().get('/api/calendar/working-days/check').query({ date }).set(auth(officer)).expect(200)).body.workingDay;
    expect(await check()).toBe(true);
    const proposal = await t.http().put(`/api/calendar/overrides/${date}`).set(auth(admin1)).send({ workingDay: false, reason: '四眼原则测试：临时停工' }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'calendar_override', status: 'pending' });
    expect((await approve(proposal.body.id, admin1).expect(403)).body.code).toBe('SAME_PERSON');
    expect(await check()).toBe(true);
    await approve(proposal.body.id, admin2).expect(200);
    expect(await check()).toBe(false);
    const removal = await t.http().delete(`/api/calendar/overrides/${date}`).set(auth(admin2)).expect(202);
    await approve(removal.body.id, admin1).expect(200);
    expect(await check()).toBe(true);
  });

  it('publishes a calendar year, which makes its deadlines computable, only when a second administrator approves it', async () => {
    const [admin1, admin2] = [(await t.loginAs('admin', { officeCode: null })).token, (await t.loginAs('admin', { officeCode: null })).token];
    const year = 2089; // far ahead: no official data, and no other suite publishes it
    const labourDay = () => t.http().get('/api/calendar/working-days/check').query({ date: `${year}-05-01` }).set(auth(officer));
    expect((await labourDay().expect(422)).body.code).toBe('CALENDAR_YEAR_UNKNOWN');
    const draft = (await t.http().get(`/api/calendar/years/${year}/draft`).set(auth(admin1)).expect(200)).body;
    const proposal = await t.http().put(`/api/calendar/years/${year}`).set(auth(admin1))
      .send({ holidays: draft.holidays, workdays: [], basis: `国务院办公厅关于${year}年部分节假日安排的通知` }).expect(202);
    expect(proposal.body).toMatchObject({ kind: 'calendar_year', subjectRef: `${year}`, status: 'pending', officeCode: null, decidingRole: 'admin' });
    await labourDay().expect(422); // the proposal alone changes nothing
    expect((await approve(proposal.body.id, admin1).expect(403)).body.code).toBe('SAME_PERSON');
    expect((await approve(proposal.body.id, approver).expect(403)).body.code).toBe('NOT_DECIDING_ROLE');
    expect((await approve(proposal.body.id, officer).expect(403)).body.code).toBe('FORBIDDEN');
    await labourDay().expect(422);
    await approve(proposal.body.id, admin2).expect(200);
    expect((await labourDay().expect(200)).body.workingDay).toBe(false); // 劳动节, 05-01, from the approved schedule
  });
});
