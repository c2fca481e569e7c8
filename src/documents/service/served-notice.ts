import type { EntityManager } from 'typeorm';
import type { NotificationsService } from '../../notifications/notifications.service';
import type { DocumentRow } from '../documents.repository';

/**
 * Tells the institution's accounts that a document has been served on it, in the transaction that records the
 * service: its inbox learns of a step (a decision, an interview) only when the document that takes it reaches it,
 * never when the bureau decides internally (brief §7; issue #18). A natural person has no account: nothing to tell.
 */
export async function tellServed(notifications: NotificationsService, m: EntityManager, doc: DocumentRow, servedOn: string): Promise<void> {
  if (!doc.uscc) return;
  await notifications.notify(m, {
    uscc: doc.uscc, template: 'document_served', idempotencyKey: `document:${doc.id}:served`,
    data: { institutionName: doc.addresseeName, title: doc.title, docNo: doc.docNo, servedOn, caseNo: doc.caseNo ?? '' },
  });
}
