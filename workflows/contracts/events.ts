/**
 * Every type of `case_events` row, whoever writes it (the workflow's queued writes, the activities, the platform's
 * inbound feed). `workflows/labels.ts` names each one; a type added here without a label fails to compile.
 */
/**
 * PUBLICATION_ENDED_UNRECTIFIED: the maximum period ran out while rectification was never passed (36号令 leaves the
 * subject to the sector's rules: graded C at best and on the early-warning list, docs/credit-grading.md).
 * REVOKED: a 行政复议 or 行政诉讼 revoked the case's decision (行政处罚法 art. 48; src/remedies).
 */
export const CLOSE_OUTCOMES = ['NOT_DETERMINED', 'PUBLICATION_ENDED', 'PUBLICATION_ENDED_UNRECTIFIED', 'REPAIRED', 'REVOKED'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const CASE_EVENT_TYPES = [
  'REGISTERED', 'INVESTIGATION_STARTED', 'DETERMINATION_PROPOSED', 'DETERMINATION_RETURNED', 'NOTICE_SERVED',
  'OBJECTION_RECEIVED', 'OBJECTION_UPHELD', 'OBJECTION_REJECTED', 'RECTIFICATION_ORDERED', 'RECTIFICATION_EXTENDED',
  'RECTIFICATION_REPORTED', 'RECTIFICATION_PASSED', 'RECTIFICATION_FAILED', 'INTERVIEW_REQUIRED', 'JOINT_SANCTION_PROPOSED',
  'JOINT_SANCTION_ACK', 'PUBLICITY_STARTED', 'REPAIR_APPLIED', 'REPAIR_REFUSED', 'CLOSED_NOT_DETERMINED',
  'CLOSED_PUBLICATION_ENDED', 'CLOSED_REPAIRED', 'WITHDRAWN', 'CASE_CORRECTED', 'TASK_CLAIMED', 'TASK_UNCLAIMED',
  'TASK_REASSIGNED', 'TASK_COMPLETED', 'TASK_OVERDUE', 'DEADLINE_MISSED', 'CASE_BLOCKED', 'CASE_RESUMED', 'RECTIFICATION_UNRESOLVED',
  'LISTING_CONSIDERED', 'LISTING_PROPOSED', 'STATEMENT_RECEIVED', 'LISTED', 'NOT_LISTED', 'REFUSAL_CASE_OPENED',
  'DEADLINE_RECOMPUTED', 'CLOSED_PUBLICATION_ENDED_UNRECTIFIED', 'CLOSED_REVOKED',
  'INTERVIEW_PROPOSED', 'INTERVIEW_AGREED', 'INTERVIEW_PROPOSAL_RETURNED',
  // the policy version the determination applies and why (行政处罚法 art. 37, 从旧兼从轻)
  'POLICY_APPLIED',
] as const satisfies readonly string[];
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** The event that closes a case with this outcome. */
export const closingEvent = (outcome: CloseOutcome): CaseEventType => `CLOSED_${outcome}`;
