import type { Classification } from './classification';
import { CLASS_LABELS } from './classification';
import type { PublicTextView } from './public-text.service';
import { shanghaiToday } from '../credit-file/credit-status';
import type { Severity } from '../../workflows/contracts';

export type PublicityKind = 'licence' | 'penalty';
/** pending: waiting for its public text's sign-off or for someone to publish it; recorded: 轻微, filed but never published. */
export type DecisionStatus = 'pending' | 'published' | 'recorded';

export const STATUS_LABELS: Record<DecisionStatus, string> = { pending: '待公示', published: '已公示', recorded: '不予公示（轻微失信）' };

export interface PublicityDecisionView {
  id: string;
  kind: PublicityKind;
  /** Null for a natural person's decision, which names `subjectId` (issue #19). */
  uscc: string | null;
  subjectId: string | null;
  officeCode: string | null;
  documentNo: string;
  decisionDate: string;
  dueDate: string;
  status: DecisionStatus;
  statusLabel: string;
  publishedOn: string | null;
  recordId: string | null;
  late: boolean;
  procedure: 'simple' | 'general' | null;
  classification: (Classification & { classLabel: string }) | null;
  /** Whether the decision is (to be) published at all: false for a minor record nobody found necessary to publish. */
  publish: boolean;
  publicityUntil: string | null;
  repairableFrom: string | null;
  minorPublicationReason: string | null;
  /** The latest version of its public text: what the approver signs off, and then what the public reads. */
  publicText: PublicTextView | null;
}

export const DECISION_COLUMNS = `id, kind, uscc, office_code AS "officeCode", document_no AS "documentNo",
  decision_date::text AS "decisionDate", due_date::text AS "dueDate", status, published_on::text AS "publishedOn",
  record_id AS "recordId", severity, publicity_until::text AS "publicityUntil", repairable_from::text AS "repairableFrom",
  procedure, classification, publication_reason AS "minorPublicationReason", auto_publish AS "autoPublish", fields,
  institution_id AS "institutionId", created_by AS "createdBy", subject_id AS "subjectId"`;

/** A decision as stored: the view's own columns plus what publishing it needs. */
export interface DecisionRow extends Pick<PublicityDecisionView, 'id' | 'kind' | 'uscc' | 'subjectId' | 'officeCode' | 'documentNo'
  | 'decisionDate' | 'dueDate' | 'status' | 'publishedOn' | 'recordId' | 'publicityUntil' | 'repairableFrom' | 'procedure'
  | 'minorPublicationReason'> {
  severity: Severity | null;
  classification: Classification | null;
  autoPublish: boolean;
  fields: Record<string, unknown>;
  institutionId: string | null;
  createdBy: string | null;
}

/** The credit record's source ref of a decision: also the key of its public text. */
export const decisionRef = (kind: PublicityKind, documentNo: string) => `publicity:${kind}:${documentNo}`;

export function decisionView(r: DecisionRow, text: PublicTextView | null): PublicityDecisionView {
  const late = r.status === 'pending' ? shanghaiToday() > r.dueDate : r.status === 'published' && (r.publishedOn ?? '') > r.dueDate;
  return {
    id: r.id, kind: r.kind, uscc: r.uscc, subjectId: r.subjectId ?? null, officeCode: r.officeCode, documentNo: r.documentNo, decisionDate: r.decisionDate,
    dueDate: r.dueDate, status: r.status, statusLabel: STATUS_LABELS[r.status], publishedOn: r.publishedOn, recordId: r.recordId,
    late, procedure: r.procedure,
    classification: r.classification ? { ...r.classification, classLabel: CLASS_LABELS[r.classification.class] } : null,
    publish: r.status !== 'recorded', publicityUntil: r.publicityUntil, repairableFrom: r.repairableFrom,
    minorPublicationReason: r.minorPublicationReason, publicText: text,
  };
}
