import { createTestApp, TestApp } from '../../support/app';
import { binary, determinedCase, KIND_DATA, pdfText, settingsBody } from '../../support/documents';
import { createInstitution, TestInstitution } from '../../support/factories';
import { auth } from '../../support/http-case';

/**
 * Service (送达) as the law counts it (brief §7): electronic only with signed consent, served when it arrives in the
 * portal, opening recorded as proof and never as the service date; otherwise served on paper with method and proof.
 * And who may read what: the owning office, the addressee, nobody else.
 */
describe('document service', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  let otherOffice: string;
  const parties: Record<'consented' | 'paper', { inst: TestInstitution; token: string; caseNo: string }> = {} as never;
  let today: string;

  const issue = async (caseNo: string, kind: keyof typeof KIND_DATA) => {
    const draft = await t.http().post(`/api/cases/${caseNo}/documents`).set(auth(officer)).send({ kind, data: KIND_DATA[kind] }).expect(201);
    return (await t.http().post(`/api/documents/${draft.body.id}/issue`).set(auth(approver)).expect(200)).body;
  };
  const portalList = (who: 'consented' | 'paper', caseNo = parties[who].caseNo) =>
    t.http().get(`/api/portal/cases/${caseNo}/documents`).set(auth(parties[who].token));
  const serve = (id: string, body: object) => t.http().post(`/api/documents/${id}/service`).set(auth(officer)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    const admin = (await t.loginAs('admin', { officeCode: null })).token;
    await t.http().put('/api/document-settings').set(auth(admin)).send(settingsBody()).expect(200);
    officer = (await t.loginAs('officer')).token;
    approver = (await t.loginAs('approver')).token;
    otherOffice = (await t.loginAs('officer', { officeCode: 'JCJY' })).token;
    for (const who of ['consented', 'paper'] as const) {
      const inst = await createInstitution(t.ds);
      parties[who] = { inst, token: (await t.loginAs('institution', { uscc: inst.uscc, officeCode: null })).token, caseNo: await determinedCase(t.ds, inst) };
    }
    [{ today }] = await t.ds.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    await t.http().put(`/api/institutions/${parties.consented.inst.uscc}/service-consent`).set(auth(officer))
      .send({ signedOn: '2026-01-05', signatory: '陈明', email: 'office@qmx-training.example', mobile: '13805180000' }).expect(200);
  }, 60_000);
  afterAll(() => t.close());

  it('keeps the consent\'s e-mail and mobile encrypted and shows them masked, to staff and to the institution itself', async () => {
    const staffView = (await t.http().get(`/api/institutions/${parties.consented.inst.uscc}/service-consent`).set(auth(approver)).expect(200)).body;
    const ownView = (await t.http().get('/api/portal/service-consent').set(auth(parties.consented.token)).expect(200)).body;
    for (const view of [staffView, ownView]) {
      expect(view.addresses).toEqual([{ channel: 'portal', address: '机构门户（信用监管系统）' }, { channel: 'email', address: 'of***@qmx-training.example' },
        { channel: 'mobile', address: '138****0000' }]);
    }
    const [row] = await t.ds.query(`SELECT email_enc, mobile_enc FROM electronic_service_consents WHERE uscc = $1 AND revoked_at IS NULL`, [parties.consented.inst.uscc]);
    expect(JSON.stringify(row)).not.toMatch(/qmx-training|13805180000/);
    expect((await t.http().get('/api/portal/service-consent').set(auth(parties.paper.token)).expect(404)).body.code).toBe('CONSENT_NOT_FOUND');
  });

  it('serves a notice electronically when it arrives in the portal of an institution that consented; opening it changes nothing', async () => {
    const notice = await issue(parties.consented.caseNo, 'notice-of-determination');
    expect(notice.service).toEqual({ method: 'electronic', methodLabel: '电子送达', servedOn: today, servedAt: notice.issuedAt });
    const [listed] = (await portalList('consented').expect(200)).body;
    expect(listed).toMatchObject({ id: notice.id, docNo: notice.docNo, servedAt: notice.issuedAt, serviceMethod: 'electronic', openedAt: null });
    const first = (await t.http().post(`/api/portal/documents/${notice.id}/opened`).set(auth(parties.consented.token)).expect(200)).body;
    const again = (await t.http().post(`/api/portal/documents/${notice.id}/opened`).set(auth(parties.consented.token)).expect(200)).body;
    expect(again).toEqual(first);
    expect(first.servedAt).toBe(notice.issuedAt);
    const [after] = (await portalList('consented').expect(200)).body;
    expect(after).toMatchObject({ servedAt: notice.issuedAt, openedAt: first.openedAt });
  });

  it('leaves a notice to an institution without consent unserved until an officer records service by post', async () => {
    const notice = await issue(parties.paper.caseNo, 'notice-of-determination');
    expect(notice.service).toBeNull();
    // issued but not served: not yet addressed to the institution, whose portal does not know the case (issue #18)
    expect((await portalList('paper').expect(404)).body.code).toBe('CASE_NOT_FOUND');
    expect((await t.http().get(`/api/documents/${notice.id}/pdf`).set(auth(parties.paper.token)).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await serve(notice.id, { method: 'electronic' }).expect(422)).body.code).toBe('NO_ELECTRONIC_CONSENT');
    expect((await serve(notice.id, { method: 'postal', servedOn: today }).expect(400)).body.code).toBe('SERVICE_PROOF_MISSING');
    const postal = { method: 'postal', servedOn: today, trackingNo: '1187654321012' };
    const served = (await serve(notice.id, postal).expect(200)).body;
    expect(served).toMatchObject({ method: 'postal', methodLabel: '邮寄送达', servedOn: today, proof: { trackingNo: '1187654321012', receiptDate: today } });
    expect((await serve(notice.id, postal).expect(200)).body).toEqual(served); // recorded again: the same service
    expect((await serve(notice.id, { method: 'public_notice', announcedOn: today, announcedIn: '本局网站' }).expect(409)).body.code).toBe('DOCUMENT_ALREADY_SERVED');
    expect((await portalList('paper').expect(200)).body[0]).toMatchObject({ servedOn: today, serviceMethod: 'postal', servedAt: new Date(`${today}T00:00:00+08:00`).toISOString() });
  });

  it('issues the 送达回证 for direct service, naming the served document, the recipient and the servers', async () => {
    const order = await issue(parties.paper.caseNo, 'rectification-order');
    const served = (await serve(order.id, { method: 'direct', servedOn: today, recipient: '陈明', servers: ['王经办', '赵执法'], place: '机构办公室' }).expect(200)).body;
    expect(served.receiptDocumentId).toEqual(expect.any(String));
    const receipt = await t.http().get(`/api/documents/${served.receiptDocumentId}/pdf`).set(auth(officer)).buffer(true).parse(binary).expect(200);
    const text = pdfText(receipt.body as Buffer);
    for (const says of ['送达回证', `责令限期整改通知书（${order.docNo}）`, '直接送达', '陈明', '王经办、赵执法', '机构办公室', '受送达人（签名或者盖章）']) {
      expect({ says, found: text.includes(says) }).toEqual({ says, found: true });
    }
    expect((await t.http().get(`/api/cases/${parties.paper.caseNo}/documents`).set(auth(officer)).expect(200)).body.map((d: { kind: string }) => d.kind))
      .toEqual(expect.arrayContaining(['rectification-order', 'service-receipt']));
  });

  it('refuses a service left with nobody to witness it, and serves a public notice 30 days after the announcement', async () => {
    const decision = await issue(parties.paper.caseNo, 'determination-decision');
    const left = (await serve(decision.id, { method: 'left', servedOn: today, servers: ['王经办'] }).expect(400)).body;
    expect(left).toMatchObject({ code: 'SERVICE_PROOF_MISSING', details: { fields: [expect.objectContaining({ field: 'witness' })] } });
    const [{ plus30 }] = await t.ds.query(`SELECT ($1::date + 30)::text AS plus30`, [today]);
    const served = (await serve(decision.id, { method: 'public_notice', announcedOn: today, announcedIn: '连云区教育局网站' }).expect(200)).body;
    expect(served).toMatchObject({ method: 'public_notice', servedOn: plus30, proof: { announcedOn: today, announcedIn: '连云区教育局网站' } });
  });

  it('lets the institution see only documents issued to it, never a draft, a letter to a department or another institution\'s', async () => {
    const letter = await issue(parties.consented.caseNo, 'sanction-letter');
    const draft = (await t.http().post(`/api/cases/${parties.consented.caseNo}/documents`).set(auth(officer))
      .send({ kind: 'repair-notice', data: {} }).expect(201)).body;
    const own = (await portalList('consented').expect(200)).body.map((d: { id: string }) => d.id);
    expect(own).not.toContain(letter.id);
    expect(own).not.toContain(draft.id);
    for (const id of [letter.id, draft.id]) {
      expect((await t.http().get(`/api/documents/${id}/pdf`).set(auth(parties.consented.token)).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
    }
    const [theirs] = (await portalList('paper').expect(200)).body;
    expect((await t.http().get(`/api/documents/${theirs.id}/pdf`).set(auth(parties.consented.token)).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await t.http().post(`/api/portal/documents/${theirs.id}/opened`).set(auth(parties.consented.token)).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await portalList('consented', parties.paper.caseNo).expect(404)).body.code).toBe('CASE_NOT_FOUND');
    expect((await t.http().get(`/api/documents/${theirs.id}/docx`).set(auth(parties.paper.token)).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('records the addressee\'s download of the PDF as its opening, and serves staff of the owning office only', async () => {
    const [first] = (await portalList('paper').expect(200)).body;
    const pdf = await t.http().get(`/api/documents/${first.id}/pdf`).set(auth(parties.paper.token)).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await portalList('paper').expect(200)).body[0].openedAt).toEqual(expect.any(String));
    expect((await t.http().get(`/api/documents/${first.id}/pdf`).set(auth(otherOffice)).expect(403)).body.code).toBe('FORBIDDEN');
    // nor may another office draft, issue or serve the case's documents
    expect((await t.http().post(`/api/cases/${parties.paper.caseNo}/documents`).set(auth(otherOffice)).send({ kind: 'repair-notice' }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http().post(`/api/documents/${first.id}/service`).set(auth(otherOffice)).send({ method: 'postal', servedOn: today, trackingNo: '11876543' }).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('voids a draft with its number on record, and never an issued document', async () => {
    const draft = (await t.http().post(`/api/cases/${parties.paper.caseNo}/documents`).set(auth(officer))
      .send({ kind: 'interview-notice', data: KIND_DATA['interview-notice'] }).expect(201)).body;
    const preview = await t.http().get(`/api/documents/${draft.id}/pdf`).set(auth(officer)).buffer(true).parse(binary).expect(200);
    expect(pdfText(preview.body as Buffer)).toContain(`约谈通知书（草稿）${draft.docNo}`); // unsigned preview, numbered
    const voided = (await t.http().post(`/api/documents/${draft.id}/void`).set(auth(officer)).send({ reason: '约谈时间有误，重新起草' }).expect(200)).body;
    expect(voided).toMatchObject({ status: 'void', docNo: draft.docNo });
    const listed = (await t.http().get(`/api/cases/${parties.paper.caseNo}/documents`).set(auth(officer)).expect(200)).body;
    expect(listed.find((d: { id: string }) => d.id === draft.id)).toMatchObject({ status: 'void', statusLabel: '已作废', docNo: draft.docNo });
    const [issued] = (await portalList('paper').expect(200)).body;
    expect((await t.http().post(`/api/documents/${issued.id}/void`).set(auth(officer)).send({ reason: '发现错误需要作废' }).expect(409)).body.code).toBe('DOCUMENT_ISSUED');
    expect((await t.http().post(`/api/documents/${draft.id}/issue`).set(auth(approver)).expect(409)).body.code).toBe('DOCUMENT_VOID');
  });

  it('exports the case file: cover, an index of documents with their pages, service records, and every issued document', async () => {
    const res = await t.http().get(`/api/cases/${parties.paper.caseNo}/case-file.pdf`).set(auth(approver)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const text = pdfText(res.body as Buffer);
    const issued = (await t.http().get(`/api/cases/${parties.paper.caseNo}/documents`).set(auth(officer)).expect(200)).body
      .filter((d: { status: string }) => d.status === 'issued');
    expect(issued.length).toBeGreaterThanOrEqual(4);
    for (const says of ['失信行为案件案卷', parties.paper.caseNo, '卷内目录', '送达记录', '邮寄送达', '邮件号1187654321012', '公告送达', '证据材料', '保管期限30年',
      ...issued.map((d: { docNo: string }) => d.docNo)]) {
      expect({ says, found: text.includes(says) }).toEqual({ says, found: true });
    }
    const pages = Number(/本卷页数共(\d+)页/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(issued.length + 1);
  });
});
