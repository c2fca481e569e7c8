/** Who may act on a case and what a complete answer looks like. Pure functions: safe in workflow code. */
import { ApplicationFailure } from '@temporalio/workflow';
import { Actor, InstitutionDeadlineKind, INTERVIEW_CHOICES, OpenTask, RejectCode, SEVERITIES, TaskHolderChange, TaskKind, TaskOutcome } from './contracts';

export const reject = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

export function findTask(tasks: Map<string, OpenTask>, taskId: string): OpenTask {
  return tasks.get(taskId) ?? reject(RejectCode.TASK_NOT_FOUND, '任务不存在或已办结');
}

/**
 * The task with the newer of two holders: the one the case has heard (taskHolderSignal) and the one the worklist
 * read for a completion (issue #20). PostgreSQL decides holders and every change raises `tasks.version`, so the
 * higher version is the later truth; an older one (a completion read before a release the case has heard) is ignored.
 */
export function heldAs(task: OpenTask, holder?: TaskHolderChange): OpenTask {
  if (!holder || holder.taskId !== task.taskId || holder.version <= (task.version ?? -1)) return task;
  return { ...task, assigneeId: holder.assigneeId, version: holder.version };
}

export function assertCandidate(task: OpenTask, actor: Actor): void {
  const officeOk = task.candidateOffice === null || task.candidateOffice === actor.officeCode;
  if (actor.role !== task.candidateRole || !officeOk) {
    reject(RejectCode.TASK_NOT_CANDIDATE, '该任务不属于您的岗位或科室');
  }
}

export function assertClaimable(task: OpenTask, actor: Actor): void {
  assertCandidate(task, actor);
  if (task.assigneeId && task.assigneeId !== actor.id) reject(RejectCode.TASK_CLAIMED_BY_OTHER, '该任务已由他人领取');
}

export function assertAssignee(task: OpenTask, actor: Actor): void {
  assertCandidate(task, actor);
  if (task.assigneeId !== actor.id) reject(RejectCode.TASK_NOT_CLAIMED, '请先领取该任务再办理');
}

/** An approver of the task's office may hand it to someone who could have claimed it. */
export function assertReassignable(task: OpenTask, actor: Actor, to: Actor): void {
  if (actor.role !== 'approver' || (task.candidateOffice !== null && actor.officeCode !== task.candidateOffice)) {
    reject(RejectCode.FORBIDDEN, '只有本科室审核人可以改派任务');
  }
  assertCandidate(task, to);
}

const DECISIONS: Partial<Record<TaskKind, { values: string[]; message: string }>> = {
  'approve-determination': { values: ['approve', 'return'], message: '审核任务须选择“同意”或“退回”' },
  'review-objection': { values: ['uphold', 'reject'], message: '异议复核须提出“采纳”或“不予采纳”的意见' },
  'decide-objection': { values: ['upheld', 'rejected'], message: '异议决定须为“异议成立”或“异议不成立”' },
  'verify-rectification': { values: ['pass', 'fail'], message: '整改核查须选择“通过”或“不通过”' },
  'accept-repair': { values: ['accept', 'reject'], message: '修复申请须选择“受理”或“不予受理”' },
  'decide-repair': { values: ['approve', 'refuse'], message: '修复决定须选择“准予修复”或“不予修复”' },
  'propose-listing': { values: ['propose', 'not-propose'], message: '须选择“提请列入严重失信主体名单”或“不提请列入”' },
  'review-listing': { values: ['agree', 'disagree'], message: '法制审核须选择“同意”或“不同意”' },
  'decide-listing': { values: ['list', 'not-list'], message: '须决定“列入”或“不列入”严重失信主体名单' },
  'approve-interview': { values: ['agree', 'return'], message: '约谈意见须选择“同意”或“退回”' },
};

/** A measures catalogue id (measure_catalogue.id): free text never reaches a sanction. */
const CATALOGUE_ID = /^M-[A-Z]{2,8}$/;

const fail = (message: string) => reject(RejectCode.OUTCOME_INVALID, message);

export function assertOutcome(task: OpenTask, o: TaskOutcome): void {
  if (!o.summary?.trim()) fail('请填写办理意见');
  const decision = DECISIONS[task.kind];
  if (decision && !decision.values.includes(o.decision ?? '')) fail(decision.message);
  if (o.severity !== undefined && !SEVERITIES.includes(o.severity)) fail('失信程度只能是轻微、一般或严重');
  switch (task.kind) {
    case 'investigate':
      if (!o.severity) fail('调查任务须给出拟认定的失信程度（轻微、一般或严重）');
      break;
    case 'schedule-interview':
      if (!o.scheduledAt || Number.isNaN(Date.parse(o.scheduledAt))) fail('请填写约谈时间');
      if (!o.place?.trim()) fail('请填写约谈地点');
      if (!o.attendees?.length) fail('请填写参加约谈的人员');
      break;
    case 'record-interview':
      if (!o.minutes?.trim()) fail('请填写约谈记录');
      if (!o.attendees?.length) fail('请填写实际到场人员');
      break;
    case 'serve-document':
      // closed by the service record itself, which carries the date and proof the deadline runs from
      fail('请在案件文书中登记送达（送达方式、日期和凭证），登记后该任务自动办结');
      break;
    case 'propose-listing':
      if (o.decision === 'propose' && !o.basis?.trim()) fail('提请列入严重失信主体名单须写明依据');
      break;
    case 'propose-interview':
      // the plan: 提示性约谈 **or** 警示性约谈 (brief §3 step 7); no interview only with a reason on record
      if (!INTERVIEW_CHOICES.includes(o.interviewKind!)) fail('请选择提示性约谈、警示性约谈或不约谈');
      if (o.interviewKind === 'none' && !o.reason?.trim()) fail('不约谈须写明理由');
      break;
    case 'confirm-sanction': {
      // the approver may confirm some measures or none (the summary is the reason); each must be a catalogue id
      const typed = (o.measures ?? []).filter((m) => !CATALOGUE_ID.test(m));
      if (typed.length) reject(RejectCode.MEASURE_NOT_IN_CATALOGUE, `措施须从失信惩戒措施清单中选择，不能自行填写：${typed.join('、')}`);
      break;
    }
  }
}

/** Four eyes (issue #17): the task that proposed what each deciding task decides. */
const PROPOSED_BY: Partial<Record<TaskKind, { kind: TaskKind; message: string }>> = {
  'review-listing': { kind: 'propose-listing', message: '提出列入意见的人员不能审核或决定同一事项' },
  'decide-listing': { kind: 'propose-listing', message: '提出列入意见的人员不能审核或决定同一事项' },
  'confirm-sanction': { kind: 'propose-listing', message: '提出列入意见的人员不能审核或决定同一事项' },
  'approve-interview': { kind: 'propose-interview', message: '提出约谈意见的人员不能审核自己的意见' },
};

/** Whether completing a task of this kind depends on the case's earlier completions (four eyes, the legal review). */
export const readsEarlierCompletions = (kind: TaskKind): boolean => kind in PROPOSED_BY || kind === 'decide-listing';

/** Who proposed the listing may neither review nor decide it, nor confirm its sanction; who proposed an interview may not agree to it. */
export function assertNotProposer(task: OpenTask, actor: Actor, proposerOf: (kind: TaskKind) => Pick<Actor, 'id'> | undefined): void {
  const rule = PROPOSED_BY[task.kind];
  if (rule && proposerOf(rule.kind)?.id === actor.id) reject(RejectCode.SAME_PERSON, rule.message);
}

/**
 * 法制审核 binds the decision (行政处罚法 第五十八条: 未经法制审核或者审核未通过的，不得作出决定; the brief applies it to the
 * 严重失信主体名单, 国办发〔2020〕49号): the head may list only after the legal reviewer agreed; 不列入 stays open.
 */
export function assertLegalReviewPassed(task: OpenTask, o: TaskOutcome, decisionOf: (kind: TaskKind) => string | undefined): void {
  if (task.kind === 'decide-listing' && o.decision === 'list' && decisionOf('review-listing') !== 'agree') {
    fail('法制审核未通过，不得作出列入决定');
  }
}

export function assertInstitution(actor: Actor, uscc: string): void {
  if (actor.role !== 'institution' || actor.uscc !== uscc) reject(RejectCode.WRONG_PARTY, '只有被认定机构本身可以提交');
}

export function assertApproverOf(actor: Actor, officeCode: string | null): void {
  if (actor.role !== 'approver' || (officeCode !== null && actor.officeCode !== officeCode)) {
    reject(RejectCode.FORBIDDEN, '只有本科室审核人可以撤销或更正案件');
  }
}

/** Why an answer is refused when its deadline is not open (none yet, or answered, or passed and closed). */
export const NOT_IN_WINDOW: Record<InstitutionDeadlineKind, string> = {
  objection: '当前不在异议期内', rectification: '当前无需提交整改报告', statement: '当前不在陈述申辩期内',
};
