/** The documents (文书) a case issues at its steps and their service (送达), as the workflow and its activities see them. */
import type { Actor } from './case';
import type { Carried } from './activities';

/** The kinds a case issues (src/documents/document-kinds.ts has all kinds; the 送达回证 is issued by service itself). */
export type CaseDocumentKind =
  | 'notice-of-determination' | 'objection-result' | 'determination-decision' | 'repair-notice' | 'rectification-order'
  | 'interview-notice' | 'interview-record' | 'sanction-letter' | 'sanction-lifting-letter' | 'repair-decision'
  | 'listing-notice' | 'listing-decision';

/** One document of a step: its kind, the round it belongs to (the idempotency key's third part) and its template data. */
export interface DocumentRequest {
  kind: CaseDocumentKind;
  /** Rectification round, interview round, department index…: `${caseNo}:${kind}:${round}` issues it once. */
  round: number;
  data: Record<string, unknown>;
  /** Date fields the activity fills with the Beijing date of an instant (the workflow has no calendar). */
  dates?: Record<string, number>;
}

/** The documents of one step, issued in one transaction with the writes the workflow queued before it. */
export interface IssueDocumentsInput extends Carried {
  caseNo: string;
  /** The step's instant: a document served electronically is served on its day (民事诉讼法 art. 90, on arrival). */
  fromMs: number;
  documents: DocumentRequest[];
}

export interface IssuedCaseDocument {
  id: string;
  kind: CaseDocumentKind;
  docNo: string;
  title: string;
  /** Addressed to the institution, so served on it; a letter to a member department is not. */
  toSubject: boolean;
  /** The service day when served electronically on issue; null while it waits for service on paper. */
  servedOn: string | null;
}

/** The officer recorded the service of a document (POST /api/documents/:id/service); its deadlines run from servedOn. */
export interface DocumentServed {
  documentId: string;
  servedOn: string;
  method: string;
  actor: Actor | null;
}

/** The findings of a determination (the investigating officer's summary) and who drafted them. */
export interface DeterminationTextInput {
  caseNo: string;
  findings: string;
  drafterId: string | null;
}
