/**
 * What each step's document says, from the case's own data (docs/documents.md lists every kind's fields). Pure
 * functions: safe in workflow code. Dates the workflow only knows as instants go in `dates` (the activity converts).
 */
import type { CaseRuntime } from './case-runtime';
import type * as C from './contracts';

/** The measures a determination announces when the investigating officer listed none (by severity, brief §3). */
export function measuresOf(severity: C.Severity, listed: string[] | undefined): string[] {
  if (listed?.length) return listed;
  // a minor determination is recorded in the credit file, not published (publicity-periods.ts, classification.ts)
  if (severity === 'minor') return ['记入信用档案'];
  return ['记入信用档案并依法公示', '列为重点监管对象，提高抽查比例'];
}

export const RECTIFICATION_REQUIREMENTS = '立即停止并改正上述违规行为，整改完成后通过机构门户报送整改报告及证明材料。';

export const notice = (c: CaseRuntime, measures: string[]): C.DocumentRequest => ({
  kind: 'notice-of-determination', round: 0, data: { measures, objectionDays: c.policy.objectionDays, severity: c.severity },
});

export const objectionResult = (outcome: 'upheld' | 'partly' | 'rejected', reasons: string, receivedAtMs: number): C.DocumentRequest => ({
  kind: 'objection-result', round: 0, data: { outcome, reasons }, dates: { objectionReceivedOn: receivedAtMs },
});

/** The repair notice states the periods of the case's own policy, not the template's defaults (3 and 10 working days). */
const repairNoticeData = (c: CaseRuntime) => ({
  severity: c.severity, acceptanceDays: c.policy.repairAcceptanceDays, decisionDays: c.policy.repairDecisionDays,
});

/** The decision and its repair notice, issued together (两书同达, 国办发〔2025〕22号). */
export const decisionWithRepairNotice = (c: CaseRuntime, measures: string[], noticeDocNo: string): C.DocumentRequest[] => [
  { kind: 'determination-decision', round: 0, data: { measures, rectificationRequirements: RECTIFICATION_REQUIREMENTS, noticeDocNo, severity: c.severity } },
  { kind: 'repair-notice', round: 0, data: repairNoticeData(c) },
];

export const rectificationOrder = (round: number, span: { calendarDays?: number; workingDays?: number }): C.DocumentRequest => ({
  kind: 'rectification-order', round,
  data: {
    requirements: RECTIFICATION_REQUIREMENTS, round: round + 1,
    rectificationDays: span.calendarDays ?? span.workingDays, periodUnit: span.calendarDays === undefined ? 'working' : 'calendar',
  },
});

export const interviewNotice = (kind: C.InterviewKind, round: number, plan: C.TaskOutcome): C.DocumentRequest => ({
  kind: 'interview-notice', round, data: { interviewKind: kind, scheduledAt: plan.scheduledAt, place: plan.place, attendees: plan.attendees?.join('、') },
});

/** 约谈记录: held at the time and place planned; the interviewers sign on paper (the workflow knows their ids only). */
export const interviewRecord = (kind: C.InterviewKind, round: number, plan: C.TaskOutcome, held: C.TaskOutcome): C.DocumentRequest => ({
  kind: 'interview-record', round,
  data: {
    interviewKind: kind, heldAt: plan.scheduledAt, place: plan.place, interviewers: ['本局承办人员'], attendees: held.attendees,
    minutes: held.minutes, outcome: held.summary,
  },
});

/** One 联合惩戒函 per member department, naming the catalogue measures (with their basis) it is asked to apply. */
export const sanctionLetters = (letters: Array<{ department: string; measures: string[] }>, decisionDocNo: string): C.DocumentRequest[] =>
  letters.map(({ department, measures }, i) => ({ kind: 'sanction-letter', round: i, data: { department, decisionDocNo, measures } }));

/** 列入严重失信主体名单告知书: the period for 陈述申辩 runs from the day after it is served. */
export const listingNotice = (statementDays: number, decisionDocNo: string, basis: string): C.DocumentRequest => ({
  kind: 'listing-notice', round: 0, data: { statementDays, decisionDocNo, basis },
});

/** The listing decision and a repair notice, served together (两书同达, 国办发〔2025〕22号). */
export const listingDecisionWithRepairNotice = (
  c: CaseRuntime, d: { noticeDocNo: string; basis: string; listUntil: string; statement: string | null },
): C.DocumentRequest[] => [
  {
    kind: 'listing-decision', round: 0,
    data: {
      noticeDocNo: d.noticeDocNo, basis: d.basis, listUntil: d.listUntil,
      statement: d.statement ? '你单位在规定期限内提出了陈述、申辩，本局已对其事实、理由和证据进行复核' : '你单位在规定期限内未提出陈述、申辩',
    },
  },
  { kind: 'repair-notice', round: 1, data: repairNoticeData(c) },
];

export const repairDecision = (attempt: number, approved: boolean, reasons: string, receivedAtMs: number): C.DocumentRequest => ({
  kind: 'repair-decision', round: attempt, data: approved ? { approved } : { approved, reasons }, dates: { applicationReceivedOn: receivedAtMs },
});
