/**
 * A case's findings (认定事实) as the approver approved them: the investigating officer's account in the last
 * DETERMINATION_PROPOSED event (a returned proposal is followed by a new one; none follows the approval). What the
 * institution is told, what is shared and what is published rest on these, never on `cases.facts`, which is the
 * lead as registered (a complainant's words). Null before a proposal exists.
 */
export const findingsOf = (caseAlias: string) => `(
  SELECT e.reason FROM case_events e
   WHERE e.case_no = ${caseAlias}.case_no AND e.type = 'DETERMINATION_PROPOSED'
   ORDER BY e.id DESC LIMIT 1)`;
