import { condition, setHandler } from '@temporalio/workflow';
import type { CaseRuntime } from '../case-runtime';
import * as C from '../contracts';
import * as rules from '../task-rules';
import { documentServed } from './documents';
import { assign, completeTask } from './human-tasks';
import { answerDeadline } from './institution-deadlines';
import { acts, now } from './proxies';

/**
 * The case's update handlers: each validator says whether the action is allowed now (a rejection is a 4xx with a
 * Chinese message), each handler records it and answers with the snapshot. An action that moves the case on
 * "settles": it answers once the case rests again, so the answer shows the next stage and task.
 */
export function registerUpdateHandlers(c: CaseRuntime): void {
  const caseNo = c.input.caseNo;
  const ended = () => c.stage === 'CLOSED' || c.stage === 'WITHDRAWN';
  const settle = async (work: () => void | Promise<void>) => {
    const before = c.rests;
    await work();
    await condition(() => c.rests > before || ended());
    return c.snapshot();
  };
  setHandler(C.caseStateQuery, c.snapshot);
  setHandler(C.awaitRegistrationUpdate, async () => {
    await condition(() => c.rests > 0 || ended());
    return c.snapshot();
  });
  setHandler(C.resumeCaseSignal, (r) => {
    if (c.blocked) c.resumeRequests.push(r);
  });
  setHandler(C.calendarPublishedSignal, () => {
    if (c.institutionDeadline?.provisional) c.calendarPublications++;
  });
  setHandler(C.documentServedSignal, (s) => documentServed(c, s));
  // the worklist decides who holds a task (issue #20); the case learns it for its completion validator. A signal
  // about an older version (sent late) or about a task completed meanwhile changes nothing; one about a task whose
  // opening activity has committed but not yet answered is kept until the task is noted (runtime/human-tasks.ts).
  setHandler(C.taskHolderSignal, (h) => {
    const task = c.tasks.get(h.taskId);
    if (!task) {
      if (!c.outcomes.has(h.taskId) && (c.earlyHolders.get(h.taskId)?.version ?? -1) < h.version) c.earlyHolders.set(h.taskId, h);
      return;
    }
    if ((task.version ?? -1) >= h.version) return;
    task.assigneeId = h.assigneeId;
    task.version = h.version;
  });
  // the worklist accepted a completion (issue #20): taken as told. Told twice (a resent request), the first stands; a
  // task not noted yet (its opening step has committed but not answered) is completed as soon as it is
  setHandler(C.taskCompletedSignal, (done) => {
    if (c.outcomes.has(done.taskId)) return;
    if (c.tasks.has(done.taskId)) completeTask(c, done);
    else if (!c.earlyCompletions.has(done.taskId)) c.earlyCompletions.set(done.taskId, done);
  });
  // the portal accepted an answer to a deadline (issue #20): taken as told, once; a deadline not noted yet (its
  // opening step has committed but not answered) is answered as soon as it is. Told after the deadline's end, the
  // case already has it: the end asked the deadline's row (institution-deadlines.ts `lapse`)
  setHandler(C.institutionAnsweredSignal, (a) => {
    if (c.institutionDeadline?.id === a.deadlineId) answerDeadline(c, a, a.atMs);
    else if (!c.answeredDeadlines.has(a.deadlineId)) c.earlyAnswers.set(a.deadlineId, a);
  });
  registerTaskHandlers(c, settle);
  registerInstitutionHandlers(c, settle);
  setHandler(C.withdrawCaseUpdate, (w) => settle(() => {
    c.withdrawal = w;
    c.main.cancel();
  }), {
    validator: (w) => {
      rules.assertApproverOf(w.actor, c.input.officeCode);
      if (ended() || c.withdrawal || c.revocation) rules.reject(C.RejectCode.CASE_CLOSED, '案件已办结，不能撤销');
      if (!w.reason?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写撤销理由');
    },
  });
  // the remedy's decision is already in force (src/remedies): a second signal, or one after the case ended, changes nothing
  setHandler(C.decisionRevokedSignal, (r) => {
    if (ended() || c.withdrawal || c.revocation) return;
    c.revocation = r;
    c.main.cancel();
  });
  setHandler(C.correctCaseUpdate, async (w) => {
    await acts.recordTransition({
      caseNo, from: c.stage, to: c.stage, type: 'CASE_CORRECTED', reason: w.reason, actor: w.actor,
      payload: { severityFrom: c.severity, severity: w.severity },
    });
    if (w.severity) c.severity = w.severity;
    c.publish();
    return c.snapshot();
  }, {
    validator: (w) => {
      rules.assertApproverOf(w.actor, c.input.officeCode);
      if (c.decisionDate || ended()) rules.reject(C.RejectCode.WRONG_STAGE, '已作出认定决定的案件不能直接更正，请撤销后重新登记');
      if (!w.reason?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写更正理由');
      if (w.severity && !C.SEVERITIES.includes(w.severity)) rules.reject(C.RejectCode.OUTCOME_INVALID, '失信程度只能是轻微、一般或严重');
    },
  });
}

type Settle = (work: () => void | Promise<void>) => Promise<C.CaseSnapshot>;

/** Claim, release and reassign write at once (local activities); a completion is queued and settles. */
function registerTaskHandlers(c: CaseRuntime, settle: Settle): void {
  const caseNo = c.input.caseNo;
  setHandler(C.claimTaskUpdate, async ({ taskId, actor }) => {
    await acts.claimTask({ caseNo, taskId, actor });
    assign(c, taskId, actor.id);
    return c.snapshot();
  }, { validator: ({ taskId, actor }) => rules.assertClaimable(rules.findTask(c.tasks, taskId), actor) });
  setHandler(C.unclaimTaskUpdate, async ({ taskId, actor }) => {
    await acts.unclaimTask({ caseNo, taskId, actor });
    assign(c, taskId, null);
    return c.snapshot();
  }, { validator: ({ taskId, actor }) => rules.assertAssignee(rules.findTask(c.tasks, taskId), actor) });
  setHandler(C.reassignTaskUpdate, async ({ taskId, actor, to }) => {
    await acts.reassignTask({ caseNo, taskId, actor, to });
    assign(c, taskId, to.id);
    return c.snapshot();
  }, { validator: ({ taskId, actor, to }) => rules.assertReassignable(rules.findTask(c.tasks, taskId), actor, to) });
  setHandler(C.completeTaskUpdate, (done) => settle(() => completeTask(c, done)), {
    validator: ({ taskId, actor, outcome, holder }) => {
      // the holder the worklist read comes with the completion: no signal needs to reach the case first
      const task = rules.heldAs(rules.findTask(c.tasks, taskId), holder);
      rules.assertAssignee(task, actor);
      rules.assertNotProposer(task, actor, (kind) => c.completedBy.get(kind));
      rules.assertOutcome(task, outcome);
      rules.assertLegalReviewPassed(task, outcome, (kind) => c.decidedAs.get(kind));
    },
  });
}

/** The institution's answers from the portal: objection, rectification report, repair application. */
function registerInstitutionHandlers(c: CaseRuntime, settle: Settle): void {
  const caseNo = c.input.caseNo;
  const answer = (s: C.InstitutionSubmission) => settle(() => answerDeadline(c, s, now()));
  const answerValidator = (kind: C.InstitutionDeadlineKind) => (s: C.InstitutionSubmission) => {
    rules.assertInstitution(s.actor, c.input.uscc);
    const d = c.institutionDeadline;
    if (!d || d.kind !== kind) rules.reject(C.RejectCode.WRONG_STAGE, rules.NOT_IN_WINDOW[kind]);
    // a provisional date does not lapse before its year is published (institution-deadlines.ts): an answer is in time
    if (!d!.provisional && now() > d!.dueAtMs) rules.reject(C.RejectCode.DEADLINE_PASSED, `提交期限已于 ${d!.dueDate} 届满`);
    if (!s.text?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写说明');
  };
  setHandler(C.submitObjectionUpdate, answer, { validator: answerValidator('objection') });
  setHandler(C.submitRectificationUpdate, answer, { validator: answerValidator('rectification') });
  setHandler(C.submitStatementUpdate, answer, { validator: answerValidator('statement') });
  setHandler(C.applyRepairUpdate, (s) => settle(async () => {
    await acts.recordSubmission({ caseNo, kind: 'repair', round: 0, deadlineId: null, ...s });
    c.repairApplication = { ...s, at: now() };
  }), {
    validator: (s) => {
      rules.assertInstitution(s.actor, c.input.uscc);
      if (c.stage !== 'PUBLICITY' || c.repairApplication) rules.reject(C.RejectCode.WRONG_STAGE, '当前不能申请信用修复');
      if (now() < c.repairableAtMs) rules.reject(C.RejectCode.REPAIR_TOO_EARLY, `最短公示期未满，${c.repairableFrom} 起方可申请信用修复`);
      if (!s.routes?.length) rules.reject(C.RejectCode.OUTCOME_INVALID, '请选择至少一种信用修复方式');
      if (!s.text?.trim()) rules.reject(C.RejectCode.OUTCOME_INVALID, '请填写信用修复承诺');
    },
  });
}
