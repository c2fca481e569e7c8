import { allHandlersFinished, CancellationScope, condition, isCancellation, ParentClosePolicy, startChild } from '@temporalio/workflow';
import * as D from './case-documents';
import { acts, CaseRuntime, now, untilMs } from './case-runtime';
import {
  CaseCorrection, CaseInput, CaseSnapshot, closingEvent, CloseOutcome, DecisionRevoked, InterviewKind, ListEntry, SEVERITY_RANK, TaskOutcome,
} from './contracts';
import { issueAndServe, issueDocuments, servedAll } from './runtime/documents';

/**
 * One dishonesty case from lead to repair (brief §3, steps 1–10). Every date comes from an activity that
 * reads the official calendar; the workflow only waits. Cases finish under the policy version they pinned, except
 * that the determination applies a lighter version published since (行政处罚法 art. 37).
 * Words such as "rest", "carrying" and "blocked" are explained in case-runtime.ts.
 */
export async function dishonestyCaseWorkflow(input: CaseInput): Promise<CaseSnapshot> {
  const c = new CaseRuntime(input);
  c.policy = await c.step(() => acts.registerCase(input));
  try {
    await c.main.run(() => lifecycle(c));
  } catch (err) {
    if (!isCancellation(err) || !(c.withdrawal || c.revocation)) throw err;
    // Withdrawal or revocation: compensate outside the cancelled scope so the records are written whatever was running.
    await CancellationScope.nonCancellable(() => (c.withdrawal ? withdrawn(c, c.withdrawal) : revoked(c, c.revocation!)));
  }
  c.rest();
  await condition(allHandlersFinished);
  return c.snapshot();
}

async function withdrawn(c: CaseRuntime, { actor, reason }: CaseCorrection): Promise<void> {
  c.writes.transition(c.stage, 'WITHDRAWN', 'WITHDRAWN', { reason, actor });
  await c.carrying((writes) => acts.withdrawCase({ caseNo: c.input.caseNo, actor, reason, fromMs: now(), writes }));
  stopped(c, 'WITHDRAWN', 'WITHDRAWN');
}

/** 行政处罚法 art. 48: the remedy's decision ended the effects and withdrew the publication; the case's work stops. */
async function revoked(c: CaseRuntime, r: DecisionRevoked): Promise<void> {
  c.writes.transition(c.stage, 'CLOSED', closingEvent('REVOKED'), {
    reason: r.reason, actor: r.actor, payload: { remedyId: r.remedyId, body: r.body, remedyCaseNo: r.remedyCaseNo },
  });
  await c.carrying((writes) => acts.closeRevokedCase({ caseNo: c.input.caseNo, writes }));
  stopped(c, 'REVOKED', 'CLOSED');
}

function stopped(c: CaseRuntime, outcome: 'WITHDRAWN' | 'REVOKED', stage: 'WITHDRAWN' | 'CLOSED'): void {
  c.tasks.clear();
  c.institutionDeadline = null;
  c.blocked = null;
  c.outcome = outcome;
  c.stage = stage;
}

async function lifecycle(c: CaseRuntime): Promise<void> {
  const p = c.policy;
  // 1–2. investigation and proposed determination, until the approver agrees
  let returnedBecause: string | undefined;
  let proposal: TaskOutcome;
  for (;;) {
    c.moveTo('INVESTIGATION', returnedBecause ? 'DETERMINATION_RETURNED' : 'INVESTIGATION_STARTED', { reason: returnedBecause });
    proposal = await c.task('investigate', 'officer', p.investigationDays);
    c.severity = proposal.severity ?? c.severity;
    c.moveTo('APPROVAL', 'DETERMINATION_PROPOSED', { reason: proposal.summary, payload: { severity: c.severity, measures: proposal.measures ?? [] } });
    const review = await c.task('approve-determination', 'approver', p.approvalDays);
    if (review.decision === 'approve') break;
    returnedBecause = review.summary;
  }

  // 3–4. notice (失信行为认定告知书), objection window from its service, objection review and its result
  c.moveTo('OBJECTION_WINDOW', 'NOTICE_SERVED', { payload: { severity: c.severity } });
  const notified = await issueAndServe(c, [D.notice(c, D.measuresOf(c.severity, proposal.measures))]);
  const objection = await c.institutionAnswer('objection', 0, { workingDays: p.objectionDays, fromDate: notified.servedOn }, notified.setBy);
  if (objection) {
    c.moveTo('OBJECTION_REVIEW', 'OBJECTION_RECEIVED', { reason: objection.text, actor: objection.actor });
    await c.task('review-objection', 'officer', p.objectionReviewDays);
    const decision = await c.task('decide-objection', 'approver', p.approvalDays);
    const lowered = decision.severity && SEVERITY_RANK[decision.severity] < SEVERITY_RANK[c.severity] ? decision.severity : null;
    const outcome = decision.decision !== 'upheld' ? 'rejected' : lowered ? 'partly' : 'upheld';
    if (outcome !== 'upheld') {
      if (lowered) c.severity = lowered;
      c.moveTo('OBJECTION_REVIEW', outcome === 'partly' ? 'OBJECTION_UPHELD' : 'OBJECTION_REJECTED', { reason: decision.summary, payload: { severity: c.severity } });
    }
    await issueAndServe(c, [D.objectionResult(outcome, decision.summary, objection.at)]);
    if (outcome === 'upheld') return close(c, 'NOT_DETERMINED', decision.summary);
  }

  // 5. determination: decision date, credit record, publication, platform submission; the decision and the repair
  // notice served together (两书同达)
  // 行政处罚法 art. 37 (从旧兼从轻): a version published since registration and lighter for this class applies instead
  // of the pinned one; its publicity window fixes the periods (procedural periods stay the pinned version's)
  const measures = D.measuresOf(c.severity, proposal.measures);
  const decidedAtMs = now();
  const applied = await c.step(() => acts.policyForDetermination({ caseNo: c.input.caseNo, pinnedVersion: c.input.policyVersion, severity: c.severity, fromMs: decidedAtMs }));
  c.moveTo(c.stage, 'POLICY_APPLIED', { reason: applied.reason, payload: { policyVersion: applied.version, pinnedVersion: applied.pinnedVersion, lighter: applied.lighter } });
  const det = await c.carrying((writes) => acts.determine({
    caseNo: c.input.caseNo, uscc: c.input.uscc, severity: c.severity, fromMs: decidedAtMs, policyVersion: applied.version, writes,
  }));
  c.decisionDate = det.decisionDate;
  c.repairableFrom = det.repairableFrom;
  c.repairableAtMs = det.repairableAtMs;
  c.publicityUntil = det.publicityUntil;
  if (det.publicityUntil) {
    // the findings reach the public only as a public text an approver signed off (a minor record is not published)
    await c.step(() => acts.draftDeterminationText({ caseNo: c.input.caseNo, findings: proposal.summary, drafterId: c.completedBy.get('investigate')?.id ?? null }));
  }
  const decided = await issueAndServe(c, D.decisionWithRepairNotice(c, measures, notified.docs[0].docNo));
  const decisionDocNo = decided.docs[0].docNo;

  // 8 (serious). the serious-dishonesty list is a decision of its own (proposal, notice, statement, legal review, the
  // head's decision); joint sanction follows only from a list entry
  if (c.severity === 'serious') {
    const entry = await seriousList(c, decisionDocNo);
    if (entry) await sanction(c, entry, decisionDocNo);
  }

  // 6–7. rectification, then interviews by choice with new deadlines. A case still not rectified is recorded as
  // such and stays under heightened supervision; refusing to rectify after an interview is its own catalogue item
  // (EDU-010) and opens its own case (brief §3 step 8): it never turns this case into a joint sanction.
  const rectified = await rectification(c);
  if (rectified !== 'passed') {
    c.moveTo(c.stage, 'RECTIFICATION_UNRESOLVED', { payload: { heightenedSupervision: true, severity: c.severity, interviewed: rectified === 'refused' } });
    if (rectified === 'refused') await openRefusalCase(c);
  }

  // 9–10. publicity period and credit repair
  await publicityAndRepair(c, det.publicityEndsAtMs, rectified === 'passed');
}

/**
 * 严重失信主体名单 (国办发〔2020〕49号): the officer proposes with the basis → 列入告知书 served, with a period for 陈述申辩
 * from the day after service → 法制审核 (role legal) → the head's decision (role head) → 列入决定书 served with the
 * repair notice (两书同达) → the entry, a credit measure of the determination from the day the decision was served
 * to its term. Null: not listed.
 */
async function seriousList(c: CaseRuntime, decisionDocNo: string): Promise<ListEntry | null> {
  const p = c.policy;
  c.moveTo('SERIOUS_LIST', 'LISTING_CONSIDERED');
  const proposal = await c.task('propose-listing', 'officer', p.approvalDays);
  if (proposal.decision !== 'propose') {
    c.moveTo('SERIOUS_LIST', 'NOT_LISTED', { reason: proposal.summary });
    return null;
  }
  const basis = proposal.basis!;
  c.moveTo('SERIOUS_LIST', 'LISTING_PROPOSED', { reason: proposal.summary, payload: { basis } });
  const noticed = await issueAndServe(c, [D.listingNotice(p.objectionDays, decisionDocNo, basis)]);
  const statement = await c.institutionAnswer('statement', 0, { workingDays: p.objectionDays, fromDate: noticed.servedOn }, noticed.setBy);
  if (statement) c.moveTo('SERIOUS_LIST', 'STATEMENT_RECEIVED', { reason: statement.text, actor: statement.actor });
  const review = await c.task('review-listing', 'legal', p.approvalDays);
  const decision = await c.task('decide-listing', 'head', p.approvalDays);
  if (decision.decision !== 'list') {
    c.moveTo('SERIOUS_LIST', 'NOT_LISTED', { reason: decision.summary, payload: { legalReview: review.decision } });
    return null;
  }
  // the entry is an effect on the institution: it starts from the served 列入决定书 (brief §7), never from the head's
  // click. The decision names the term, read first without writing; nothing is listed while paper service is pending.
  const head = c.completedBy.get('decide-listing')!;
  const { listUntil } = await c.step(() => acts.listTerm({ caseNo: c.input.caseNo }));
  const decided = await issueAndServe(c, D.listingDecisionWithRepairNotice(c, { noticeDocNo: noticed.docs[0].docNo, basis, listUntil, statement: statement?.text ?? null }));
  const entry = await c.step(() => acts.enterList({ caseNo: c.input.caseNo, listedOn: decided.servedOn, listUntil, basis, decidedBy: head.id }));
  c.moveTo('SERIOUS_LIST', 'LISTED', { reason: decision.summary, payload: { listedOn: entry.listedOn, listUntil: entry.listUntil, legalReview: review.decision } });
  return entry;
}

/**
 * Rectification rounds (brief §3 steps 6–7): the order, then after a missed or failed round the officer proposes
 * 提示性约谈 or 警示性约谈 — the plan says "or", not "then" — or none with a reason, the approver agrees, and a new
 * deadline runs. A warning interview is the last one; so is the third round. 'refused': still failing after an
 * interview (EDU-010 "经责令限期改正、约谈后仍拒不整改"); 'unresolved': failing without one, which EDU-010 does not cover.
 */
async function rectification(c: CaseRuntime): Promise<'passed' | 'unresolved' | 'refused'> {
  const p = c.policy;
  let interviewed = false;
  let warned = false;
  let span: { calendarDays?: number; workingDays?: number } = { calendarDays: c.input.rectificationCalendarDays };
  for (let round = 0; round < MAX_RECTIFICATION_ROUNDS && !warned; round++) {
    if (round > 0) {
      const kind = await chooseInterview(c, round);
      if (kind !== 'none') await interview(c, kind, round);
      interviewed ||= kind !== 'none';
      warned = kind === 'warning'; // the last interview: no round follows the one it opens
      span = { workingDays: warned ? p.warningInterviewDays : p.reminderInterviewDays };
    }
    c.moveTo('RECTIFICATION', round === 0 ? 'RECTIFICATION_ORDERED' : 'RECTIFICATION_EXTENDED', { payload: { round } });
    // 责令限期整改通知书: the period runs from the day after it is served
    const ordered = await issueAndServe(c, [D.rectificationOrder(round, span)]);
    const report = await c.institutionAnswer('rectification', round, { ...span, fromDate: ordered.servedOn }, ordered.setBy);
    if (!report) continue; // missed: recorded as overdue on the case, next round
    c.moveTo('RECTIFICATION_REVIEW', 'RECTIFICATION_REPORTED', { reason: report.text, actor: report.actor });
    const check = await c.task('verify-rectification', 'officer', p.rectificationReviewDays);
    c.moveTo('RECTIFICATION_REVIEW', check.decision === 'pass' ? 'RECTIFICATION_PASSED' : 'RECTIFICATION_FAILED', { reason: check.summary });
    if (check.decision === 'pass') return 'passed';
  }
  return interviewed ? 'refused' : 'unresolved';
}

/**
 * The order and at most two further rounds, each after an interview or a reasoned decision to hold none. The plan
 * (seed-plan 三(五)) names two kinds of interview, 提示性约谈 and 警示性约谈, and no more: a round for each, after
 * which failing to rectify is 拒不整改 (EDU-010), a case of its own. Not a policy figure: a third interview has no
 * basis in the plan.
 */
const MAX_RECTIFICATION_ROUNDS = 3;

/** The officer proposes, the approver agrees or returns it with a reason (four eyes: task-rules.ts). */
async function chooseInterview(c: CaseRuntime, round: number): Promise<InterviewKind | 'none'> {
  for (;;) {
    const proposal = await c.task('propose-interview', 'officer', c.policy.interviewScheduleDays);
    const kind = proposal.interviewKind!;
    c.moveTo('RECTIFICATION', 'INTERVIEW_PROPOSED', { reason: proposal.reason ?? proposal.summary, payload: { round, interviewKind: kind } });
    const review = await c.task('approve-interview', 'approver', c.policy.approvalDays);
    if (review.decision === 'agree') {
      c.moveTo('RECTIFICATION', 'INTERVIEW_AGREED', { reason: review.summary, payload: { round, interviewKind: kind } });
      return kind;
    }
    c.moveTo('RECTIFICATION', 'INTERVIEW_PROPOSAL_RETURNED', { reason: review.summary, payload: { round, interviewKind: kind } });
  }
}

async function interview(c: CaseRuntime, kind: InterviewKind, round: number): Promise<void> {
  c.moveTo(kind === 'reminder' ? 'REMINDER_INTERVIEW' : 'WARNING_INTERVIEW', 'INTERVIEW_REQUIRED', { payload: { kind, round } });
  const plan = await c.task('schedule-interview', 'officer', c.policy.interviewScheduleDays);
  await c.flush();
  const { interviewId } = await c.step(() => acts.scheduleInterview({ caseNo: c.input.caseNo, uscc: c.input.uscc, kind, round, scheduledAt: plan.scheduledAt!, place: plan.place!, attendees: plan.attendees! }));
  await issueAndServe(c, [D.interviewNotice(kind, round, plan)]);
  const held = await c.task('record-interview', 'officer', c.policy.interviewRecordDays);
  await c.flush();
  await c.step(() => acts.recordInterview({ caseNo: c.input.caseNo, interviewId, kind, minutes: held.minutes!, attendees: held.attendees!, outcome: held.summary, fromMs: now() }));
  await issueAndServe(c, [D.interviewRecord(kind, round, plan, held)]);
}

/**
 * Joint sanction on a list entry: the approver confirms catalogue measures whose basis allows them after this item —
 * some or none, the summary being the reason. Their term is the entry's; one 联合惩戒函 per department applying one.
 * Lifting letters are not sent here: repair, withdrawal and the end of publication end the measures through
 * EffectsService (the activities), which sends them.
 */
async function sanction(c: CaseRuntime, entry: ListEntry, decisionDocNo: string): Promise<void> {
  c.moveTo('JOINT_SANCTION', 'JOINT_SANCTION_PROPOSED', { payload: { reason: 'serious', listUntil: entry.listUntil } });
  const confirmed = await c.task('confirm-sanction', 'approver', c.policy.approvalDays);
  await c.flush();
  const { letters } = await c.step(() => acts.confirmSanction({
    caseNo: c.input.caseNo, uscc: c.input.uscc, fromMs: now(), measures: confirmed.measures ?? [], reason: confirmed.summary, listUntil: entry.listUntil,
  }));
  // 联合惩戒函 to the member departments: no service on the institution
  if (letters.length) await issueDocuments(c, D.sanctionLetters(letters, decisionDocNo));
}

/** 拒不整改: a case of its own (item EDU-010), started beside this one and left running when this one closes. */
async function openRefusalCase(c: CaseRuntime): Promise<void> {
  const registeredBy = c.completedBy.get('verify-rectification') ?? c.input.registeredBy;
  const input = await c.step(() => acts.prepareRefusalCase({ caseNo: c.input.caseNo, registeredBy, policyVersion: c.input.policyVersion }));
  await startChild(dishonestyCaseWorkflow, { workflowId: input.caseNo, args: [input], parentClosePolicy: ParentClosePolicy.ABANDON });
  c.moveTo(c.stage, 'REFUSAL_CASE_OPENED', { payload: { caseNo: input.caseNo, behaviourCode: input.behaviourCode } });
}

async function publicityAndRepair(c: CaseRuntime, publicityEndsAtMs: number, rectified: boolean): Promise<void> {
  const p = c.policy;
  c.moveTo('PUBLICITY', 'PUBLICITY_STARTED', { payload: { repairableFrom: c.repairableFrom, publicityUntil: c.publicityUntil } });
  for (let attempt = 0; ; attempt++) {
    await c.flush();
    c.rest();
    const applied = await condition(() => c.repairApplication !== null, untilMs(publicityEndsAtMs));
    if (!applied) {
      // ends publication and what rests on it; the departments get their lifting letters from the same step. Never
      // rectified: publication ends all the same, and 36号令 leaves the institution to the sector's rules — closed as
      // such, it stays graded C at best and on the early-warning list until it rectifies (docs/credit-grading.md)
      await c.step(() => acts.endPublication({ caseNo: c.input.caseNo, uscc: c.input.uscc, fromMs: now() }));
      return close(c, rectified ? 'PUBLICATION_ENDED' : 'PUBLICATION_ENDED_UNRECTIFIED');
    }
    const application = c.takeRepairApplication()!;
    c.moveTo('REPAIR_REVIEW', 'REPAIR_APPLIED', { reason: application.text, actor: application.actor, payload: { routes: application.routes } });
    let answer = await c.task('accept-repair', 'officer', p.repairAcceptanceDays);
    if (answer.decision === 'accept') {
      answer = await c.task('decide-repair', 'approver', p.repairDecisionDays);
      const approved = answer.decision === 'approve';
      // 信用修复决定书 / 不予信用修复决定书; the repair itself takes effect at once, the case closes once it is served
      const decided = await issueDocuments(c, [D.repairDecision(attempt, approved, answer.summary, application.at)]);
      if (approved) {
        // ends every credit measure of the record — list entry and sanction measures included — and sends the
        // lifting letters once (EffectsService.endCreditMeasures); a ban, a penalty, survives
        const actorId = c.completedBy.get('decide-repair')?.id ?? null;
        await c.step(() => acts.repair({ caseNo: c.input.caseNo, uscc: c.input.uscc, routes: application.routes ?? [], reason: answer.summary, fromMs: now(), actorId }));
        await servedAll(c, decided);
        return close(c, 'REPAIRED', answer.summary);
      }
      await servedAll(c, decided);
    }
    c.moveTo('PUBLICITY', 'REPAIR_REFUSED', { reason: answer.summary });
  }
}

async function close(c: CaseRuntime, outcome: CloseOutcome, reason?: string): Promise<void> {
  // the stage says CLOSED only once written: updates waiting on the case answer as soon as it does
  c.writes.transition(c.stage, 'CLOSED', closingEvent(outcome), { reason });
  await c.carrying((writes) => acts.closeCase({ caseNo: c.input.caseNo, outcome, writes }));
  c.outcome = outcome;
  c.stage = 'CLOSED';
}

