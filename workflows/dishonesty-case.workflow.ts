import { allHandlersFinished, CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import { acts, CaseRuntime, now, untilMs } from './case-runtime';
import { CaseInput, CaseSnapshot, closingEvent, CloseOutcome, SanctionReason, SEVERITY_RANK } from './contracts';

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
  for (;;) {
    c.moveTo('INVESTIGATION', returnedBecause ? 'DETERMINATION_RETURNED' : 'INVESTIGATION_STARTED', { reason: returnedBecause });
    const proposal = await c.task('investigate', 'officer', p.investigationDays);
    c.severity = proposal.severity ?? c.severity;
    c.moveTo('APPROVAL', 'DETERMINATION_PROPOSED', { reason: proposal.summary, payload: { severity: c.severity, measures: proposal.measures ?? [] } });
    const review = await c.task('approve-determination', 'approver', p.approvalDays);
    if (review.decision === 'approve') break;
    returnedBecause = review.summary;
  }

  // 3–4. notice, objection window, objection review
  c.moveTo('OBJECTION_WINDOW', 'NOTICE_SERVED', { payload: { severity: c.severity } });
  const objection = await c.institutionAnswer('objection', 0, { workingDays: p.objectionDays });
  if (objection) {
    c.moveTo('OBJECTION_REVIEW', 'OBJECTION_RECEIVED', { reason: objection.text, actor: objection.actor });
    await c.task('review-objection', 'officer', p.objectionReviewDays);
    const decision = await c.task('decide-objection', 'approver', p.approvalDays);
    if (decision.decision === 'upheld') {
      const lowered = decision.severity && SEVERITY_RANK[decision.severity] < SEVERITY_RANK[c.severity] ? decision.severity : null;
      if (!lowered) return close(c, 'NOT_DETERMINED', decision.summary);
      c.severity = lowered;
    }
    c.moveTo('OBJECTION_REVIEW', decision.decision === 'upheld' ? 'OBJECTION_UPHELD' : 'OBJECTION_REJECTED', { reason: decision.summary, payload: { severity: c.severity } });
  }

  // 5. determination: decision date, credit record, publication, platform submission
  const det = await c.carrying((writes) => acts.determine({
    caseNo: c.input.caseNo, uscc: c.input.uscc, severity: c.severity, fromMs: now(), policyVersion: c.input.policyVersion, writes,
  }));
  c.decisionDate = det.decisionDate;
  c.repairableFrom = det.repairableFrom;
  c.repairableAtMs = det.repairableAtMs;
  c.publicityUntil = det.publicityUntil;

  // 8 (serious). joint sanction straight after determination
  let sanctioned = false;
  if (c.severity === 'serious') sanctioned = await sanction(c, 'serious');

  // 6–7. rectification, then reminder and warning interviews with new deadlines
  const rectified = await rectification(c, det.decisionAtMs);
  if (!rectified && !sanctioned) await sanction(c, 'rectification-failed');

  // 9–10. publicity period and credit repair
  await publicityAndRepair(c, det.publicityEndsAtMs);
}

async function rectification(c: CaseRuntime, decisionAtMs: number): Promise<boolean> {
  const p = c.policy;
  const rounds = [
    { interview: null, span: { calendarDays: c.input.rectificationCalendarDays, fromMs: decisionAtMs } },
    { interview: 'reminder' as const, span: { workingDays: p.reminderInterviewDays } },
    { interview: 'warning' as const, span: { workingDays: p.warningInterviewDays } },
  ];
  for (const [round, r] of rounds.entries()) {
    if (r.interview) await interview(c, r.interview, round);
    c.moveTo('RECTIFICATION', round === 0 ? 'RECTIFICATION_ORDERED' : 'RECTIFICATION_EXTENDED', { payload: { round } });
    const report = await c.institutionAnswer('rectification', round, r.span);
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
  const held = await c.task('record-interview', 'officer', c.policy.interviewRecordDays);
  await c.flush();
  await c.step(() => acts.recordInterview({ caseNo: c.input.caseNo, interviewId, kind, minutes: held.minutes!, attendees: held.attendees!, outcome: held.summary, fromMs: now() }));
}

async function sanction(c: CaseRuntime, reason: SanctionReason): Promise<boolean> {
  c.moveTo('JOINT_SANCTION', 'JOINT_SANCTION_PROPOSED', { payload: { reason } });
  const confirmed = await c.task('confirm-sanction', 'approver', c.policy.approvalDays);
  await c.flush();
  await c.step(() => acts.confirmSanction({
    caseNo: c.input.caseNo, uscc: c.input.uscc, fromMs: now(), measures: confirmed.measures ?? [],
    bans: confirmed.bans ?? [], departments: confirmed.departments ?? [], officeCode: c.input.officeCode, reason,
  }));
  return true;
}

async function publicityAndRepair(c: CaseRuntime, publicityEndsAtMs: number): Promise<void> {
  const p = c.policy;
  c.moveTo('PUBLICITY', 'PUBLICITY_STARTED', { payload: { repairableFrom: c.repairableFrom, publicityUntil: c.publicityUntil } });
  for (;;) {
    await c.flush();
    c.rest();
    const applied = await condition(() => c.repairApplication !== null, untilMs(publicityEndsAtMs));
    if (!applied) {
      await c.step(() => acts.endPublication({ caseNo: c.input.caseNo, uscc: c.input.uscc, fromMs: now() }));
      return close(c, 'PUBLICATION_ENDED');
    }
    const application = c.takeRepairApplication()!;
    c.moveTo('REPAIR_REVIEW', 'REPAIR_APPLIED', { reason: application.text, actor: application.actor, payload: { routes: application.routes } });
    let answer = await c.task('accept-repair', 'officer', p.repairAcceptanceDays);
    if (answer.decision === 'accept') {
      answer = await c.task('decide-repair', 'approver', p.repairDecisionDays);
      if (answer.decision === 'approve') {
        await c.flush();
        await c.step(() => acts.repair({ caseNo: c.input.caseNo, uscc: c.input.uscc, routes: application.routes ?? [], reason: answer.summary, fromMs: now() }));
        return close(c, 'REPAIRED', answer.summary);
      }
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

