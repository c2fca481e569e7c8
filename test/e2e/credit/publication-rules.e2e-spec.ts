import { createTestApp, TestApp } from '../../support/app';
import { makeIdNumber } from '../../support/factories';
import { auth, penaltyBody, publishPenalty, registerInstitution } from './helpers';

const ID = '320706198503124417'; // a valid GB 11643 check digit
const MOBILE = '13912345678';

/**
 * Publication by the rules of 国家发展改革委令第36号 (issue #18): the class of a penalty from its procedure, kinds
 * and amounts; periods computed from it; minor records recorded and shared but not published; public texts that a
 * second person signs off, with the guard refusing personal data in any of their fields.
 */
describe('publication by the 36号令 rules', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  let secondApprover: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    secondApprover = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t.close());

  const register = (body: object, token = officer) => t.http().post('/api/publicity/penalties').set(auth(token)).send(body);
  const publicOf = async (uscc: string) => {
    const page = await t.http().get(`/api/public/institutions/${uscc}`).expect(200);
    const search = await t.http().get('/api/public/publicity').query({ q: uscc }).expect(200);
    return { page: page.body, search: search.body, ids: [...page.body.records, ...search.body.items].map((r: { id: string }) => r.id) };
  };
  const warning = (uscc: string, extra: object = {}) => {
    const { fineAmount: _f, ...body } = penaltyBody(uscc, { procedure: 'simple', penaltyCategory: ['警告'], content: '警告', decisionDate: '2026-11-30', ...extra });
    return body;
  };

  it('stores a simple-procedure warning as a minor record: not published, shared with its class and flag, counted', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const res = await register(warning(uscc)).expect(201);
    expect(res.body).toMatchObject({
      status: 'recorded', statusLabel: '不予公示（轻微失信）', publish: false, publicityUntil: null, repairableFrom: '2026-12-01',
      procedure: 'simple', publicText: null, recordId: expect.any(String),
      classification: { class: 'minor', classLabel: '轻微', ruleClass: 'minor', raised: false, reasons: [expect.stringContaining('简易程序')] },
    });
    // in the credit file, never in publication
    const file = (await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200)).body.items;
    expect(file).toEqual([expect.objectContaining({ id: res.body.recordId, kind: 'penalty', severity: 'minor', status: 'recorded', publicityFrom: null })]);
    // shared with the platform, class and flag included
    const [submission] = await t.ds.query(`SELECT record_type, payload FROM platform_submissions WHERE record_ref = $1`, [res.body.recordId]);
    expect(submission).toMatchObject({ record_type: 'penalty', payload: { severity: 'minor', publicityFrom: null,
      payload: expect.objectContaining({ notToPublish: true, classification: expect.objectContaining({ class: 'minor' }) }) } });
    // absent from every public answer
    expect((await publicOf(uscc)).ids).toEqual([]);
    // counted: in the register's statistics and as a minor record for early warning
    const stats = await t.http().get('/api/publicity/statistics').query({ from: '2026-11-30', to: '2026-11-30' }).set(auth(officer)).expect(200);
    expect(stats.body.rows).toEqual(expect.arrayContaining([{ kind: 'penalty', class: 'minor', status: 'recorded', count: expect.any(Number) }]));
    await register(warning(uscc, { decisionDate: '2026-11-20' })).expect(201);
    const flags = (await t.http().get('/api/early-warnings').query({ uscc }).set(auth(officer)).expect(200)).body.items[0].flags;
    expect(flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'REPEATED_MINOR' })]));
    // and it cannot be pushed into publication afterwards
    expect((await t.http().post(`/api/publicity/decisions/${res.body.id}/publish`).set(auth(approver)).send({}).expect(409)).body.code)
      .toBe('NOT_TO_BE_PUBLISHED');
  });

  it('publishes a minor penalty at most three months when the officer records why it is necessary', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const decision = await publishPenalty(t, { officer, approver }, warning(uscc, { procedure: 'general', minorPublicationReason: '涉及学生人数众多，确有必要公示' }));
    // decided 2026-11-30: three months end on the last day of February 2027, the repair right opens the next day
    expect(decision).toMatchObject({ status: 'published', publicityUntil: '2027-02-28', repairableFrom: '2026-12-01',
      minorPublicationReason: '涉及学生人数众多，确有必要公示' });
    expect((await publicOf(uscc)).ids).toEqual([decision.recordId, decision.recordId]);
  });

  it('computes the publicity end and the repair date from the class, and refuses them typed in', async () => {
    const { uscc } = await registerInstitution(t, officer);
    // 一般, decided 2026-08-31: one year to 2027-08-31; three months end 2026-11-30, repair from 2026-12-01
    const general = await register(penaltyBody(uscc, { decisionDate: '2026-08-31' })).expect(201);
    expect(general.body).toMatchObject({ classification: { class: 'general' }, publicityUntil: '2027-08-31', repairableFrom: '2026-12-01' });
    // 严重, decided 2026-02-28: three years to 2029-02-28; one year ends 2027-02-28, repair from 2027-03-01
    const serious = await register(penaltyBody(uscc, { decisionDate: '2026-02-28', penaltyCategory: ['吊销许可证件'], fineAmount: undefined })).expect(201);
    expect(serious.body).toMatchObject({ classification: { class: 'serious', reasons: ['吊销许可证件：严重'] }, publicityUntil: '2029-02-28', repairableFrom: '2027-03-01' });

    const typed = await register(penaltyBody(uscc, { publicityUntil: '2099-12-31' })).expect(400);
    expect(typed.body.details.fields).toEqual([expect.objectContaining({ field: 'publicityUntil', message: expect.stringContaining('由系统按分类和处罚决定日期计算') })]);
    const severity = await register(penaltyBody(uscc, { severity: 'minor' })).expect(400);
    expect(severity.body.details.fields).toEqual([expect.objectContaining({ field: 'severity', message: expect.stringContaining('raiseClassTo') })]);
    const missing = await register(penaltyBody(uscc, { procedure: undefined })).expect(400);
    expect(missing.body).toMatchObject({ message: '缺少必填字段：处罚程序（procedure）', details: { fields: [expect.objectContaining({ field: 'procedure' }), expect.objectContaining({ field: 'procedure' })] } });
  });

  it('shows the class with its reasons before saving, lets the officer raise it with a reason and never lower it', async () => {
    const preview = (body: object) => t.http().post('/api/publicity/penalties/preview').set(auth(officer)).send(body);
    const base = { procedure: 'general', penaltyCategory: ['警告'], decisionDate: '2026-11-30' };
    expect((await preview(base).expect(200)).body).toEqual({
      classification: { class: 'minor', classLabel: '轻微', ruleClass: 'minor', raised: false, reasons: ['警告：轻微'] },
      publish: false, publicityUntil: null, repairableFrom: '2026-12-01', notice: expect.stringMatching(/^不予公示（轻微失信）/), findings: [],
    });
    expect((await preview({ ...base, penaltyCategory: ['警告', '罚款'], fineAmount: 0.5 }).expect(200)).body).toMatchObject({
      classification: { class: 'general', reasons: ['警告：轻微', '罚款 5,000 元，超过 3,000 元：一般'] }, publish: true, publicityUntil: '2027-11-30',
      notice: '公示至 2027-11-30（含当日），2027-03-01 起可申请信用修复',
    });
    // nothing is counted from a decision that has not been made yet
    expect((await preview({ ...base, decisionDate: '9999-12-31' }).expect(400)).body.details.fields).toEqual([expect.objectContaining({ field: 'decisionDate' })]);
    expect((await preview({ ...base, facts: `联系电话${MOBILE}`, raiseClassTo: 'general', raiseReason: '一年内第三次' }).expect(200)).body.findings)
      .toEqual([{ field: 'facts', message: expect.stringContaining('手机号码'), spans: [{ kind: 'mobile', start: 4, end: 15, masked: '139****5678' }] }]);

    const { uscc } = await registerInstitution(t, officer);
    const raised = await register(warning(uscc, { procedure: 'general', raiseClassTo: 'general', raiseReason: '一年内第三次同类违规' })).expect(201);
    expect(raised.body).toMatchObject({ status: 'pending', publicityUntil: '2027-11-30',
      classification: { class: 'general', ruleClass: 'minor', raised: true, reasons: ['警告：轻微', '经办人提高为一般：一年内第三次同类违规'] } });
    const lowered = await register(penaltyBody(uscc, { penaltyCategory: ['限制从业'], fineAmount: undefined, raiseClassTo: 'general', raiseReason: '情节较轻' })).expect(400);
    expect(lowered.body).toMatchObject({ code: 'CLASS_BELOW_RULE', details: { fields: [expect.objectContaining({ field: 'raiseClassTo' })] } });
    const unexplained = await register(warning(uscc, { procedure: 'general', raiseClassTo: 'serious' })).expect(400);
    expect(unexplained.body.details.fields).toEqual([expect.objectContaining({ field: 'raiseReason' })]);
    const inconsistent = await register(warning(uscc, { penaltyCategory: ['警告', '责令停止举办'] })).expect(400);
    expect(inconsistent.body.code).toBe('PROCEDURE_INCONSISTENT');
  });

  describe('the public-text guard on every public field', () => {
    const idNumber = makeIdNumber('19850312');
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['违法事实 with an ID number', { facts: `当事人身份证号${idNumber}开展培训` }, 'facts', 'id_number'],
      ['处罚依据 with a mobile number', { basis: `第十八条（举报电话 ${MOBILE}）` }, 'basis', 'mobile'],
      ['处罚内容 naming the legal representative', { content: '对法定代表人陈明远予以警告' }, 'content', 'person_name'],
      ['违法行为类型 with a bank card', { violationType: '收费至个人账户6222021234567890128' }, 'violationType', 'bank_card'],
      ['the title (决定书文号) with a mobile number', { decisionNo: `海教罚${MOBILE}号` }, 'decisionNo', 'mobile'],
      ['a reworded public text with an ID number', { publicText: { facts: `涉及学员${ID}` } }, 'publicText.facts', 'id_number'],
    ];
    it.each(cases)('refuses %s with the field and the words to mark, and stores nothing', async (_what, override, field, kind) => {
      const { uscc } = await registerInstitution(t, officer);
      const res = await register(penaltyBody(uscc, override)).expect(400);
      expect(res.body).toMatchObject({ code: 'PERSONAL_DATA_IN_PUBLIC_TEXT', details: { fields: [{ field, spans: [expect.objectContaining({ kind })] }] } });
      expect(JSON.stringify(res.body)).not.toContain(idNumber);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM publicity_decisions WHERE uscc = $1`, [uscc]);
      expect(n).toBe(0);
    });

    it('keeps personal data out of public answers when the public text is reworded', async () => {
      const { uscc } = await registerInstitution(t, officer);
      const decision = await publishPenalty(t, { officer, approver }, penaltyBody(uscc, {
        facts: `法定代表人陈明远（身份证号${idNumber}，电话${MOBILE}）超范围培训`, publicText: { facts: '该机构超出办学许可范围开展学科类培训' },
      }));
      const { page, search } = await publicOf(uscc);
      expect(page.records).toEqual([expect.objectContaining({ id: decision.recordId, content: expect.objectContaining({ facts: '该机构超出办学许可范围开展学科类培训' }) })]);
      for (const body of [page, search]) expect(JSON.stringify(body)).not.toMatch(new RegExp(`${idNumber}|${MOBILE}|陈明远`));
    });

    it('checks a licence’s public fields and a redrafted text the same way', async () => {
      const { uscc } = await registerInstitution(t, officer);
      const licence = {
        subjectName: '海州区信用测试培训学校', subjectCategory: '法人及非法人组织', uscc, legalRepName: '陈明远', documentName: '民办学校办学许可证',
        documentNo: `海教许〔2026〕${Date.now()}号`, licenceCategory: '普通', certificateName: '办学许可证', licenceNo: `HZ-${Date.now()}`,
        content: `非学科类培训（联系人手机${MOBILE}）`, decisionDate: '2026-11-02', validFrom: '2026-11-02', validUntil: '2029-11-01',
        authorityName: '连云港市海州区教育局', authorityCode: '113207060141860828', currentStatus: '有效',
        sourceUnitName: '连云港市海州区教育局', sourceUnitCode: '113207060141860828',
      };
      const refused = await t.http().post('/api/publicity/licences').set(auth(officer)).send(licence).expect(400);
      expect(refused.body.details.fields).toEqual([expect.objectContaining({ field: 'content', spans: [expect.objectContaining({ kind: 'mobile' })] })]);
      const filed = await t.http().post('/api/publicity/licences').set(auth(officer)).send({ ...licence, publicText: { content: '非学科类培训' } }).expect(201);
      const redraft = await t.http().put(`/api/publicity/decisions/${filed.body.id}/public-text`).set(auth(officer))
        .send({ fields: { title: '民办学校办学许可证', content: `非学科类培训，负责人陈明远` } }).expect(400);
      expect(redraft.body.details.fields).toEqual([expect.objectContaining({ field: 'fields.content', spans: [expect.objectContaining({ kind: 'person_name' })] })]);
      const wrongField = await t.http().put(`/api/publicity/decisions/${filed.body.id}/public-text`).set(auth(officer))
        .send({ fields: { title: '民办学校办学许可证', basis: '不属于许可的字段' } }).expect(400);
      expect(wrongField.body.details.fields).toEqual([expect.objectContaining({ field: 'fields.basis' })]);
    });
  });

  describe('sign-off of public texts', () => {
    it('publishes only what someone other than the drafter approved, exactly as approved', async () => {
      const { uscc } = await registerInstitution(t, officer);
      // an approver drafting a text may not approve it; another approver may
      const filed = await register(penaltyBody(uscc, { decisionDate: '2026-11-02' }), approver).expect(201);
      expect(filed.body).toMatchObject({ status: 'pending', publicText: { status: 'draft', version: 1 } });
      const approve = (token: string, id: string, hash: string) => t.http().post(`/api/publicity/public-texts/${id}/approve`).set(auth(token)).send({ hash });
      expect((await approve(approver, filed.body.publicText.id, filed.body.publicText.hash).expect(403)).body.code).toBe('SAME_PERSON');
      await approve(officer, filed.body.publicText.id, filed.body.publicText.hash).expect(403); // officers do not sign off
      expect((await t.http().get('/api/publicity/public-texts').set(auth(secondApprover)).expect(200)).body.items)
        .toEqual(expect.arrayContaining([expect.objectContaining({ id: filed.body.publicText.id, subject: filed.body.documentNo, decisionId: filed.body.id })]));

      // a redraft replaces what is to be approved: the old version and a stale hash are refused
      const redrafted = await t.http().put(`/api/publicity/decisions/${filed.body.id}/public-text`).set(auth(officer))
        .send({ fields: { title: '行政处罚决定', facts: '超出办学许可范围开展学科类培训', content: '警告，罚款五千元' } }).expect(200);
      const v2 = redrafted.body.publicText;
      expect(v2).toMatchObject({ version: 2, status: 'draft' });
      expect((await approve(secondApprover, filed.body.publicText.id, filed.body.publicText.hash).expect(409)).body.code).toBe('PUBLIC_TEXT_NOT_PENDING');
      expect((await approve(secondApprover, v2.id, filed.body.publicText.hash).expect(409)).body.code).toBe('PUBLIC_TEXT_CHANGED');
      const signed = await approve(secondApprover, v2.id, v2.hash).expect(200);
      expect(signed.body).toMatchObject({ text: { status: 'approved', approvedBy: expect.any(String) }, decision: { status: 'published' } });

      const [record] = (await publicOf(uscc)).page.records;
      expect(record).toMatchObject({ title: '行政处罚决定', content: expect.objectContaining({ facts: '超出办学许可范围开展学科类培训', content: '警告，罚款五千元' }) });
      expect(record.content).not.toHaveProperty('basis'); // the approved text had none: nothing of the decision's own wording leaks in
      const [stored] = await t.ds.query(`SELECT payload->>'publicTextHash' AS hash FROM credit_records WHERE id = $1`, [signed.body.decision.recordId]);
      expect(stored.hash).toBe(v2.hash);

      // the database refuses to change an approved text; one changed behind its back is no longer shown
      await expect(t.ds.query(`UPDATE public_texts SET fields = '{"title":"改过的"}' WHERE id = $1`, [v2.id])).rejects.toThrow(/only ever approved/);
      await t.ds.query(`ALTER TABLE public_texts DISABLE TRIGGER public_texts_sign_off`);
      try {
        await t.ds.query(`UPDATE public_texts SET fields = jsonb_set(fields, '{facts}', to_jsonb($2::text)) WHERE id = $1`, [v2.id, `联系${MOBILE}`]);
      } finally {
        await t.ds.query(`ALTER TABLE public_texts ENABLE TRIGGER public_texts_sign_off`);
      }
      expect((await publicOf(uscc)).page.records).toEqual([]);
    });
  });
});
