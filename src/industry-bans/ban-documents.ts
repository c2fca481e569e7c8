import type { EntityManager } from 'typeorm';
import type { DocumentKind } from '../documents/document-kinds';
import type { DocumentsService } from '../documents/documents.service';

export interface IssuedBanDocument {
  documentId: string;
  docNo: string;
}

/**
 * Issues one of the procedure's documents (事先告知书, 听证通知书, 听证笔录, 行政处罚决定书) through the documents engine,
 * in the step's transaction, once per proposal and kind (`ban-<id>:<kind>`). The engine's subject is an institution,
 * so a person named with no institution gets no document here yet (paper only): null.
 * Served on paper (`serve: false`): the addressee is the person, not the institution's portal; the officer records
 * the service date with the step that follows.
 */
export async function issueBanDocument(docs: DocumentsService, m: EntityManager, proposalId: string, kind: DocumentKind,
  data: Record<string, unknown>, actorId: string): Promise<IssuedBanDocument | null> {
  const [p] = await m.query(
    `SELECT p.uscc, p.person_name AS "personName", p.facts, p.period_years AS "periodYears", c.legal_basis AS "legalBasis"
       FROM ban_proposals p JOIN measure_catalogue c ON c.id = p.measure_id WHERE p.id = $1`, [proposalId]);
  if (!p?.uscc) return null;
  const { uscc, ...common } = p;
  const doc = await docs.issue({ kind, uscc, data: { ...common, ...data }, idempotencyKey: `ban-${proposalId}:${kind}`, actorId, serve: false }, m);
  return { documentId: doc.id, docNo: doc.docNo };
}
