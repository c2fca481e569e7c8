import type { CaseDocumentsService } from '../src/documents/case-documents.service';
import type * as C from '../workflows/contracts';
import type { CaseClock } from './case-clock';

/** The case's documents (文书): issued at their step, served electronically where the institution consented. */
export function createDocumentActivities(documents: CaseDocumentsService, clock: CaseClock) {
  return {
    /**
     * Issues the step's documents with the queued writes. A document served electronically was served when it
     * arrived in the portal, i.e. on the day of this step (民事诉讼法 art. 90; 行政处罚法 art. 61 needs the consent the
     * engine checked): its deadlines run from the day after (民法典 art. 201).
     */
    async issueDocuments(a: C.IssueDocumentsInput): Promise<C.IssuedCaseDocument[]> {
      const requests = a.documents.map(({ dates, ...r }) => ({
        ...r, data: { ...r.data, ...Object.fromEntries(Object.entries(dates ?? {}).map(([field, ms]) => [field, clock.dateOf(ms)])) },
      }));
      const issued = await documents.issue(a.caseNo, requests, a.writes);
      return issued.map(({ electronic, ...d }) => ({ ...d, servedOn: electronic ? clock.dateOf(a.fromMs) : null }));
    },

    /** Drafts the determination's public text from the findings, for an approver to sign off before it is shown. */
    async draftDeterminationText(a: C.DeterminationTextInput): Promise<boolean> {
      return documents.draftDeterminationText(a);
    },
  };
}
