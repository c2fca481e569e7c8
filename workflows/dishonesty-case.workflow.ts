import { allHandlersFinished, condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import {
  awaitRegistrationUpdate,
  CaseInput,
  CaseSnapshot,
  CaseStage,
  caseStateQuery,
  claimTaskUpdate,
  completeTaskUpdate,
  OpenTask,
  StaffRole,
  TaskKind,
  TaskOutcome,
  unclaimTaskUpdate,
} from './contracts';
import { assertAssignee, assertClaimable, assertOutcome, findTask } from './task-rules';

const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['NOT_RETRYABLE'] },
});

const WAITING_FOR: Record<CaseStage, string> = {
  REGISTERED: '登记中',
  INVESTIGATION: '经办人调查并提出拟认定意见',
  APPROVAL: '审核人审核拟认定意见',
  OBJECTION_WINDOW: '机构在异议期内提出异议',
  DETERMINED: '已作出认定决定',
  WITHDRAWN: '案件已撤销',
};

/** One dishonesty case from lead to determination (brief §3). All dates come from activities. */
export async function dishonestyCaseWorkflow(input: CaseInput): Promise<CaseSnapshot> {
  let stage: CaseStage = 'REGISTERED';
  let severity = input.severity;
  // Counts the times the case came to rest (waiting for a person or a deadline). Updates that move the case
  // answer only once it rests again, so the caller sees the next stage and task, not a half-way state.
  let rests = 0;
  const tasks = new Map<string, OpenTask>();
  const outcomes = new Map<string, TaskOutcome & { actorId: string }>();
  const deadlines: Record<string, string> = {};

  const snapshot = (): CaseSnapshot => ({
    caseNo: input.caseNo,
    stage,
    severity,
    openTasks: [...tasks.values()],
    waitingFor: WAITING_FOR[stage],
    deadlines: { ...deadlines },
  });

  setHandler(caseStateQuery, snapshot);
  setHandler(awaitRegistrationUpdate, async () => {
    // the lead is "registered" for its officer once the case row and its first worklist task exist
    await condition(() => rests > 0);
    return snapshot();
  });
  setHandler(
    claimTaskUpdate,
    async ({ taskId, actor }) => {
      await acts.claimTask({ caseNo: input.caseNo, taskId, actor });
      tasks.get(taskId)!.assigneeId = actor.id;
      return snapshot();
    },
    { validator: ({ taskId, actor }) => assertClaimable(findTask(tasks, taskId), actor) },
  );
  setHandler(
    unclaimTaskUpdate,
    async ({ taskId, actor }) => {
      await acts.unclaimTask({ caseNo: input.caseNo, taskId, actor });
      tasks.get(taskId)!.assigneeId = null;
      return snapshot();
    },
    { validator: ({ taskId, actor }) => assertAssignee(findTask(tasks, taskId), actor) },
  );
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, outcome }) => {
      const restsBefore = rests;
      // Remove first: a second completion racing this one fails validation instead of running twice.
      const task = tasks.get(taskId)!;
      tasks.delete(taskId);
      await acts.completeTask({ caseNo: input.caseNo, taskId, kind: task.kind, actor, outcome });
      outcomes.set(taskId, { ...outcome, actorId: actor.id });
      await condition(() => rests > restsBefore);
      return snapshot();
    },
    {
      validator: ({ taskId, actor, outcome }) => {
        const task = findTask(tasks, taskId);
        assertAssignee(task, actor);
        assertOutcome(task, outcome);
      },
    },
  );

  const moveTo = async (to: CaseStage, type: string, extra: { reason?: string; payload?: object } = {}) => {
    await acts.recordTransition({ caseNo: input.caseNo, from: stage, to, type, ...extra });
    stage = to;
  };

  /** Opens a worklist task due N working days from today and waits for a person to complete it. */
  let taskSeq = 0;
  const humanTask = async (kind: TaskKind, role: StaffRole, workingDays: number) => {
    const { dueDate } = await acts.computeDeadline({ workingDays });
    const key = `${kind}-${++taskSeq}`;
    const { taskId } = await acts.openTask({
      caseNo: input.caseNo, key, kind, stage, candidateRole: role, candidateOffice: input.officeCode, dueDate,
    });
    tasks.set(taskId, { taskId, kind, candidateRole: role, candidateOffice: input.officeCode, assigneeId: null, dueDate });
    deadlines[key] = dueDate;
    rests++;
    await condition(() => outcomes.has(taskId));
    return outcomes.get(taskId)!;
  };

  await acts.registerCase(input);
  const policy = await acts.loadPolicy(input.policyVersion);

  let returnedBecause: string | undefined;
  for (;;) {
    await moveTo('INVESTIGATION', returnedBecause ? 'DETERMINATION_RETURNED' : 'INVESTIGATION_STARTED', { reason: returnedBecause });
    const proposal = await humanTask('investigate', 'officer', policy.investigationDays);
    severity = proposal.severity ?? severity;
    await moveTo('APPROVAL', 'DETERMINATION_PROPOSED', { reason: proposal.summary, payload: { severity, measures: proposal.measures ?? [] } });
    const review = await humanTask('approve-determination', 'approver', policy.approvalDays);
    if (review.decision === 'approve') break;
    returnedBecause = review.summary;
  }

  const window = await acts.computeDeadline({ workingDays: policy.objectionDays });
  deadlines.objection = window.dueDate;
  await moveTo('OBJECTION_WINDOW', 'NOTICE_SERVED', { payload: { objectionDue: window.dueDate } });
  // Date.now() is the workflow's replay-safe clock; the deadline itself came from the calendar activity.
  rests++;
  await sleep(Math.max(0, window.dueAtMs - Date.now()));
  await moveTo('DETERMINED', 'DETERMINED', { payload: { severity } });
  rests++;
  await condition(allHandlersFinished);
  return snapshot();
}
