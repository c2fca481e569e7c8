import type { CaseStage, InstitutionDeadlineKind, TaskKind } from '../../workflows/contracts';
import { waitingForText } from '../../workflows/labels';

/**
 * One round trip for the case page: the case row with its tasks, events, institution deadlines and interviews as
 * JSON arrays. JSON carries timestamps as text in the session's zone; `isoTime` gives them the API's usual form.
 */
export const CASE_VIEW_SQL = `
  SELECT c.case_no AS "caseNo", c.uscc, i.name AS "institutionName", c.behaviour_code AS "behaviourCode",
         c.severity, c.stage, c.facts, c.source, c.office_code AS "officeCode", c.policy_version AS "policyVersion",
         c.registered_at AS "registeredAt", to_char(c.decision_date, 'YYYY-MM-DD') AS "decisionDate", c.closed_at AS "closedAt",
         to_char(c.repairable_from, 'YYYY-MM-DD') AS "repairableFrom", to_char(c.publicity_until, 'YYYY-MM-DD') AS "publicityUntil",
         c.blocked_reason AS "blockedReason", c.blocked_at AS "blockedAt",
         (SELECT coalesce(json_agg(t ORDER BY t."createdAt", t.id), '[]') FROM (
            SELECT id, kind, stage, status, candidate_role AS "candidateRole", candidate_office AS "candidateOffice",
                   assignee_id AS "assigneeId", to_char(due_date, 'YYYY-MM-DD') AS "dueDate", overdue,
                   created_at AS "createdAt", completed_at AS "completedAt"
              FROM tasks WHERE case_no = c.case_no) t) AS tasks,
         (SELECT coalesce(json_agg(e ORDER BY e.id), '[]') FROM (
            SELECT id, type, stage_from AS "from", stage_to AS "to", actor_id AS "actorId", actor_role AS "actorRole",
                   reason, payload, occurred_at AS "occurredAt"
              FROM case_events WHERE case_no = c.case_no) e) AS history,
         (SELECT coalesce(json_agg(d ORDER BY d."openedAt", d.id), '[]') FROM (
            SELECT id, kind, round, due_date::text AS "dueDate", provisional, status, closed_at AS "closedAt", opened_at AS "openedAt"
              FROM institution_deadlines WHERE case_no = c.case_no) d) AS "institutionDeadlines",
         (SELECT coalesce(json_agg(v ORDER BY v.round), '[]') FROM (
            SELECT id, kind, round, scheduled_at AS "scheduledAt", place, planned_attendees AS "plannedAttendees", attendees,
                   minutes, outcome, held_at AS "heldAt", status
              FROM interviews WHERE case_no = c.case_no) v) AS interviews
    FROM cases c JOIN institutions i ON i.id = c.institution_id
   WHERE c.case_no = $1`;

export interface CaseViewRow {
  caseNo: string; uscc: string; stage: CaseStage; repairableFrom: string | null; publicityUntil: string | null;
  tasks: { id: string; kind: TaskKind; status: string; dueDate: string; createdAt: string; completedAt: string | null }[];
  history: { id: string; occurredAt: string }[];
  institutionDeadlines: { id: string; kind: InstitutionDeadlineKind; status: string; dueDate: string; provisional: boolean; closedAt: string | null; openedAt?: string; workingDaysLeft?: number | null }[];
  interviews: { scheduledAt: string | null; heldAt: string | null }[];
}

export const isoTime = (t: string | null): string | null => (t === null ? null : new Date(t).toISOString());

/** What a listed case waits for: its open task kinds and its latest open institution deadline, per row. */
export const WAITING_COLUMNS = `
  c.repairable_from::text AS "repairableFrom", c.publicity_until::text AS "publicityUntil",
  ARRAY(SELECT t.kind FROM tasks t WHERE t.case_no = c.case_no AND t.status IN ('open', 'claimed') ORDER BY t.created_at) AS "openTaskKinds",
  (SELECT json_build_object('kind', d.kind, 'dueDate', d.due_date::text) FROM institution_deadlines d
    WHERE d.case_no = c.case_no AND d.status = 'open' ORDER BY d.opened_at DESC, d.id DESC LIMIT 1) AS "institutionDeadline"`;

export interface CaseListRow {
  stage: CaseStage; openTaskKinds: TaskKind[]; institutionDeadline: { kind: InstitutionDeadlineKind; dueDate: string } | null;
  repairableFrom: string | null; publicityUntil: string | null;
}

/** The list's 等待 column in the same words as the case page (workflows/labels.ts waitingForText). */
export function withWaitingFor<T extends CaseListRow>(row: T) {
  const { openTaskKinds, institutionDeadline, repairableFrom, publicityUntil, ...rest } = row;
  const closed = row.stage === 'CLOSED' || row.stage === 'WITHDRAWN';
  return { ...rest, waitingFor: closed ? null : waitingForText({ stage: row.stage, openTaskKinds, institutionDeadline, repairableFrom, publicityUntil }) };
}
