import { CreditFileService } from '../../src/credit-file/credit-file.service';
import { backfillCreditEffects } from '../../src/database/migrations/1766100000000-credit-effects';
import { DocumentsService } from '../../src/documents/documents.service';
import { DocumentSettingsService } from '../../src/documents/settings/document-settings.service';
import { EffectsService } from '../../src/effects/effects.service';
import { createTestApp, TestApp } from '../support/app';
import { determinedCase, key, KIND_DATA, settingsBody } from '../support/documents';
import { auth, registerInstitution } from './credit/helpers';

/**
 * Effects as first-class objects, and correction is not withdrawal (issue #16 items 1–2, docs/effects.md). Dates by
 * hand: the case was determined serious on 2026-10-09, so its publication ends on 2029-10-09 (36 months, 民法典
 * art. 202); the joint sanction was decided on 2026-10-20 with a ten-year ban to 2036-10-20.
 */
describe('effects of decisions', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  const DEPARTMENTS = ['连云港市市场监督管理局', '连云港市人力资源和社会保障局'];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DocumentSettingsService).update(settingsBody(), null);
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t?.close());

  /** A serious determination and the joint sanction on it, as the case workflow's activities append them. */
  async function sanctionedCase() {
    const { uscc } = await registerInstitution(t, officer);
    const [inst] = await t.ds.query(`SELECT id, uscc FROM institutions WHERE uscc = $1`, [uscc]);
    const caseNo = await determinedCase(t.ds, inst);
    const file = t.app.get(CreditFileService);
    const determination = await file.append({
      uscc, kind: 'determination', title: '失信行为认定：无证办学', decisionDate: '2026-10-09', severity: 'serious',
      publicityFrom: '2026-10-09', publicityUntil: '2029-10-09', caseNo, officeCode: 'XWPX', sourceRef: `${caseNo}:determination`,
      payload: { behaviourCode: 'EDU-001', catalogueVersion: 1, severity: 'serious' },
    });
    // the record's own end is what the workflow wrote before issue #16: the ban's end, ten years on
    const sanction = await file.append({
      uscc, kind: 'joint_sanction', title: '联合惩戒', decisionDate: '2026-10-20', severity: 'serious',
      publicityFrom: '2026-10-20', publicityUntil: '2036-10-20', caseNo, officeCode: 'XWPX', sourceRef: `${caseNo}:joint-sanction`,
      payload: { measures: ['限制参加评先评优', '限制享受财政补贴'], departments: DEPARTMENTS, reason: '拒不整改',
        persons: [{ name: '陈明远', idNumberMasked: '320703********1234', banFrom: '2026-10-20', banUntil: '2036-10-20' }] },
      submitToPlatform: false,
    });
    return { uscc, caseNo, determination, sanction };
  }

  const effectsOfCase = async (caseNo: string) => (await t.http().get(`/api/cases/${caseNo}/effects`).set(auth(officer)).expect(200)).body;
  const byKind = (effects: { kind: string }[], kind: string) => effects.filter((e) => e.kind === kind);

  async function objection(uscc: string, recordId: string) {
    const inst = (await t.loginAs('institution', { uscc })).token;
    const raised = await t.http().post(`/api/institutions/${uscc}/credit-file/${recordId}/objections`).set(auth(inst))
      .send({ type: 'correction', reason: '认定所依据的事实有误，请核实' }).expect(201);
    return { id: raised.body.id as string, inst };
  }
  async function decide(objectionId: string, body: Record<string, unknown>) {
    const proposal = await t.http().post(`/api/credit-objections/${objectionId}/decision`).set(auth(officer)).send(body).expect(202);
    // four eyes: the proposer never decides (403 SAME_PERSON), an approver of the office does
    expect((await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(officer)).send({})).status).toBe(403);
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(approver)).send({ note: '同意' }).expect(200);
  }

  it('records each effect with its basis and term; a joint sanction lasts to the publication end, not the ban’s', async () => {
    const { caseNo, uscc, determination } = await sanctionedCase();
    const effects = await effectsOfCase(caseNo);
    expect(byKind(effects, 'publication')).toEqual([expect.objectContaining({
      type: 'credit-measure', startsOn: '2026-10-09', endsOn: '2029-10-09', endedBy: null, status: 'active', basis: expect.stringContaining('36号'),
    })]);
    expect(byKind(effects, 'grade-deduction')).toHaveLength(1);
    expect(byKind(effects, 'joint-sanction-measure')).toEqual([
      expect.objectContaining({ measure: '限制参加评先评优', startsOn: '2026-10-20', endsOn: '2029-10-09', departments: DEPARTMENTS }),
      expect.objectContaining({ measure: '限制享受财政补贴', startsOn: '2026-10-20', endsOn: '2029-10-09' }),
    ]);
    expect(byKind(effects, 'ban')).toEqual([expect.objectContaining({ type: 'penalty', endsOn: '2036-10-20', status: 'active' })]);
    const ofRecord = (await t.http().get(`/api/credit-records/${determination.id}/effects`).set(auth(officer)).expect(200)).body;
    expect(ofRecord.map((e: { kind: string }) => e.kind).sort()).toEqual(['award-exclusion', 'grade-deduction', 'publication', 'sharing']);
    // the institution sees its own through its portal, and no staff route
    const inst = (await t.loginAs('institution', { uscc })).token;
    expect((await t.http().get('/api/portal/effects').set(auth(inst)).expect(200)).body).toHaveLength(effects.length);
    await t.http().get(`/api/cases/${caseNo}/effects`).set(auth(inst)).expect(403);
  });

  it('repair ends every credit measure, the sanction’s too, while the ban stays; the repair step sends the letters', async () => {
    const { caseNo, uscc, determination } = await sanctionedCase();
    // the case workflow's repair step as it is today: a repair record referring to the determination
    await t.app.get(CreditFileService).append({
      uscc, kind: 'repair', title: '信用修复', decisionDate: '2026-11-16', refersTo: determination.id, caseNo, officeCode: 'XWPX',
      payload: { routes: ['commitment'], reason: '已完成整改并作出信用承诺' }, sourceRef: `${caseNo}:repair`,
    });
    const effects = await effectsOfCase(caseNo);
    for (const e of effects.filter((x: { type: string }) => x.type === 'credit-measure')) {
      expect(e).toMatchObject({ status: 'ended', endedBy: 'repair', endsOn: '2026-11-16' });
    }
    expect(byKind(effects, 'ban')).toEqual([expect.objectContaining({ status: 'active', endsOn: '2036-10-20' })]);
    // the step (the lead wires it into the repair activity) issues one lifting letter per department, once
    const effectsService = t.app.get(EffectsService);
    const first = await effectsService.endCreditMeasures(determination.id, 'repair', '2026-11-16');
    const again = await effectsService.endCreditMeasures(determination.id, 'repair', '2026-11-16');
    expect(first.letters.map((l) => l.department).sort()).toEqual([...DEPARTMENTS].sort());
    expect(again.letters.map((l) => l.docNo).sort()).toEqual(first.letters.map((l) => l.docNo).sort());
  });

  it('the migration backfills the effects of records written before them, ended by what already ended them', async () => {
    const { caseNo, uscc, determination } = await sanctionedCase();
    await t.app.get(CreditFileService).append({
      uscc, kind: 'repair', title: '信用修复', decisionDate: '2026-11-20', refersTo: determination.id, caseNo, officeCode: 'XWPX',
      payload: { routes: ['commitment'] }, sourceRef: `${caseNo}:repair`,
    });
    const before = await effectsOfCase(caseNo);
    await t.ds.query(`DELETE FROM credit_effects WHERE case_no = $1`, [caseNo]); // as before the migration
    await backfillCreditEffects(t.ds);
    const after = await effectsOfCase(caseNo);
    const shape = (xs: { kind: string; type: string; endsOn: string; endedBy: string; status: string }[]) =>
      xs.map((e) => `${e.type}/${e.kind}/${e.endsOn}/${e.endedBy}/${e.status}`).sort();
    expect(shape(after)).toEqual(shape(before));
    expect(byKind(after, 'publication')).toEqual([expect.objectContaining({ status: 'ended', endedBy: 'repair', endsOn: '2026-11-20' })]);
    expect(byKind(after, 'ban')).toEqual([expect.objectContaining({ status: 'active' })]);
  });

  it('withdrawing a sanctioned record ends every credit measure, sends one lifting letter per department, keeps the ban', async () => {
    const { caseNo, uscc, determination } = await sanctionedCase();
    const o = await objection(uscc, determination.id);
    await decide(o.id, { outcome: 'upheld', action: 'withdraw', reason: '经复核，认定事实不清，撤销该认定' });

    const effects = await effectsOfCase(caseNo);
    const credit = effects.filter((e: { type: string }) => e.type === 'credit-measure');
    expect(credit.length).toBeGreaterThanOrEqual(6);
    for (const e of credit) expect(e).toMatchObject({ status: 'ended', endedBy: 'withdrawal' });
    expect(byKind(effects, 'ban')).toEqual([expect.objectContaining({ status: 'active', endedBy: null, endsOn: '2036-10-20' })]);

    const letters = await t.ds.query(
      `SELECT addressee_name AS department FROM documents WHERE case_no = $1 AND kind = 'sanction-lifting-letter' AND status = 'issued' ORDER BY 1`, [caseNo]);
    expect(letters.map((l: { department: string }) => l.department)).toEqual([...DEPARTMENTS].sort());
    const notices = await t.ds.query(
      `SELECT payload->>'department' AS department FROM platform_submissions WHERE record_ref = $1 AND payload->>'action' = 'lift'`, [caseNo]);
    expect(notices).toHaveLength(2);
    // the institution is served the objection's result, and the decision is the approver's
    const [result] = await t.ds.query(`SELECT input FROM documents WHERE case_no = $1 AND kind = 'objection-result' AND status = 'issued'`, [caseNo]);
    expect(JSON.stringify(result?.input)).toContain('upheld');
    // the review no longer blocks on the withdrawn records
    const review = (await t.http().post('/api/credit-review').set(auth(officer)).send({ uscc, purpose: 'award' }).expect(200)).body;
    expect(review.reasons.filter((r: { code: string }) => r.code === 'RECORD_IN_PUBLICITY')).toEqual([]);
  });

  it('a correction amends the record and keeps its effects: the deduction and the review block stay', async () => {
    const { uscc, caseNo, determination } = await sanctionedCase();
    const before = (await t.http().get(`/api/institutions/${uscc}/evaluation`).set(auth(officer)).expect(200)).body;
    const o = await objection(uscc, determination.id);
    await decide(o.id, { outcome: 'upheld', action: 'correct', reason: '更正违法行为发生地点', corrected: { place: '海州区朝阳路18号' } });

    const [result] = await t.ds.query(`SELECT input FROM documents WHERE case_no = $1 AND kind = 'objection-result' AND status = 'issued'`, [caseNo]);
    expect(JSON.stringify(result?.input)).toContain('partly');
    const after = (await t.http().get(`/api/institutions/${uscc}/evaluation`).set(auth(officer)).expect(200)).body;
    expect(after.deductions).toBe(before.deductions);
    expect(after.contributions.map((c: { recordId: string }) => c.recordId)).toContain(determination.id);
    const review = (await t.http().post('/api/credit-review').set(auth(officer)).send({ uscc, purpose: 'award' }).expect(200)).body;
    expect(review.outcome).toBe('block');
    expect(review.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'RECORD_IN_PUBLICITY', ref: determination.id })]));
    const effects = (await t.http().get(`/api/credit-records/${determination.id}/effects`).set(auth(officer)).expect(200)).body;
    for (const e of effects) expect(e).toMatchObject({ status: 'active', endedBy: null });
  });

  it('a decision revoked on 行政复议 ends its effects, ban included, and leaves the public page with the reason shown', async () => {
    const { caseNo, uscc, determination, sanction } = await sanctionedCase();
    // the ban register row the case workflow writes beside the sanction (case-lifecycle.service.ts)
    await t.ds.query(
      `INSERT INTO industry_bans (person_name, person_id_enc, person_id_hmac, institution_id, uscc, from_date, until_date, reason, case_no, record_id)
       SELECT '陈明远', 'sealed', 'hmac-' || $1::text, id, uscc, '2026-10-20', '2036-10-20', '联合惩戒：行业禁入', $2, $3 FROM institutions WHERE uscc = $1`,
      [uscc, caseNo, sanction.id]);
    const bansOf = async () => (await t.http().get(`/api/institutions/${uscc}/measures`).set(auth(officer)).expect(200)).body.industryBans;
    expect(await bansOf()).toHaveLength(1);
    const publicIds = async () => (await t.http().get(`/api/public/institutions/${uscc}`).expect(200)).body.records.map((r: { id: string }) => r.id);
    expect(await publicIds()).toEqual(expect.arrayContaining([determination.id, sanction.id]));
    const decision = await t.app.get(DocumentsService).issue({
      kind: 'determination-decision', caseNo, data: KIND_DATA['determination-decision'], idempotencyKey: key() });

    const remedy = await t.http().post('/api/remedies').set(auth(officer)).send({
      documentId: decision.id, type: 'reconsideration', body: '连云港市连云区人民政府', filedOn: '2026-10-25', caseNumber: '连区复〔2026〕12号',
    }).expect(201);
    expect(remedy.body).toMatchObject({ docNo: decision.docNo, outcome: null });
    const reason = '认定事实不清、证据不足';
    const proposal = await t.http().post(`/api/remedies/${remedy.body.id}/outcome`).set(auth(officer))
      .send({ outcome: 'revoked', decidedOn: '2026-11-02', reason }).expect(202);
    // four eyes: nothing changes until an approver of the office who did not propose it decides
    expect((await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(officer)).send({})).status).toBe(403);
    expect(await publicIds()).toContain(determination.id);
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(approver)).send({ note: '同意' }).expect(200);

    const decided = (await t.http().get(`/api/remedies/${remedy.body.id}`).set(auth(officer)).expect(200)).body;
    // 行政处罚法 art. 48 and 85: three working days from Monday 2026-11-02 → Thursday 2026-11-05; withdrawn at approval
    expect(decided).toMatchObject({ outcome: 'revoked', outcomeOn: '2026-11-02', withdrawDue: '2026-11-05', withdrawnAt: expect.any(String) });
    const effects = await effectsOfCase(caseNo);
    for (const e of effects) expect(e).toMatchObject({ status: 'ended', endedBy: 'revocation' });
    expect(byKind(effects, 'ban')).toHaveLength(1); // the penalty ends too: its own decision is revoked
    expect(await bansOf()).toEqual([]); // and the banned person is no longer listed as banned

    const page = (await t.http().get(`/api/public/institutions/${uscc}`).expect(200)).body.records as { id: string; title: string }[];
    expect(page.map((r) => r.id)).not.toEqual(expect.arrayContaining([determination.id]));
    expect(page.map((r) => r.id)).not.toContain(sanction.id);
    expect(page.map((r) => r.title)).toEqual(expect.arrayContaining([expect.stringContaining(reason)]));
  });

  it('a decision changed on 行政诉讼 amends its effects’ terms and keeps them in force', async () => {
    const { caseNo, determination } = await sanctionedCase();
    const decision = await t.app.get(DocumentsService).issue({
      kind: 'determination-decision', caseNo, data: KIND_DATA['determination-decision'], idempotencyKey: key() });
    const remedy = await t.http().post('/api/remedies').set(auth(officer)).send({
      documentId: decision.id, type: 'litigation', body: '连云港市连云区人民法院', filedOn: '2026-10-26', caseNumber: '（2026）苏0703行初45号',
    }).expect(201);
    await t.http().post(`/api/remedies/${remedy.body.id}/outcome`).set(auth(officer))
      .send({ outcome: 'changed', decidedOn: '2026-11-10', reason: '变更为一般失信' }).expect(400); // a change names what changes
    const proposal = await t.http().post(`/api/remedies/${remedy.body.id}/outcome`).set(auth(officer))
      .send({ outcome: 'changed', decidedOn: '2026-11-10', reason: '变更为一般失信，公示一年', changes: [{ kind: 'publication', endsOn: '2027-10-09' }] }).expect(202);
    await t.http().post(`/api/decision-proposals/${proposal.body.id}/approve`).set(auth(approver)).send({ note: '同意' }).expect(200);
    const effects = (await t.http().get(`/api/credit-records/${determination.id}/effects`).set(auth(officer)).expect(200)).body;
    expect(byKind(effects, 'publication')).toEqual([expect.objectContaining({ status: 'active', endsOn: '2027-10-09', endedBy: null })]);
    expect(byKind(effects, 'sharing')).toEqual([expect.objectContaining({ status: 'active', endsOn: '2029-10-09' })]);
    expect((await t.http().get(`/api/remedies/${remedy.body.id}`).set(auth(officer)).expect(200)).body)
      .toMatchObject({ outcome: 'changed', outcomeOn: '2026-11-10', withdrawDue: null });
  });
});
