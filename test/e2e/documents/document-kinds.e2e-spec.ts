import { DOCUMENT_KINDS, DocumentKind, KIND_TRAITS } from '../../../src/documents/document-kinds';
import { dateText } from '../../../src/documents/templates/common';
import { createTestApp, TestApp } from '../../support/app';
import { binary, CASE_FINDINGS, CASE_LEAD, COURT, determinedCase, docxText, KIND_DATA, pdfText, REVIEW_BODY, settingsBody } from '../../support/documents';
import { createInstitution, TestInstitution } from '../../support/factories';
import { auth } from '../../support/http-case';

const REMEDIES = [`六十日内向${REVIEW_BODY}申请行政复议`, `六个月内直接向${COURT}提起行政诉讼`];

/** What each kind must say beyond its number, the institution and the date: its facts, its rights and its dates. */
const SAYS: Record<DocumentKind, string[]> = {
  'notice-of-determination': [CASE_FINDINGS, '陈述、申辩和提出异议的权利', '自收到本告知书之次日起5个工作日内', '记入信用档案并依法公示'],
  'objection-result': ['2026年10月12日', '异议不成立', '所附材料不能证明已取得办学许可证。', '申请行政复议或者提起行政诉讼'],
  'record-objection-result': ['2026年10月13日', '连区教罚决〔2026〕2号', '异议不成立', '处罚决定书已依法送达，所称未收到不属实。', '申请行政复议或者提起行政诉讼'],
  'determination-decision': [CASE_FINDINGS, '失信程度为“严重”', '决定日期为2026年10月9日', '公示截止日期为2029年10月9日', '自2027年10月9日起',
    '自收到本决定书之次日起15日内完成整改', '连区教信告〔2026〕1号', ...REMEDIES],
  'repair-notice': ['擅自举办校外培训机构', '自2027年10月9日起', '3个工作日内决定是否受理', '10个工作日内作出', '已作出的行政处罚不因信用修复而撤销'],
  'rectification-order': [CASE_FINDINGS, '自收到本通知书之次日起15日内改正', '立即停止招生，向审批机关申请办学许可。', ...REMEDIES],
  'interview-notice': ['警示性约谈', '2026年10月20日09:30', '连云区教育局305会议室', '未在规定期限内完成整改'],
  'interview-record': ['警示性约谈', '2026年10月20日09:30', '王经办、李科长', '陈明', '告知其整改不到位的事实和后果，听取其情况说明。', '被约谈人（签名）'],
  'sanction-letter': ['连云港市连云区市场监督管理局：', '擅自举办校外培训机构', '连区教信决〔2026〕3号', '2026年10月9日', '依法限制其参与政府采购活动',
    '抄送：连云港市公共信用信息共享平台'],
  'sanction-lifting-letter': ['连云港市连云区市场监督管理局：', '连区教惩函〔2026〕1号', '已依法予以信用修复', '2027年10月20日', '第三条'],
  'repair-decision': ['不予信用修复决定书', '2027年10月15日', '尚未完成整改，学员退费未处理完毕。', ...REMEDIES],
  'penalty-notice': ['孙某某', '在未取得办学许可的场所组织学科类培训', '限制从业5年', '《校外培训行政处罚暂行办法》第五条、第十七条',
    '有权要求举行听证', '自收到本告知书之次日起5个工作日内'],
  'hearing-notice': ['孙某某', '2026年10月10日', '2026年10月21日09:30', '连云区教育局三楼听证室', '周主持', '有权申请回避'],
  'hearing-record': ['孙某某', '2026年10月21日09:30', '周主持', '王经办、赵执法', '当事人陈述已停止培训，请求从轻处罚', '当事人（签名）'],
  'penalty-decision': ['孙某某', '连区教罚告〔2026〕1号', '限制从业5年', '自本决定书送达之日起计算', '负责人集体讨论',
    '不因信用修复而撤销', ...REMEDIES],
  'record-repair-decision': ['信用修复决定书', '2027年2月1日', '行政处罚决定（连区教罚〔2026〕5号）', '自2027年2月10日起停止公示', '履行行政处罚决定规定的全部义务',
    '不因信用修复而撤销'],
  'record-repair-not-accepted': ['信用修复申请不予受理决定书', '2027年2月1日', '窗口受理', '行政处罚决定（连区教罚〔2026〕5号）',
    '所附材料未能证明罚款已缴纳，且未签署信用修复承诺书。', '本局决定不予受理', ...REMEDIES],
  'repair-referral-letter': ['连云港市市场监督管理局：', '2027年2月1日', '连市监罚〔2026〕12号', '谁认定、谁修复', '信用中国'],
  'listing-notice': [CASE_FINDINGS, '连区教信决〔2026〕3号', '拟将你单位列入严重失信主体名单', '有权进行陈述和申辩', '自收到本告知书之次日起5个工作日内'],
  'listing-decision': ['连区教名告〔2026〕1号', '未提出陈述、申辩', '经法制审核并由本局负责人决定', '有效期至2029年10月9日', '移出名单', '《信用修复告知书》', ...REMEDIES],
  'service-receipt': ['失信行为认定决定书（连区教信决〔2026〕3号）', '直接送达', '2026年10月10日', '王经办、赵执法', '连云港市海州区朝阳路18号', '受送达人（签名或者盖章）'],
};

/**
 * Every kind of issue #15's table, drafted from a case, issued and read back as a person would: the PDF's text
 * through poppler's pdftotext, the .docx's through its document.xml. Each names its number, the institution and
 * its USCC, the facts, the rights with the bodies named in the settings, and the dates.
 */
describe('document kinds', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  let inst: TestInstitution;
  let institutionName: string;
  let caseNo: string;
  let today: string;
  const issued = new Map<DocumentKind, { id: string; docNo: string; pdf: string; code: string | null }>();

  beforeAll(async () => {
    t = await createTestApp();
    const admin = (await t.loginAs('admin', { officeCode: null })).token;
    await t.http().put('/api/document-settings').set(auth(admin)).send(settingsBody()).expect(200);
    officer = (await t.loginAs('officer')).token;
    approver = (await t.loginAs('approver')).token;
    inst = await createInstitution(t.ds);
    [{ name: institutionName }] = await t.ds.query(`SELECT name FROM institutions WHERE id = $1`, [inst.id]);
    caseNo = await determinedCase(t.ds, inst);
    [{ today }] = await t.ds.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    for (const kind of DOCUMENT_KINDS) {
      const draft = await t.http().post(`/api/cases/${caseNo}/documents`).set(auth(officer)).send({ kind, data: KIND_DATA[kind] });
      expect([kind, draft.status, draft.body.code]).toEqual([kind, 201, undefined]);
      const done = await t.http().post(`/api/documents/${draft.body.id}/issue`).set(auth(approver)).expect(200);
      const pdf = await t.http().get(`/api/documents/${done.body.id}/pdf`).set(auth(approver)).buffer(true).parse(binary).expect(200);
      const text = pdfText(pdf.body as Buffer);
      issued.set(kind, { id: done.body.id, docNo: done.body.docNo, pdf: text, code: /验证码：([A-Z2-7]{26})/.exec(text)?.[1] ?? null });
    }
  }, 120_000);
  afterAll(() => t.close());

  it.each(DOCUMENT_KINDS.map((k) => [k]))('renders %s with its number, the institution, the facts, the rights and the dates in the PDF', (kind) => {
    const { docNo, pdf } = issued.get(kind)!;
    for (const says of [docNo, institutionName, inst.uscc, '连云港市连云区教育局', KIND_TRAITS[kind].label.slice(0, 4), dateText(today), ...SAYS[kind]]) {
      expect({ kind, says, found: pdf.includes(says.replace(/\s+/g, '')) }).toEqual({ kind, says, found: true });
    }
    expect(pdf).not.toContain('申请复核'); // the remedies are 行政复议 and 行政诉讼 only
    // the facts are the approved findings: the lead as registered (a complainant's words) reaches no document
    expect(pdf).not.toContain(CASE_LEAD.slice(0, 12));
  });

  it.each(DOCUMENT_KINDS.map((k) => [k]))('gives %s as .docx with the same text as its PDF', async (kind) => {
    const { id, docNo } = issued.get(kind)!;
    const res = await t.http().get(`/api/documents/${id}/docx`).set(auth(officer)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const docx = docxText(res.body as Buffer);
    for (const says of [docNo, institutionName, inst.uscc, dateText(today), ...SAYS[kind]]) {
      expect({ kind, says, found: docx.includes(says.replace(/\s+/g, '')) }).toEqual({ kind, says, found: true });
    }
  });

  it('embeds its Chinese fonts as subsets, so the PDF prints and reads the same everywhere', async () => {
    const { id } = issued.get('determination-decision')!;
    const res = await t.http().get(`/api/documents/${id}/pdf`).set(auth(approver)).buffer(true).parse(binary).expect(200);
    const raw = (res.body as Buffer).toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifCJKsc-Regular/); // a subset tag: only the glyphs used
    expect(raw).toMatch(/\/FontFile3/);
    expect(raw).toMatch(/\/ToUnicode/);
  });

  it('prints a verification code and QR on decisions, and none on a notice of intended measures', async () => {
    const verifiable = DOCUMENT_KINDS.filter((k) => KIND_TRAITS[k].verifiable);
    expect(verifiable).toEqual(expect.arrayContaining(['determination-decision', 'repair-decision', 'objection-result', 'rectification-order']));
    for (const kind of DOCUMENT_KINDS) expect([kind, issued.get(kind)!.code !== null]).toEqual([kind, KIND_TRAITS[kind].verifiable]);
    const [notice] = await t.ds.query(`SELECT verification_code_hash FROM documents WHERE id = $1`, [issued.get('notice-of-determination')!.id]);
    expect(notice.verification_code_hash).toBeNull();
  });

  it('verifies a real code publicly: kind, number, date, issuer, masked addressee, intact bytes and a valid signature', async () => {
    const { code, docNo } = issued.get('determination-decision')!;
    const res = await t.http().get('/api/public/documents/verify').query({ code: code!.toLowerCase().replace(/(.{5})/g, '$1-') }).expect(200);
    expect(res.body).toMatchObject({
      kind: 'determination-decision', docNo, issuedOn: today, issuer: '连云港市连云区教育局', bytesIntact: true, signatureValid: true, verified: true, replacedBy: null,
    });
    expect(res.body.addressee).not.toBe(institutionName);
    expect(res.body.addressee).toContain('*');
    expect(JSON.stringify(res.body)).not.toContain(inst.uscc);
  });

  it('answers 404 for an unknown code and 400 for one that cannot be a code', async () => {
    expect((await t.http().get('/api/public/documents/verify').query({ code: 'A'.repeat(26) }).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await t.http().get('/api/public/documents/verify').query({ code: '12345' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('says so when one byte of the stored PDF changed, and when the bytes and their hash were changed together', async () => {
    const { id, code } = issued.get('repair-decision')!;
    await tamper(`UPDATE documents SET pdf = set_byte(pdf, 400, get_byte(pdf, 400) # 1) WHERE id = $1`, id);
    let res = await t.http().get('/api/public/documents/verify').query({ code }).expect(200);
    expect(res.body).toMatchObject({ bytesIntact: false, signatureValid: false, verified: false });
    // whoever can rewrite the bytes can rewrite their hash too: the signature is what still catches it
    await tamper(`UPDATE documents SET sha256 = encode(sha256(pdf), 'hex') WHERE id = $1`, id);
    res = await t.http().get('/api/public/documents/verify').query({ code }).expect(200);
    expect(res.body).toMatchObject({ bytesIntact: true, signatureValid: false, verified: false });
  });

  /** Storage tampered with behind the application's back: the immutability trigger is lifted for this one statement. */
  async function tamper(sql: string, id: string): Promise<void> {
    await t.ds.transaction(async (tx) => {
      await tx.query(`ALTER TABLE documents DISABLE TRIGGER documents_keep_issued`);
      await tx.query(sql, [id]);
      await tx.query(`ALTER TABLE documents ENABLE TRIGGER documents_keep_issued`);
    });
  }
});
