import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/auth/role';
import type { TestApp } from './app';
import { makeIdNumber, makeUscc } from './factories';
import { auth, consentToElectronicService, doTask, TINY_PDF } from './http-case';

/** The real rows one institution owns; every path parameter that names an institution's data comes from here. */
export interface InstitutionRows {
  uscc: string;
  token: string;
  caseNo: string;
  recordId: string;
  commitmentId: string;
  objectionId: string;
  uploadId: string;
  /** A message in the institution account's own inbox. */
  messageId: string;
  /** A document issued to the institution in its case (it has consented to electronic service). */
  documentId: string;
}

/** Rows the staff routes act on, named by the path they appear in (`:id` means a different table per route). */
export interface AccessFixtures {
  tokens: Record<Role, string>;
  own: InstitutionRows;
  other: InstitutionRows;
  ids: Record<string, string>;
  /** Rows only their creator may read (an import): each caller's own, so a permitted read names a row it may see. */
  ownByCaller: Record<string, Partial<Record<Role, string>>>;
  shared: Record<string, string>;
}

const created = (res: { status: number; body: unknown }, what: string) => {
  if (res.status >= 300) throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
};

const DOCUMENT_SETTINGS = {
  issuerName: '连云港市连云区教育局', issuerCode: '11320703MB0000000W', areaCode: '320703', reviewBody: '连云港市连云区人民政府',
  court: '连云港市连云区人民法院', contactAddress: '江苏省连云港市连云区教育局', contactPhone: '0518-82310000',
  verifyBaseUrl: 'http://127.0.0.1:3000/api/public/documents/verify',
};

async function institutionWithData(t: TestApp, staff: Record<'officer' | 'approver', string>): Promise<InstitutionRows> {
  const uscc = makeUscc();
  created(await t.http().post('/api/institutions').set(auth(staff.officer)).send({
    uscc, name: `权限测试培训学校${uscc.slice(-6).toLowerCase()}`, type: 'off_campus_training', officeCode: 'XWPX',
    legalRepresentative: { name: '陈明远', idNumber: makeIdNumber() },
  }), 'institution');
  const { token, user } = await t.loginAs('institution', { uscc, officeCode: null });
  await consentToElectronicService(t, staff.officer, uscc);
  const opened = created(await t.http().post('/api/cases').set(auth(staff.officer))
    .send({ uscc, behaviourCode: 'EDU-001', facts: '群众投诉该机构未取得办学许可证开展学科类培训', source: 'complaint' }), 'case');
  const caseNo = String(opened.caseNo);
  await doTask(t, staff.officer, caseNo, 'investigate', { summary: '经查属实', severity: 'general', measures: ['责令限期整改'] });
  await doTask(t, staff.approver, caseNo, 'approve-determination', { summary: '同意', decision: 'approve' }); // opens the objection deadline
  const record = created(await t.http().post(`/api/institutions/${uscc}/credit-file`).set(auth(staff.officer)).send({
    kind: 'honour', title: '诚信办学示范单位', decisionDate: '2026-03-01', documentNo: `HZ-JYJ-${randomBytes(4).toString('hex')}`,
  }), 'credit record');
  const commitment = created(await t.http().post('/api/commitments').set(auth(token)).send({
    uscc, purpose: 'annual', reference: `CN-${randomBytes(3).toString('hex')}`, content: '本机构承诺依法依规诚信办学，接受社会监督', signerName: '陈明远',
    signerIdNumber: makeIdNumber(),
  }), 'commitment');
  const objection = created(await t.http().post(`/api/institutions/${uscc}/credit-file/${record.id}/objections`).set(auth(token))
    .send({ type: 'correction', reason: '表彰文号登记有误，请予更正' }), 'credit objection');
  const upload = created(await t.http().post('/api/portal/uploads').set(auth(token)).attach('file', TINY_PDF, '办学许可证.pdf'), 'upload');
  const message = await firstRow(t, `SELECT id FROM notifications WHERE recipient_user_id = $1 LIMIT 1`, [user.id]);
  created(await t.http().put(`/api/institutions/${uscc}/service-consent`).set(auth(staff.officer))
    .send({ signedOn: '2026-01-05', signatory: '陈明远', mobile: '13805180000' }), 'service consent');
  const draft = created(await t.http().post(`/api/cases/${caseNo}/documents`).set(auth(staff.officer)).send({ kind: 'repair-notice' }), 'document');
  created(await t.http().post(`/api/documents/${draft.id}/issue`).set(auth(staff.approver)), 'issued document');
  return {
    uscc, token, caseNo, recordId: record.id, commitmentId: commitment.id, objectionId: objection.id, uploadId: upload.id, messageId: message.id,
    documentId: draft.id,
  };
}

/** The determination's notice to the institution is written by a workflow activity, shortly after the update returns. */
async function firstRow(t: TestApp, sql: string, params: unknown[]): Promise<{ id: string }> {
  for (let i = 0; i < 100; i++) {
    const [row] = await t.ds.query(sql, params);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fixture: no row for ${sql}`);
}

/**
 * Two institutions with a case in its objection window, a credit record, a commitment, a credit objection and an
 * upload each, plus one row of every other kind a route names by id, all created the way users create them.
 */
export async function buildAccessFixtures(t: TestApp): Promise<AccessFixtures> {
  const login = async (role: Role, officeCode: string | null = 'XWPX') => (await t.loginAs(role, { officeCode })).token;
  const staff = {
    officer: await login('officer'), approver: await login('approver'), manager: await login('manager'),
    auditor: await login('auditor', null), admin: await login('admin', null),
    legal: await login('legal', null), head: await login('head', null),
  };
  created(await t.http().put('/api/document-settings').set(auth(staff.admin)).send(DOCUMENT_SETTINGS), 'document settings');
  const [own, other] = [await institutionWithData(t, staff), await institutionWithData(t, staff)];
  const as = (token: string) => auth(token);
  const [task] = await t.ds.query(`SELECT id FROM tasks WHERE case_no = $1 ORDER BY created_at LIMIT 1`, [own.caseNo]);
  const penalty = created(await t.http().post('/api/publicity/penalties').set(as(staff.officer)).send(penaltyBody(own.uscc)), 'penalty');
  // one whose payload holds a sealed ID number (the commitment's signer): the matrix checks no answer shows it
  const [submission] = await t.ds.query(`SELECT id FROM platform_submissions WHERE payload::text LIKE '%IdEnc%' ORDER BY created_at DESC LIMIT 1`);
  // published, so the public route has a real plan; a public plan lists its candidates to anyone, so it is drawn from
  // primary schools and the two institutions of the matrix (training institutions) are not in it
  const plan = created(await t.http().post('/api/inspection-plans').set(as(staff.officer))
    .send({ title: '权限矩阵测试抽查', officeCode: 'XWPX', institutionType: 'primary_school', inspectorsPerTarget: 1 }), 'inspection plan');
  created(await t.http().post(`/api/inspection-plans/${plan.id}/publish`).set(as(staff.approver)).send({}), 'published plan');
  const matter = created(await t.http().post('/api/review-matters').set(as(staff.officer))
    .send({ type: 'licence', uscc: own.uscc, title: '设立审批', persons: [{ name: '李举办', idNumber: makeIdNumber() }] }), 'review matter');
  const spare = await t.loginAs('officer', { officeCode: 'XWPX' });
  // a 限制从业 proposal whose second officer is the matrix's officer, so its confirmation is that officer's to make
  const banProposer = await t.loginAs('officer', { officeCode: 'XWPX' });
  const matrixOfficer = (await t.http().get('/api/auth/me').set(as(staff.officer))).body.id as string;
  const banProposal = created(await t.http().post('/api/industry-bans').set(as(banProposer.token)).send({
    measureId: 'M-XZCY', facts: '权限矩阵测试：无证开展学科类培训', personName: '权限测试', personIdNumber: makeIdNumber(), periodYears: 1,
    secondOfficerId: matrixOfficer }), 'ban proposal');
  // proposed by another admin than the matrix's, who may then decide it (four eyes)
  const proposer = await t.loginAs('admin', { officeCode: null });
  const reset = created(await t.http().post(`/api/users/${spare.user.id}/totp-reset`).set(as(proposer.token))
    .send({ reason: '权限矩阵测试：手机遗失' }), 'second-factor reset request');
  const active = created(await t.http().get('/api/policies/active').set(as(staff.officer)), 'policy');
  // an officer other than the matrix's proposes an outcome of the institution's objection, for its approver to decide
  const proposal = created(await t.http().post(`/api/credit-objections/${own.objectionId}/decision`).set(as(spare.token))
    .send({ outcome: 'rejected', reason: '权限矩阵测试：表彰文号登记无误' }), 'objection proposal');
  // a 行政复议 against the institution's issued document (issue #16): /api/remedies/:id names it
  const remedy = created(await t.http().post('/api/remedies').set(as(staff.officer)).send({
    documentId: own.documentId, type: 'reconsideration', body: '连云港市连云区人民政府', filedOn: '2026-11-02', caseNumber: `连区复〔2026〕${randomBytes(2).toString('hex')}号`,
  }), 'remedy');
  // a counter application for a minor penalty (filed at once, unpublished) whose 处罚机关 is another department than
  // the bureau: referred with a letter (issue #19)
  const { confiscatedAmount: _c, ...warning } = penaltyBody(own.uscc);
  const minor = created(await t.http().post('/api/publicity/penalties').set(as(staff.officer))
    .send({ ...warning, procedure: 'simple', penaltyCategory: ['警告'], content: '警告' }), 'minor penalty');
  const repair = created(await t.http().post('/api/record-repairs').set(as(staff.officer)).send({
    recordId: minor.recordId, receivedOn: '2026-12-01', correction: '权限矩阵测试：已整改', commitment: '本机构承诺今后依法依规办学', commitmentSignedOn: '2026-12-01',
  }), 'record repair');
  const importBy = async (token: string) => created(await t.http().post('/api/institutions/import').set(as(token))
    .attach('file', Buffer.from('统一社会信用代码,机构名称,机构类型,法定代表人,法定代表人身份证号\r\n', 'utf8'), '空名单.csv'), 'import').id;
  const imports = { officer: await importBy(staff.officer), admin: await importBy(staff.admin) };
  // a natural person (issue #19): a minor penalty is filed at once, so the person has a record to object to; the
  // objection is entered by another officer, so the matrix's approver may decide it
  const person = created(await t.http().post('/api/publicity/penalties').set(as(staff.officer)).send({
    ...penaltyBody(own.uscc), uscc: undefined, legalRepName: undefined, subjectName: '权限测', subjectCategory: '自然人', idType: '身份证',
    idNumber: makeIdNumber('19900101'), procedure: 'simple', penaltyCategory: ['警告'], confiscatedAmount: undefined, content: '警告',
  }), 'person penalty');
  const intake = created(await t.http().post(`/api/subjects/${String(person.subjectId)}/intakes`).set(as(spare.token)).send({
    kind: 'objection', recordId: person.recordId, channel: 'counter', servedOn: '2026-11-30', receivedOn: '2026-12-01', content: '权限矩阵测试：本人未收到处罚决定书',
  }), 'counter intake');
  if (!task || !submission) throw new Error('fixture rows missing: task or platform submission');
  return {
    tokens: { ...staff, institution: own.token },
    own,
    other,
    ids: {
      '/api/tasks/:id': task.id,
      '/api/platform/submissions/:id': submission.id,
      '/api/publicity/decisions/:id': String(penalty.id ?? penalty.decisionId),
      '/api/publicity/public-texts/:id': String((penalty.publicText as { id: string }).id),
      '/api/public/inspections/:id': plan.id,
      '/api/inspection-plans/:id': plan.id,
      '/api/review-matters/:id': matter.id,
      '/api/users/:id': spare.user.id,
      '/api/user-security-requests/:id': reset.id,
      '/api/decision-proposals/:id': proposal.id,
      '/api/industry-bans/:id': banProposal.id,
      '/api/remedies/:id': remedy.id,
      '/api/record-repairs/:id': repair.id,
      '/api/subjects/:id': String(person.subjectId),
    },
    ownByCaller: { '/api/institutions/import/:id': imports },
    shared: { intakeId: String(intake.id), version: String(active.version), code: 'EDU-001', year: String(new Date().getFullYear() + 1), date: '2026-12-30' },
  };
}

function penaltyBody(uscc: string) {
  return {
    subjectName: '权限测试培训学校', subjectCategory: '法人及非法人组织', uscc, legalRepName: '陈明远',
    decisionNo: `海教罚〔2026〕${randomBytes(4).toString('hex')}号`, violationType: '超范围培训',
    facts: '超出办学许可范围开展学科类培训', basis: '《校外培训行政处罚暂行办法》第十八条', penaltyCategory: ['警告', '没收违法所得'],
    procedure: 'general', confiscatedAmount: 0.2, content: '警告，没收违法所得', decisionDate: '2026-09-30', validUntil: '2027-09-30',
    authorityName: '连云港市海州区教育局', authorityCode: '113207060141860828',
    sourceUnitName: '连云港市海州区教育局', sourceUnitCode: '113207060141860828',
  };
}
