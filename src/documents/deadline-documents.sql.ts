/**
 * The document that set an institution's deadline, as a LATERAL subquery over `institution_deadlines d`: the
 * objection period is set by the 失信行为认定告知书, the statement period by the 列入严重失信主体名单告知书, each rectification
 * round's by its 责令限期整改通知书, all issued
 * by the case workflow under the key `${caseNo}:${kind}:${round}` (src/documents/case-documents.service.ts). The
 * period runs from the day after `served_on` (brief §7). Null for deadlines opened before documents existed.
 */
export const DEADLINE_DOCUMENT_LATERAL = `
  LEFT JOIN LATERAL (
    SELECT doc.doc_no, doc.title, s.served_on::text AS served_on
      FROM documents doc LEFT JOIN document_services s ON s.document_id = doc.id
     WHERE doc.idempotency_key = d.case_no || ':' ||
           CASE d.kind WHEN 'objection' THEN 'notice-of-determination:0' WHEN 'statement' THEN 'listing-notice:0'
                       ELSE 'rectification-order:' || d.round END
  ) sd ON true`;
