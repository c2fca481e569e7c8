import { allHandlersFinished, CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import * as D from './case-documents';
import { acts, CaseRuntime, now, untilMs } from './case-runtime';
import { CaseInput, CaseSnapshot, closingEvent, CloseOutcome, SanctionReason, SEVERITY_RANK, TaskOutcome } from './contracts';
import { issueAndServe, issueDocuments, servedAll } from './runtime/documents';

/** A 联合惩戒函 sent: its department and number, named by the 解除联合惩戒函 when the sanction ends. */
type SanctionLetter = { department: string; docNo: string };

/**
 * One dishonesty case from lead to repair (brief §3, steps 1–10). Every date comes from an activity that
 * reads the official calendar; the workflow only waits. Cases finish under the policy version they pinned.
 * Words such as "rest", "carrying" and "blocked" are explained in case-runtime.ts.
 */
export async function dishonestyCaseWorkflow(input: CaseInput): Promise<CaseSnapshot> {
  const c = new CaseRuntime(input);
  c.policy = await c.step(() => acts.registerCase(input));
  try {
    await c.main.run(() => lifecycle(c));
  } catch (err) {
    if (!isCancellation(err) || !c.withdrawal) throw err;
    // Withdrawal: compensate outside the cancelled scope so the records are written whatever was running.
    await CancellationScope.nonCancellable(async () => {
      const { actor, reason } = c.withdrawal!;
      c.writes.transition(c.stage, 'WITHDRAWN', 'WITHDRAWN', { reason, actor });
      await c.carrying((writes) => acts.withdrawCase({ caseNo: input.caseNo, actor, reason, fromMs: now(), writes }));
      c.tasks.clear();
      c.institutionDeadline = null;
      c.blocked = null;
      c.outcome = 'WITHDRAWN';
      c.stage = 'WITHDRAWN';
    });
  }
  c.rest();
  await condition(allHandlersFinished);
  return c.snapshot();
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
  const measures = D.measuresOf(c.severity, proposal.measures);
  const det = await c.carrying((writes) => acts.determine({
    caseNo: c.input.caseNo, uscc: c.input.uscc, severity: c.severity, fromMs: now(), policyVersion: c.input.policyVersion, writes,
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

  // 8 (serious). joint sanction straight after determination: only a serious case on the serious list reaches it
  const letters = c.severity === 'serious' ? await sanction(c, 'serious', decisionDocNo) : [];

  // 6–7. rectification, then reminder and warning interviews with new deadlines. A minor or general case that is
  // still not rectified is recorded as such and stays under heightened supervision: refusing to rectify is its own
  // catalogue item and opens its own case (brief §3 step 8), it never turns this case into a joint sanction.
  const rectified = await rectification(c);
  if (!rectified) {
    c.moveTo(c.stage, 'RECTIFICATION_UNRESOLVED', { payload: { heightenedSupervision: true, severity: c.severity } });
  }

  // 9–10. publicity period and credit repair
  await publicityAndRepair(c, det.publicityEndsAtMs, letters, decisionDocNo);
}

async function rectification(c: CaseRuntime): Promise<boolean> {
  const p = c.policy;
  const rounds = [
    { interview: null, span: { calendarDays: c.input.rectificationCalendarDays } },
    { interview: 'reminder' as const, span: { workingDays: p.reminderInterviewDays } },
    { interview: 'warning' as const, span: { workingDays: p.warningInterviewDays } },
  ];
  for (const [round, r] of rounds.entries()) {
    if (r.interview) await interview(c, r.interview, round);
    c.moveTo('RECTIFICATION', round === 0 ? 'RECTIFICATION_ORDERED' : 'RECTIFICATION_EXTENDED', { payload: { round } });
    // 责令限期整改通知书: the period runs from the day after it is served
    const ordered = await issueAndServe(c, [D.rectificationOrder(round, r.span)]);
    const report = await c.institutionAnswer('rectification', round, { ...r.span, fromDate: ordered.servedOn }, ordered.setBy);
    if (!report) continue; // missed: recorded as overdue on the case, next round
    c.moveTo('RECTIFICATION_REVIEW', 'RECTIFICATION_REPORTED', { reason: report.text, actor: report.actor });
    const check = await c.task('verify-rectification', 'officer', p.rectificationReviewDays);
    c.moveTo('RECTIFICATION_REVIEW', check.decision === 'pass' ? 'RECTIFICATION_PASSED' : 'RECTIFICATION_FAILED', { reason: check.summary });
    if (check.decision === 'pass') return true;
  }
  return false;
}

async function interview(c: CaseRuntime, kind: 'reminder' | 'warning', round: number): Promise<void> {
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

async function sanction(c: CaseRuntime, reason: SanctionReason, decisionDocNo: string): Promise<SanctionLetter[]> {
  c.moveTo('JOINT_SANCTION', 'JOINT_SANCTION_PROPOSED', { payload: { reason } });
  const confirmed = await c.task('confirm-sanction', 'approver', c.policy.approvalDays);
  await c.flush();
  await c.step(() => acts.confirmSanction({
    caseNo: c.input.caseNo, uscc: c.input.uscc, fromMs: now(), measures: confirmed.measures ?? [],
    departments: confirmed.departments ?? [], officeCode: c.input.officeCode, reason,
  }));
  // 联合惩戒函 to the member departments: no service on the institution
  const departments = confirmed.departments ?? [];
  if (!departments.length) return [];
  const docs = await issueDocuments(c, D.sanctionLetters(departments, confirmed.measures ?? [], decisionDocNo));
  return docs.map((d, i) => ({ department: departments[i], docNo: d.docNo }));
}

async function publicityAndRepair(c: CaseRuntime, publicityEndsAtMs: number, letters: SanctionLetter[], decisionDocNo: string): Promise<void> {
  const p = c.policy;
  c.moveTo('PUBLICITY', 'PUBLICITY_STARTED', { payload: { repairableFrom: c.repairableFrom, publicityUntil: c.publicityUntil } });
  for (let attempt = 0; ; attempt++) {
    await c.flush();
    c.rest();
    const applied = await condition(() => c.repairApplication !== null, untilMs(publicityEndsAtMs));
    if (!applied) {
      await c.step(() => acts.endPublication({ caseNo: c.input.caseNo, uscc: c.input.uscc, fromMs: now() }));
      if (letters.length) await issueDocuments(c, D.sanctionLiftingLetters(letters, 'expired', decisionDocNo));
      return close(c, 'PUBLICATION_ENDED');
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
        await c.step(() => acts.repair({ caseNo: c.input.caseNo, uscc: c.input.uscc, routes: application.routes ?? [], reason: answer.summary, fromMs: now() }));
        if (letters.length) await issueDocuments(c, D.sanctionLiftingLetters(letters, 'repair', decided[0].docNo));
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

