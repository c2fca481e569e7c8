import { CreditFileService, NewCreditRecord } from '../../../src/credit-file/credit-file.service';
import { runPublicationTransition } from '../../../src/publicity/publication-transition';
import { createTestApp, TestApp } from '../../support/app';
import { makeIdNumber } from '../../support/factories';
import { auth, registerInstitution } from './helpers';

const MOBILE = '13812345678';

/**
 * The 36号令 transition (migration 1765400000000) on records published before 2026-04-01 under the old rules: the
 * migration's logic is `runPublicationTransition`, run here on records this test seeded, as the migration runs it
 * on a production database. Periods are hand-computed per 民法典 art. 201–202 from each decision date.
 */
describe('the transition to 国家发展改革委令第36号', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  let file: CreditFileService;
  let uscc: string;
  let institutionId: string;
  const ids: Record<string, string> = {};
  const idNumber = makeIdNumber('19800101');

  const penalty = (key: string, r: { decisionDate: string; until: string; severity?: 'general' | 'serious'; categories: string[]; fine?: number; facts?: string }): NewCreditRecord => ({
    uscc, kind: 'penalty', title: `行政处罚决定（海教罚〔旧〕${key}号）`, decisionDate: r.decisionDate, severity: r.severity ?? 'general',
    publicityFrom: r.decisionDate, publicityUntil: r.until, sourceRef: `publicity:penalty:transition-${key}-${uscc}`,
    payload: { decisionNo: `海教罚〔旧〕${key}号`, penaltyCategory: r.categories, fineAmount: r.fine, violationType: '超范围培训',
      facts: r.facts ?? '超出办学许可范围开展学科类培训', basis: '《校外培训行政处罚暂行办法》第十八条', content: '依法处罚', legalRepName: '陈明远' },
  });
  const determination = (key: string, r: { decisionDate: string; until: string; code: string; severity: 'minor' | 'serious' }): NewCreditRecord => ({
    uscc, kind: 'determination', title: `失信行为认定（${key}）`, decisionDate: r.decisionDate, severity: r.severity,
    publicityFrom: r.decisionDate, publicityUntil: r.until, sourceRef: `transition-${key}-${uscc}:determination`,
    payload: { behaviourCode: r.code, catalogueVersion: 1, facts: `群众举报（举报人电话${MOBILE}）`, severity: r.severity },
  });

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
    file = t.app.get(CreditFileService);
    ({ uscc } = await registerInstitution(t, officer));
    [{ id: institutionId }] = await t.ds.query(`SELECT id FROM institutions WHERE uscc = $1`, [uscc]);
    const seeded: [string, NewCreditRecord][] = [
      // a warning defaulted to 一般 and typed in for publication until 2099
      ['warning', penalty('warning', { decisionDate: '2026-02-10', until: '2099-12-31', categories: ['警告'] })],
      // 一般 (a 5,000-yuan fine) published for three years: cut to 2027-03-02
      ['fine', penalty('fine', { decisionDate: '2026-03-02', until: '2029-03-02', categories: ['罚款'], fine: 0.5 })],
      // 一般 decided 2025-06-30 until 2027-06-30: its year ended on 2026-06-30, so it leaves publication now
      ['old', penalty('old', { decisionDate: '2025-06-30', until: '2027-06-30', categories: ['罚款'], fine: 1 })],
      // a revoked licence filed as 一般 for five years: 严重 by the rule, cut to three years, 2029-01-15
      ['revoked', penalty('revoked', { decisionDate: '2026-01-15', until: '2031-01-15', categories: ['吊销许可证件'] })],
      // 一般 within its year: nothing to change, its text carried over
      ['compliant', penalty('compliant', { decisionDate: '2026-03-20', until: '2027-03-20', categories: ['罚款'], fine: 0.8 })],
      // a clerk's 严重 for a fine the rule calls 一般 stays 严重 (never a default), and its five years are cut to three
      ['raised', penalty('raised', { decisionDate: '2026-03-25', until: '2031-03-25', severity: 'serious', categories: ['罚款'], fine: 2 })],
      // legal period, but an ID number and a mobile number in its published facts: withheld
      ['personal', penalty('personal', { decisionDate: '2026-03-05', until: '2027-03-05', categories: ['罚款'], fine: 0.6,
        facts: `当事人（身份证号${idNumber}，电话${MOBILE}）超范围培训` })],
      // a minor determination (EDU-013, catalogue: not published) and a serious one published for five years
      ['minorDetermination', determination('minor', { decisionDate: '2026-03-01', until: '2027-03-01', code: 'EDU-013', severity: 'minor' })],
      ['seriousDetermination', determination('serious', { decisionDate: '2026-02-01', until: '2031-02-01', code: 'EDU-001', severity: 'serious' })],
    ];
    for (const [key, record] of seeded) ids[key] = (await file.append(record)).id;
  });
  afterAll(() => t.close());

  const reclassifications = async () => {
    const rows: { refersTo: string; severity: string; payload: Record<string, unknown> }[] = await t.ds.query(
      `SELECT refers_to AS "refersTo", severity, payload FROM credit_records WHERE uscc = $1 AND kind = 'reclassification' ORDER BY seq`, [uscc]);
    return new Map(rows.map((r) => [r.refersTo, r]));
  };

  it('re-classifies, withdraws and cuts back by the rule, each change a record of its own shared with the platform', async () => {
    const result = await t.ds.transaction((m) => runPublicationTransition(m, { institutionIds: [institutionId] }));
    expect(result).toEqual({ reclassified: 7, withdrawn: 2, cut: 5, textsCarried: 5, textsWithheld: 1 });

    const changes = await reclassifications();
    const change = (key: string) => changes.get(ids[key])?.payload;
    expect(change('warning')).toMatchObject({ action: 'withdrawn', fromClass: 'general', toClass: 'minor', publicityUntil: null, previousPublicityUntil: '2099-12-31' });
    expect(change('fine')).toMatchObject({ action: 'cut', fromClass: 'general', toClass: 'general', publicityUntil: '2027-03-02' });
    expect(change('old')).toMatchObject({ action: 'cut', publicityUntil: '2026-06-30' });
    expect(change('revoked')).toMatchObject({ action: 'cut', fromClass: 'general', toClass: 'serious', publicityUntil: '2029-01-15',
      reasons: ['吊销许可证件：严重', '未记录处罚程序，按一般程序分类'] });
    expect(change('raised')).toMatchObject({ action: 'cut', toClass: 'serious', publicityUntil: '2029-03-25', reasons: expect.arrayContaining(['登记时已确定为严重，予以保留']) });
    expect(change('minorDetermination')).toMatchObject({ action: 'withdrawn', toClass: 'minor', publicityUntil: null });
    expect(change('seriousDetermination')).toMatchObject({ action: 'cut', toClass: 'serious', publicityUntil: '2029-02-01' });
    expect(changes.has(ids.compliant)).toBe(false);
    expect(changes.has(ids.personal)).toBe(false);

    // every reclassification goes to the municipal platform like any other record
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM platform_submissions s JOIN credit_records r ON s.record_ref = r.id::text
        WHERE r.uscc = $1 AND r.kind = 'reclassification' AND s.record_type = 'reclassification'`, [uscc]);
    expect(n).toBe(7);
    // the credit file stays append-only and its chain intact
    const verify = await t.http().get(`/api/institutions/${uscc}/credit-file/verify`).set(auth(officer)).expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: 16 });
  });

  it('shows the public only what 36号令 allows, for the periods it allows, and withholds what fails the guard', async () => {
    const page = (await t.http().get(`/api/public/institutions/${uscc}`).expect(200)).body;
    const shown = Object.fromEntries(page.records.map((r: { id: string; severity: string; publicityUntil: string }) => [r.id, [r.severity, r.publicityUntil]]));
    expect(shown).toEqual({
      [ids.fine]: ['general', '2027-03-02'], [ids.revoked]: ['serious', '2029-01-15'], [ids.compliant]: ['general', '2027-03-20'],
      [ids.raised]: ['serious', '2029-03-25'], [ids.seriousDetermination]: ['serious', '2029-02-01'],
    });
    // a stored determination's facts are the lead's words, not approved findings: only its title is public
    const det = page.records.find((r: { id: string }) => r.id === ids.seriousDetermination);
    expect(det.content).toEqual({ behaviourCode: 'EDU-001' });
    expect(JSON.stringify(page)).not.toMatch(new RegExp(`${idNumber}|${MOBILE}|陈明远`));

    const file = (await t.http().get(`/api/institutions/${uscc}/credit-file`).set(auth(officer)).expect(200)).body.items;
    const status = (key: string) => file.find((r: { id: string }) => r.id === ids[key]).status;
    expect([status('warning'), status('minorDetermination'), status('old'), status('fine')]).toEqual(['withdrawn', 'withdrawn', 'expired', 'published']);
  });

  it('lists every change and every withheld record for officers, and publishes a withheld one once its text is redrafted and signed off', async () => {
    const report = (await t.http().get('/api/publicity/transition-report').set(auth(officer)).expect(200)).body;
    const mine = report.changes.filter((c: { uscc: string }) => c.uscc === uscc);
    expect(mine).toHaveLength(7);
    expect(mine.find((c: { recordId: string }) => c.recordId === ids.warning)).toMatchObject({
      kind: 'penalty', action: 'withdrawn', fromClass: 'general', toClass: 'minor', decisionDate: '2026-02-10', platformState: 'pending',
    });
    const withheld = report.withheld.filter((w: { uscc: string }) => w.uscc === uscc);
    expect(withheld).toEqual([expect.objectContaining({ recordId: ids.personal, findings: [expect.objectContaining({ field: 'facts',
      spans: [expect.objectContaining({ kind: 'id_number' }), expect.objectContaining({ kind: 'mobile' })] })] })]);
    expect(JSON.stringify(report)).not.toContain(idNumber);

    const redraft = (fields: object) => t.http().put(`/api/publicity/records/${ids.personal}/public-text`).set(auth(officer)).send({ fields });
    expect((await redraft({ title: '行政处罚决定（海教罚〔旧〕personal号）', facts: `当事人陈明远超范围培训` }).expect(400)).body.code).toBe('PERSONAL_DATA_IN_PUBLIC_TEXT');
    const text = (await redraft({ title: '行政处罚决定（海教罚〔旧〕personal号）', facts: '该机构超范围开展培训' }).expect(200)).body;
    await t.http().post(`/api/publicity/public-texts/${text.id}/approve`).set(auth(approver)).send({ hash: text.hash }).expect(200);
    const page = (await t.http().get(`/api/public/institutions/${uscc}`).expect(200)).body;
    expect(page.records.find((r: { id: string }) => r.id === ids.personal)).toMatchObject({ content: expect.objectContaining({ facts: '该机构超范围开展培训' }) });
    const after = (await t.http().get('/api/publicity/transition-report').set(auth(officer)).expect(200)).body;
    expect(after.withheld.filter((w: { uscc: string }) => w.uscc === uscc)).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM credit_records WHERE uscc = $1`, [uscc]);
    const again = await t.ds.transaction((m) => runPublicationTransition(m, { institutionIds: [institutionId] }));
    expect(again).toEqual({ reclassified: 0, withdrawn: 0, cut: 0, textsCarried: 0, textsWithheld: 0 });
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM credit_records WHERE uscc = $1`, [uscc])).toEqual(before);
  });
});
