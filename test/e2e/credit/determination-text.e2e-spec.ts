import { CaseLifecycleService } from '../../../src/cases/case-lifecycle.service';
import { CaseDocumentsService } from '../../../src/documents/case-documents.service';
import { createTestApp, TestApp } from '../../support/app';
import { createUser } from '../../support/factories';
import { auth, daysFromToday, registerInstitution } from './helpers';

const LEAD = '群众王小明投诉：该机构在朝阳路无证办学，收费后拒不退款';
const FINDINGS = '经查，该机构未取得办学许可证，在海州区朝阳路租用场所开展学科类培训，在读学员42人。';

/**
 * Findings, not allegations (issue #16 item 4): a determination reaches the public page only as the public text an
 * approver signed off — the findings the officer established — and never as the lead's words or the complainant.
 * The case's two steps are the workflow's activities (determine, then draftDeterminationText), called as it calls them.
 */
describe('the public text of a determination', () => {
  let t: TestApp;
  let officer: string;
  let approver: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.loginAs('officer', { officeCode: 'XWPX' })).token;
    approver = (await t.loginAs('approver', { officeCode: 'XWPX' })).token;
  });
  afterAll(() => t?.close());

  it('shows the approved findings, and never the lead’s text or its complainant', async () => {
    const { uscc } = await registerInstitution(t, officer);
    const drafter = await createUser(t.ds, 'officer', { officeCode: 'XWPX' });
    const caseNo = `LY-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    await t.ds.query(
      `INSERT INTO cases (case_no, institution_id, uscc, behaviour_code, catalogue_version, policy_version, facts, source, severity, stage, office_code, registered_by)
       SELECT $1, id, uscc, 'EDU-001', 1, 1, $3, 'complaint', 'general', 'APPROVAL', 'XWPX', $4 FROM institutions WHERE uscc = $2`,
      [caseNo, uscc, LEAD, drafter.id]);
    // decided yesterday: in publication today, whatever the day
    await t.app.get(CaseLifecycleService).determine({ caseNo, severity: 'general', decisionDate: daysFromToday(-1), policyVersion: 1 });
    expect(await t.app.get(CaseDocumentsService).draftDeterminationText({ caseNo, findings: FINDINGS, drafterId: drafter.id })).toBe(true);

    const publicPage = async () => (await t.http().get(`/api/public/institutions/${uscc}`).expect(200)).body;
    const before = await publicPage();
    // until signed off the public sees the record's title only
    expect(before.records).toEqual([expect.objectContaining({ title: expect.stringContaining('失信行为认定') })]);
    expect(JSON.stringify(before)).not.toContain(FINDINGS);

    const [text] = await t.ds.query(`SELECT id, hash FROM public_texts WHERE record_ref = $1 AND status = 'draft'`, [`${caseNo}:determination`]);
    await t.http().post(`/api/publicity/public-texts/${text.id}/approve`).set(auth(approver)).send({ hash: text.hash }).expect(200);

    const after = await publicPage();
    expect(after.records).toEqual([expect.objectContaining({ content: expect.objectContaining({ facts: FINDINGS }) })]);
    for (const page of [before, after]) {
      const json = JSON.stringify(page);
      expect(json).not.toContain(LEAD);
      expect(json).not.toContain('王小明');
    }
    // the public search answers the same
    const search = JSON.stringify((await t.http().get('/api/public/publicity').query({ q: uscc }).expect(200)).body);
    expect(search).not.toContain('王小明');
  });
});
