import { randomBytes } from 'node:crypto';
import { personalDataIn, publicCalls } from '../../../scripts/public-scan';
import { CreditFileService, NewCreditRecord } from '../../../src/credit-file/credit-file.service';
import { createTestApp, TestApp } from '../../support/app';
import { makeIdNumber } from '../../support/factories';
import { auth, daysFromToday, penaltyBody, publishPenalty, registerInstitution } from './helpers';

/**
 * The public scan (issue #18): an institution whose records carry personal data in every field — titles, facts,
 * measures, persons, commitments, an internal penalty text, an inspection's internal findings — and then every public GET
 * route of the running app, called with it: no answer may contain an ID number or a mobile number, nor the names.
 * scripts/test-fuzz.sh runs the same scan against the live API after schemathesis.
 */
describe('the public scan', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  const idNumber = makeIdNumber('19850312');
  const mobile = '13812345678';
  // the legal representative is named by every record of the institution; 王小红 only by the sanction that bans her
  const dirty = `陈明远（身份证${idNumber}，手机${mobile}）`;
  const known = [idNumber, mobile, '陈明远', '王小红'];
  let uscc: string;
  let name: string;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    ({ uscc, name } = await registerInstitution(t, officer, { idNumber }));
    const file = t.app.get(CreditFileService);
    const from = daysFromToday(-10);
    const until = daysFromToday(200);
    const window = { decisionDate: from, publicityFrom: from, publicityUntil: until };
    const record = (kind: NewCreditRecord['kind'], payload: Record<string, unknown>, extra: Partial<NewCreditRecord> = {}) =>
      file.append({ uscc, kind, title: `${kind}：${dirty}`, ...window, payload, sourceRef: `scan:${kind}:${randomBytes(4).toString('hex')}`, ...extra });
    const everywhere = { facts: dirty, content: dirty, basis: dirty, violationType: dirty, decisionNo: dirty, documentNo: dirty, reason: dirty, legalRepName: '陈明远', legalRepIdNumber: idNumber };
    await record('penalty', { ...everywhere, penaltyCategory: ['罚款'], fineAmount: 1 }, { severity: 'general' });
    await record('licence', { ...everywhere, documentName: dirty, certificateName: dirty, licenceNo: dirty });
    const determination = await record('determination', { ...everywhere, behaviourCode: 'EDU-001', catalogueVersion: 1 }, { severity: 'serious' });
    await record('joint_sanction', { measures: [`${dirty}；王小红禁止从业`], departments: [dirty], reason: dirty,
      persons: [{ name: '王小红', idNumber, banFrom: from, banUntil: until, note: dirty }] }, { severity: 'serious' });
    const honour = await record('honour', { documentNo: dirty, details: dirty });
    await record('commitment', { purpose: 'annual', reference: dirty, content: dirty, signerName: '陈明远', signerIdNumber: idNumber, dueDate: until });
    await record('correction', { reason: dirty, corrected: { documentNo: dirty } }, { refersTo: honour.id });
    expect(determination.status).toBe('published');
    // one through the API: personal data in the decision's own wording, a reworded public text signed off
    await publishPenalty(t, { officer, approver }, penaltyBody(uscc, { decisionDate: from, facts: dirty, legalRepIdNumber: idNumber,
      publicText: { facts: '该机构超出办学许可范围开展学科类培训' } }));
    // a natural person's penalty (issue #19): the same ID number and the legal representative's name as the person's
    const { uscc: _u, legalRepName: _l, ...person } = penaltyBody(uscc, { decisionDate: from, subjectName: '陈明远', subjectCategory: '自然人',
      idType: '身份证', idNumber, validUntil: until, publicText: { facts: '在未取得办学许可的场所组织学科类培训' } });
    await publishPenalty(t, { officer, approver }, person);
    // 一公开: a plan titled with personal data cannot be published; one whose internal findings name persons can
    const named = await t.http().post('/api/inspection-plans').set(auth(officer)).send({ title: `抽查计划 ${dirty}`, officeCode: 'XWPX', inspectorsPerTarget: 1 }).expect(201);
    const refused = await t.http().post(`/api/inspection-plans/${named.body.id}/publish`).set(auth(approver)).send({}).expect(400);
    expect(refused.body).toMatchObject({ code: 'PERSONAL_DATA_IN_PUBLIC_TEXT', details: { fields: [expect.objectContaining({ field: 'title' })] } });
    const plan = await t.http().post('/api/inspection-plans').set(auth(officer)).send({ title: '2026 年第四季度校外培训机构抽查', officeCode: 'XWPX', inspectorsPerTarget: 1 }).expect(201);
    planId = plan.body.id;
    await t.http().put(`/api/inspection-plans/${planId}/targets/${plan.body.targets[0].uscc}/result`).set(auth(officer))
      .send({ result: 'fail', findings: dirty, publicFinding: '消防通道堵塞，已责令整改' }).expect(200);
    await t.http().post(`/api/inspection-plans/${planId}/publish`).set(auth(approver)).send({}).expect(200);
  });
  afterAll(() => t.close());

  it('refuses a public finding of an inspection that names a person or a number', async () => {
    const plan = (await t.http().post('/api/inspection-plans').set(auth(officer)).send({ title: '公开说明检查', officeCode: 'XWPX', inspectorsPerTarget: 1 }).expect(201)).body;
    const res = await t.http().put(`/api/inspection-plans/${plan.id}/targets/${plan.targets[0].uscc}/result`).set(auth(officer))
      .send({ result: 'pass', findings: '未发现问题', publicFinding: `负责人电话${mobile}` }).expect(400);
    expect(res.body).toMatchObject({ code: 'PERSONAL_DATA_IN_PUBLIC_TEXT', details: { fields: [expect.objectContaining({ field: 'publicFinding' })] } });
  });

  it('finds no ID number, mobile number or named person in any answer of any public route', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const calls = publicCalls(doc, { uscc: [uscc], id: [planId] }, [{}, { q: uscc }, { q: name.slice(-8) }, { kind: 'penalty', q: uscc }, { kind: 'licence', q: uscc }]);
    expect(calls.map((c) => c.split('?')[0])).toEqual(expect.arrayContaining([
      '/api/public/institutions', `/api/public/institutions/${uscc}`, '/api/public/publicity', '/api/public/inspections', `/api/public/inspections/${planId}`,
    ]));
    const finds: string[] = [];
    const seen: string[] = [];
    for (const path of calls) {
      const res = await t.http().get(path);
      expect([path, res.status]).toEqual([path, res.body?.code === 'VALIDATION_FAILED' ? 400 : 200]);
      finds.push(...personalDataIn(res.body, known).map((f) => `${path} ${f}`));
      seen.push(JSON.stringify(res.body));
    }
    expect(finds).toEqual([]);
    // the scan read real answers: the records, the plan and its masked title are there
    const all = seen.join('\n');
    expect(all).toContain('该机构超出办学许可范围开展学科类培训');
    expect(all).toContain('消防通道堵塞，已责令整改');
    expect(all).toContain('3207**********');
    expect(all).toContain('determination：陈**（身份证3207**********');
    expect(all).toContain('王**禁止从业');
    expect(all).toContain('"institutionName":"陈*远","uscc":null');
  });

  it('would catch a leak: the scan itself finds what it looks for', () => {
    expect(personalDataIn({ content: { facts: `电话${mobile}` }, id: '0a138123456789' }, known)).toEqual([
      '$.content.facts: mobile 138****5678', '$.content.facts: contains “1…”',
    ]);
    expect(personalDataIn([`证件${idNumber}`, '陈明远'], known)).toEqual([
      '$[0]: id_number 3207**********' + idNumber.slice(-4), '$[0]: contains “3…”', '$[1]: contains “陈…”',
    ]);
  });
});
