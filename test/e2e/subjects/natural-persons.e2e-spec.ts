import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { personalDataIn, publicCalls } from '../../../scripts/public-scan';
import { verifyAllChains, verifySubjectChain } from '../../../src/credit-file/chain-audit';
import type { RunningSimulator } from '../../../src/platform-simulator/server';
import { createTestApp, TestApp } from '../../support/app';
import { settingsBody } from '../../support/documents';
import { makeIdNumber } from '../../support/factories';
import { TINY_PDF } from '../../support/http-case';
import { relayContext, startSimulator, usePlatformEnv, waitFor } from '../../support/platform';
import { auth, daysFromToday, penaltyBody, registerInstitution } from '../credit/helpers';

interface Held { type: string; recordRef: string; uscc: string | null; payload: Record<string, any> }

/**
 * Natural persons as subjects (issue #19, docs/subjects.md): an unlicensed tutor's 双公示 penalty is filed under the
 * person's subject, shared with the municipal platform through the relay, published under a masked name (张*明) with no
 * ID number anywhere public, and found again by ID number — by staff search (POST body) and in a credit review.
 * The person has no portal: an objection handed in at the counter is entered by an officer, decided by another
 * approver, and its reply is served on paper.
 */
describe('natural persons as subjects', () => {
  let sim: RunningSimulator;
  let restoreEnv: () => void;
  let t: TestApp;
  let relay: INestApplicationContext;
  let officer: string;
  let approver: string;
  const idNumber = makeIdNumber('19880615');
  const name = '张三明';
  // decided ten days ago, so the 一般 penalty (警告 and a fine) is in publication whatever day the suite runs
  const decisionDate = daysFromToday(-10);
  const decisionNo = `海教罚〔2026〕${randomBytes(4).toString('hex')}号`;
  const personPenalty = (overrides: Record<string, unknown> = {}) => {
    const { uscc: _u, legalRepName: _l, ...body } = penaltyBody('', {
      subjectName: name, subjectCategory: '自然人', idType: '身份证', idNumber, decisionNo, decisionDate, validUntil: daysFromToday(355),
      facts: '在未取得办学许可的场所组织学科类培训', violationType: '无证开展校外培训', ...overrides,
    });
    return body;
  };
  let bureauCode: string;
  let decision: { id: string; recordId: string; subjectId: string; status: string; uscc: string | null };

  beforeAll(async () => {
    sim = await startSimulator();
    restoreEnv = usePlatformEnv(sim);
    t = await createTestApp();
    relay = await relayContext();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    const admin = (await t.loginAs('admin', { officeCode: null })).token;
    const settings = settingsBody();
    bureauCode = settings.issuerCode;
    await t.http().put('/api/document-settings').set(auth(admin)).send(settings).expect(200);
    const registered = await t.http().post('/api/publicity/penalties').set(auth(officer)).send(personPenalty()).expect(201);
    expect(JSON.stringify(registered.body)).not.toContain(idNumber);
    const text = registered.body.publicText;
    decision = (await t.http().post(`/api/publicity/public-texts/${text.id}/approve`).set(auth(approver)).send({ hash: text.hash }).expect(200)).body.decision;
  }, 60_000);

  afterAll(async () => {
    await relay?.close();
    await t?.close();
    await sim?.close();
    restoreEnv?.();
  });

  it('stores a person\'s penalty under the person\'s subject, the ID number sealed at rest', async () => {
    expect(decision).toMatchObject({ status: 'published', uscc: null, subjectId: expect.any(String) });
    const [record] = await t.ds.query(`SELECT institution_id, uscc, subject_id, payload::text AS payload FROM credit_records WHERE id = $1`, [decision.recordId]);
    expect(record).toMatchObject({ institution_id: null, uscc: null, subject_id: decision.subjectId });
    expect(record.payload).not.toContain(idNumber);
    expect(JSON.parse(record.payload)).toMatchObject({ idType: '身份证', idEnc: expect.any(String), idHmac: expect.any(String), subjectCategory: '自然人' });
    const [stored] = await t.ds.query(`SELECT fields::text AS fields FROM publicity_decisions WHERE id = $1`, [decision.id]);
    expect(stored.fields).not.toContain(idNumber);
    const [subject] = await t.ds.query(`SELECT kind, id_type, id_enc, name FROM subjects WHERE id = $1`, [decision.subjectId]);
    expect(subject).toMatchObject({ kind: 'person', id_type: '身份证', name });
    expect(subject.id_enc).not.toContain(idNumber);
  });

  it('chains the person\'s records on their own, and the nightly check verifies that chain too', async () => {
    expect(await verifySubjectChain(t.ds, decision.subjectId)).toMatchObject({ ok: true, checked: 1 });
    const all: { uscc: string; result: { ok: boolean } }[] = [];
    for await (const c of verifyAllChains(t.ds)) all.push(c);
    expect(all).toEqual(expect.arrayContaining([{ uscc: `subject:${decision.subjectId}`, name: '自然人', result: expect.objectContaining({ ok: true }) }]));
  });

  it('registers the same person once, and refuses a USCC or a missing ID number for a person', async () => {
    const again = await t.http().post('/api/publicity/penalties').set(auth(officer))
      .send(personPenalty({ decisionNo: `海教罚〔2026〕${randomBytes(4).toString('hex')}号` })).expect(201);
    expect(again.body.subjectId).toBe(decision.subjectId);
    const withUscc = await t.http().post('/api/publicity/penalties').set(auth(officer)).send({ ...personPenalty({ decisionNo: 'X-1' }), uscc: '91440300708461136T' }).expect(400);
    expect(withUscc.body.code).toBe('SUBJECT_IDENTIFIER_MISMATCH');
    const { idNumber: _i, ...noId } = personPenalty({ decisionNo: 'X-2' }) as Record<string, unknown>;
    const missing = await t.http().post('/api/publicity/penalties').set(auth(officer)).send(noId).expect(400);
    expect(JSON.stringify(missing.body)).toContain('证件号码（idNumber）');
    const wrongShape = await t.http().post('/api/publicity/penalties').set(auth(officer)).send(personPenalty({ decisionNo: 'X-3', idNumber: '320703198806150000' })).expect(400);
    expect(wrongShape.body.code).toBe('ID_NUMBER_INVALID_FOR_TYPE');
  });

  it('finds the subject id by ID number in a POST body, masked, and audits the search without the number', async () => {
    const found = await t.http().post('/api/subjects/search').set(auth(officer)).send({ idNumber }).expect(200);
    expect(found.body.items).toEqual([expect.objectContaining({
      id: decision.subjectId, kind: 'person', idType: '身份证', name, idMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
    })]);
    expect(JSON.stringify(found.body)).not.toContain(idNumber);
    expect((await t.http().post('/api/subjects/search').set(auth(officer)).send({ idNumber: makeIdNumber('19700101') }).expect(200)).body.items).toEqual([]);
    const file = await t.http().get(`/api/subjects/${decision.subjectId}/credit-file`).set(auth(officer)).expect(200);
    expect(file.body.items).toEqual([expect.objectContaining({ id: decision.recordId, kind: 'penalty', uscc: null, subjectId: decision.subjectId,
      status: 'published', payload: expect.objectContaining({ idMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) }) })]);
    expect(JSON.stringify(file.body)).not.toMatch(new RegExp(`${idNumber}|idEnc|idHmac`));
    const audit = await t.ds.query(`SELECT action, resource, resource_id, reason FROM audit_log WHERE resource IN ('subject-search', 'subject-credit-file')`);
    expect(audit.map((a: { resource: string }) => a.resource)).toEqual(expect.arrayContaining(['subject-search', 'subject-credit-file']));
    expect(JSON.stringify(audit)).not.toContain(idNumber);
  });

  it('shares the penalty with the municipal platform by ID type and sealed number, without a USCC', async () => {
    const held = await waitFor('the platform to hold the person\'s penalty', async () => {
      const page = (await (await fetch(`${sim.url}/admin/records?limit=5000`)).json()) as { items: Held[] };
      return page.items.find((h) => h.recordRef === decision.recordId);
    });
    expect(held).toMatchObject({ type: 'penalty', uscc: null,
      payload: { subjectId: decision.subjectId, payload: { subjectCategory: '自然人', idType: '身份证', idEnc: expect.any(String) } } });
    expect(JSON.stringify(held)).not.toContain(idNumber);
    await waitFor('the submission to be delivered', async () => {
      const [s] = await t.ds.query(`SELECT status FROM platform_submissions WHERE record_ref = $1`, [decision.recordId]);
      return s?.status === 'delivered';
    });
  });

  it('publishes the penalty under the masked name, and no public answer carries the ID number or the full name', async () => {
    const list = await t.http().get('/api/public/publicity').query({ kind: 'penalty', pageSize: 100 }).expect(200);
    const mine = list.body.items.find((r: { id: string }) => r.id === decision.recordId);
    expect(mine).toMatchObject({ institutionName: '张*明', uscc: null, content: expect.objectContaining({ subjectName: '张*明', subjectCategory: '自然人' }) });
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const { uscc } = await registerInstitution(t, officer);
    const calls = publicCalls(doc, { uscc: [uscc], id: ['00000000-0000-4000-8000-000000000000'] },
      [{}, { kind: 'penalty' }, { q: name }, { q: idNumber }]);
    const finds: string[] = [];
    for (const path of calls) {
      const res = await t.http().get(path);
      finds.push(...personalDataIn(res.body, [idNumber, name]).map((f) => `${path} ${f}`));
    }
    expect(finds).toEqual([]);
  });

  it('finds the person\'s record in a credit review by ID number alone, and beside an institution', async () => {
    const alone = await t.http().post('/api/credit-review').set(auth(officer)).send({ purpose: 'licence', idNumber }).expect(200);
    expect(alone.body).toMatchObject({ uscc: null, subjectId: decision.subjectId, outcome: 'warn', grade: null,
      reasons: [expect.objectContaining({ code: 'PERSON_RECORD_IN_PUBLICITY', outcome: 'warn', ref: decision.recordId, message: expect.stringContaining('张*明') })] });
    const award = await t.http().post('/api/credit-review').set(auth(officer)).send({ purpose: 'award', idNumber }).expect(200);
    expect(award.body.outcome).toBe('block');
    const { uscc } = await registerInstitution(t, officer);
    const beside = await t.http().post('/api/credit-review').set(auth(officer)).send({ purpose: 'licence', uscc, idNumber }).expect(200);
    expect(beside.body.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'PERSON_RECORD_IN_PUBLICITY', ref: decision.recordId })]));
    const stranger = await t.http().post('/api/credit-review').set(auth(officer)).send({ purpose: 'licence', idNumber: makeIdNumber('19750505') }).expect(200);
    expect(stranger.body).toMatchObject({ outcome: 'pass', reasons: [], subjectId: null });
    const [filed] = await t.ds.query(`SELECT person_hmacs::text AS hmacs FROM credit_reviews WHERE id = $1`, [alone.body.id]);
    expect(filed.hmacs).not.toContain(idNumber);
  });

  it('enters an objection received at the counter with its scan, decided by another approver, the reply served on paper', async () => {
    const enterer = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    const scan = await t.http().post(`/api/subjects/${decision.subjectId}/uploads`).set(auth(officer)).attach('file', TINY_PDF, '异议书扫描件.pdf').expect(201);
    const receivedOn = daysFromToday(-2);
    const intake = await t.http().post(`/api/subjects/${decision.subjectId}/intakes`).set(auth(enterer)).send({
      kind: 'objection', recordId: decision.recordId, channel: 'counter', servedOn: receivedOn, receivedOn, content: '本人已停止培训并退还学费，请求核实处罚信息', materialIds: [scan.body.id],
    }).expect(201);
    expect(intake.body).toMatchObject({ status: 'received', receivedOn, material: [scan.body.id], recordId: decision.recordId });
    // the scan belongs to this person: another person's intake cannot attach it, and an institution's upload is not a person's
    const other = await t.http().post('/api/publicity/penalties').set(auth(officer))
      .send(personPenalty({ decisionNo: `海教罚〔2026〕${randomBytes(4).toString('hex')}号`, idNumber: makeIdNumber('19920202'), subjectName: '李小红' })).expect(201);
    const stolen = await t.http().post(`/api/subjects/${other.body.subjectId}/intakes`).set(auth(officer)).send({
      kind: 'statement', channel: 'post', receivedOn, content: '陈述材料', materialIds: [scan.body.id] }).expect(400);
    expect(stolen.body.code).toBe('MATERIAL_NOT_OF_SUBJECT');
    const future = await t.http().post(`/api/subjects/${decision.subjectId}/intakes`).set(auth(officer)).send({
      kind: 'statement', channel: 'counter', receivedOn: daysFromToday(1), content: '陈述材料' }).expect(400);
    expect(future.body.code).toBe('VALIDATION_FAILED');

    const decide = (token: string) => t.http().post(`/api/subjects/intakes/${intake.body.id}/decision`).set(auth(token))
      .send({ outcome: 'rejected', reasons: '处罚决定书已依法送达，违法事实清楚。' });
    expect((await decide(enterer).expect(403)).body.code).toBe('SAME_PERSON');
    const decided = (await decide(approver).expect(200)).body;
    expect(decided).toMatchObject({ status: 'rejected', documentId: expect.any(String) });
    const [doc] = await t.ds.query(`SELECT kind, status, subject_id, uscc, content::text AS content FROM documents WHERE id = $1`, [decided.documentId]);
    expect(doc).toMatchObject({ kind: 'record-objection-result', status: 'issued', subject_id: decision.subjectId, uscc: null });
    expect(doc.content).toContain('张三明（身份证号码：');
    expect(doc.content).not.toContain(idNumber);
    // no portal and no consent: nothing was served electronically; the officer records direct service with its receipt
    expect(await t.ds.query(`SELECT 1 FROM document_services WHERE document_id = $1`, [decided.documentId])).toEqual([]);
    const today = daysFromToday(0);
    const served = await t.http().post(`/api/documents/${decided.documentId}/service`).set(auth(officer))
      .send({ method: 'direct', servedOn: today, recipient: name, servers: ['王经办', '赵执法'], place: '连云区教育局政务服务窗口' }).expect(200);
    expect(served.body).toMatchObject({ method: 'direct', servedOn: today, receiptDocumentId: expect.any(String) });
    const [receipt] = await t.ds.query(`SELECT kind, subject_id FROM documents WHERE id = $1`, [served.body.receiptDocumentId]);
    expect(receipt).toEqual({ kind: 'service-receipt', subject_id: decision.subjectId });
    expect((await decide(approver).expect(200)).body.documentId).toBe(decided.documentId);
  });

  it('refers or decides a person\'s counter repair application, its documents addressed to the person, ID masked', async () => {
    const today = daysFromToday(0);
    const apply = (recordId: string) => t.http().post('/api/record-repairs').set(auth(officer)).send({
      recordId, receivedOn: today, correction: '已停止培训并退还学费', commitment: '本人承诺今后依法依规开展活动', commitmentSignedOn: today,
    });
    // the penalty of another authority (海州区教育局): referred with a letter (谁认定谁修复)
    expect((await apply(decision.recordId).expect(201)).body).toMatchObject({ status: 'referred', documentId: expect.any(String) });
    // the bureau's own penalty, decided ten days ago: 一般 is repairable only after three months, so the approver refuses
    const own = (await t.http().post('/api/publicity/penalties').set(auth(officer)).send(personPenalty({
      decisionNo: `海教罚〔2026〕${randomBytes(4).toString('hex')}号`, authorityName: '连云港市连云区教育局', authorityCode: bureauCode,
      sourceUnitName: '连云港市连云区教育局', sourceUnitCode: bureauCode,
    })).expect(201)).body.publicText;
    const ownDecision = (await t.http().post(`/api/publicity/public-texts/${own.id}/approve`).set(auth(approver)).send({ hash: own.hash }).expect(200)).body.decision;
    const applied = await apply(ownDecision.recordId).expect(201);
    await t.http().post(`/api/record-repairs/${applied.body.id}/acceptance`).set(auth(officer)).send({ outcome: 'accept' }).expect(200);
    const refused = (await t.http().post(`/api/record-repairs/${applied.body.id}/decision`).set(auth(approver))
      .send({ outcome: 'refuse', reason: '最短公示期未满三个月' }).expect(200)).body;
    expect(refused).toMatchObject({ status: 'refused', documentId: expect.any(String) });
    const [doc] = await t.ds.query(`SELECT kind, status, subject_id, uscc, title, content::text AS content FROM documents WHERE id = $1`, [refused.documentId]);
    expect(doc).toMatchObject({ kind: 'record-repair-decision', status: 'issued', subject_id: decision.subjectId, uscc: null, title: '不予信用修复决定书' });
    expect(doc.content).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(doc.content).not.toContain(idNumber);
  });
});
