import { DataReader, fill, templateFor } from '../../../src/documents/templates';
import { decisionWithRepairNotice, listingDecisionWithRepairNotice } from '../../../workflows/case-documents';
import type { CaseRuntime } from '../../../workflows/case-runtime';
import { caseFacts, settings, SUBJECTS } from '../../support/template-fixture';

/** A case whose policy gives 5 working days to accept a repair application and 15 to decide it. */
const runtime = { severity: 'general', policy: { repairAcceptanceDays: 5, repairDecisionDays: 15 } } as unknown as CaseRuntime;

const text = (data: Record<string, unknown>) => JSON.stringify(fill(templateFor('repair-notice'), {
  settings, subject: SUBJECTS.institution, case: caseFacts, data: new DataReader(data), today: '2026-12-01',
}, { docNo: '连区教信修告〔2026〕1号', issuedOn: '2026-12-01', draft: false, replaces: null, verification: null }).content);

describe('the repair notice the workflow issues', () => {
  it.each([
    ['with the decision', decisionWithRepairNotice(runtime, [], '连区教信告〔2026〕1号')],
    ['with the listing decision', listingDecisionWithRepairNotice(runtime, { noticeDocNo: '连区教名告〔2026〕1号', basis: '依据', listUntil: '2029-10-09', statement: null })],
  ])('states the periods of the case\'s policy, not the template defaults (%s)', (_when, requests) => {
    const notice = requests.find((r) => r.kind === 'repair-notice')!;
    const said = text(notice.data);
    expect(said).toContain('本局自收到申请之日起5个工作日内决定是否受理，自受理之日起15个工作日内作出');
    expect(said).not.toContain('3个工作日内决定是否受理');
  });
});
