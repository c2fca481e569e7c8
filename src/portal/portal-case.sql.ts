import { DEADLINE_DOCUMENT_LATERAL } from '../documents/deadline-documents.sql';

/**
 * The documents of case `c` served on its institution by today (brief §7: a document reaches the institution when
 * it is served — electronically when it arrives, on paper when the service is recorded, 公告送达 30 days after the
 * announcement); issued and never served is not yet addressed to it. Alias `sd`, with its service `sv`.
 */
const SERVED = `
  documents sd JOIN document_services sv ON sv.document_id = sd.id
   WHERE sd.case_no = c.case_no AND sd.uscc = c.uscc AND sd.to_subject AND sd.status = 'issued'
     AND sv.served_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The institution's page of its own cases in one statement ($1: one case number, or null for all; $2: its USCC).
 * An institution sees a case only from the first document served on it: before that the case does not exist for it
 * (same answer as another institution's case). It names its columns one by one on purpose: what is not listed here
 * cannot reach an institution — no staff user ids (tasks, events' actors), no lead `source`, no registered `facts` (a
 * lead's text can name the complainant), no event reasons or payloads (the officer's reasoning, the approver's
 * opinion), no interview minutes or attendees' names, no severity but the one its served documents state, and no
 * registration instant (when the bureau began looking at it): the case starts for it on the day of the first service.
 * Milestones are changes of stage only — an event that leaves the stage where it was (the policy version applied, a
 * rectification left unresolved, a refusal case opened) is the bureau's own record, served on no one — carrying the
 * stages, the instant and its day, and are filtered and dated further in portal-stages.ts (the instant never reaches
 * the institution); the deadlines carry the document that set each (brief §7: the period runs from service); an
 * interview shows once its notice is served.
 */
export const PORTAL_CASE_SQL = `
  SELECT c.case_no AS "caseNo", c.uscc, i.name AS "institutionName", c.behaviour_code AS "behaviourCode",
         ci.title AS "behaviourTitle", c.stage, (SELECT min(sv.served_on)::text FROM ${SERVED}) AS "firstServedOn",
         to_char(c.decision_date, 'YYYY-MM-DD') AS "decisionDate", c.closed_at AS "closedAt", c.outcome,
         to_char(c.repairable_from, 'YYYY-MM-DD') AS "repairableFrom", to_char(c.publicity_until, 'YYYY-MM-DD') AS "publicityUntil",
         ARRAY(SELECT t.kind FROM tasks t WHERE t.case_no = c.case_no AND t.status IN ('open', 'claimed')) AS "openTaskKinds",
         (SELECT coalesce(json_agg(s ORDER BY s."servedOn", s."issuedAt"), '[]') FROM (
            SELECT sd.kind, sd.issued_at AS "issuedAt", sv.served_on::text AS "servedOn",
                   coalesce(sd.input->'data'->>'severity', CASE WHEN sd.kind IN ('notice-of-determination', 'determination-decision', 'repair-notice')
                                                                THEN sd.input->'case'->>'severity' END) AS severity
              FROM ${SERVED}) s) AS served,
         (SELECT coalesce(json_agg(e ORDER BY e.id), '[]') FROM (
            SELECT id, stage_to AS "stage", occurred_at AS "occurredAt", (occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "occurredOn"
              FROM case_events WHERE case_no = c.case_no AND stage_to IS NOT NULL AND stage_to IS DISTINCT FROM stage_from) e) AS milestones,
         (SELECT coalesce(json_agg(d ORDER BY d."openedAt", d.id), '[]') FROM (
            SELECT d.id, d.kind, d.round, d.due_date::text AS "dueDate", d.provisional, d.status, d.closed_at AS "closedAt", d.opened_at AS "openedAt",
                   sd.doc_no AS "documentNo", sd.title AS "documentTitle", sd.served_on AS "servedOn"
              FROM institution_deadlines d ${DEADLINE_DOCUMENT_LATERAL} WHERE d.case_no = c.case_no) d) AS deadlines,
         (SELECT coalesce(json_agg(v ORDER BY v.round), '[]') FROM (
            SELECT v.kind, v.round, v.scheduled_at AS "scheduledAt", v.place, v.status, v.held_at AS "heldAt"
              FROM interviews v
             WHERE v.case_no = c.case_no
               AND EXISTS (SELECT 1 FROM ${SERVED} AND sd.idempotency_key = c.case_no || ':interview-notice:' || v.round)) v) AS interviews,
         (SELECT json_build_object('version', t.version, 'fields', t.fields, 'hash', t.hash, 'approvedAt', t.approved_at)
            FROM public_texts t WHERE t.record_ref = c.case_no || ':determination' AND t.status = 'approved'
           ORDER BY t.version DESC LIMIT 1) AS "publicText"
    FROM cases c JOIN institutions i ON i.id = c.institution_id
    JOIN catalogue_items ci ON ci.version = c.catalogue_version AND ci.code = c.behaviour_code
   WHERE ($1::text IS NULL OR c.case_no = $1) AND c.uscc = $2 AND EXISTS (SELECT 1 FROM ${SERVED})
   ORDER BY "firstServedOn" DESC, c.case_no DESC`;

export interface ServedDocumentRow { kind: string; issuedAt: string; servedOn: string; severity: string | null }

export interface PortalCaseRow {
  caseNo: string; uscc: string; institutionName: string; behaviourCode: string; behaviourTitle: string;
  stage: string; firstServedOn: string; decisionDate: string | null; closedAt: Date | null; outcome: string | null;
  repairableFrom: string | null; publicityUntil: string | null; openTaskKinds: string[];
  served: ServedDocumentRow[];
  milestones: { id: string; stage: string; occurredAt: string; occurredOn: string }[];
  deadlines: {
    id: string; kind: string; round: number; dueDate: string; provisional: boolean; status: string; closedAt: string | null; openedAt: string;
    documentNo: string | null; documentTitle: string | null; servedOn: string | null;
  }[];
  interviews: { kind: string; round: number; scheduledAt: string | null; place: string | null; status: string; heldAt: string | null }[];
  publicText: { version: number; fields: Record<string, string>; hash: string; approvedAt: string } | null;
}
