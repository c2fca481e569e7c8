import type { OpenTask } from '../../workflows/contracts';
import { assertAssignee, assertClaimable, assertNotProposer, assertOutcome, heldAs } from '../../workflows/task-rules';

const task = (over: Partial<OpenTask> = {}): OpenTask => ({
  taskId: 't1', kind: 'investigate', candidateRole: 'officer', candidateOffice: 'XWPX', assigneeId: null, dueDate: '2026-03-02', ...over,
});
const officer = { id: 'u1', role: 'officer', officeCode: 'XWPX' };

describe('task rules', () => {
  it('offers a task only to its role in its office', () => {
    expect(() => assertClaimable(task(), officer)).not.toThrow();
    expect(() => assertClaimable(task(), { ...officer, officeCode: 'JCJY' })).toThrow('该任务不属于您的岗位或科室');
    expect(() => assertClaimable(task(), { ...officer, role: 'approver' })).toThrow('该任务不属于您的岗位或科室');
  });

  it('lets only the person who claimed a task complete it', () => {
    expect(() => assertAssignee(task(), officer)).toThrow('请先领取该任务再办理');
    expect(() => assertAssignee(task({ assigneeId: 'u2' }), officer)).toThrow('请先领取该任务再办理');
    expect(() => assertAssignee(task({ assigneeId: 'u1' }), officer)).not.toThrow();
  });

  // issue #20: a completion carries the holder the worklist read; the case takes the newer of it and its own
  it('takes the holder a completion carries only if it is newer than the one the case heard', () => {
    const heard = task({ assigneeId: null, version: 2 }); // released at version 2, and the case was told
    expect(heldAs(heard, { taskId: 't1', assigneeId: 'u1', version: 3 })).toMatchObject({ assigneeId: 'u1', version: 3 });
    expect(heldAs(heard, { taskId: 't1', assigneeId: 'u1', version: 1 })).toBe(heard); // read before the release
    expect(heldAs(heard, { taskId: 't1', assigneeId: 'u1', version: 2 })).toBe(heard);
    expect(heldAs(heard, { taskId: 't2', assigneeId: 'u1', version: 9 })).toBe(heard); // another task's
    expect(heldAs(heard)).toBe(heard);
    // never told of any change (version absent): the worklist's first claim (version 1) is newer
    expect(heldAs(task(), { taskId: 't1', assigneeId: 'u1', version: 1 }).assigneeId).toBe('u1');
    expect(() => assertAssignee(heldAs(heard, { taskId: 't1', assigneeId: 'u1', version: 1 }), officer)).toThrow('请先领取该任务再办理');
  });

  it('requires a severity for an investigation and a decision for an approval', () => {
    expect(() => assertOutcome(task(), { summary: '拟认定' })).toThrow(/失信程度/);
    expect(() => assertOutcome(task(), { summary: '拟认定', severity: 'general' })).not.toThrow();
    expect(() => assertOutcome(task({ kind: 'approve-determination' }), { summary: '同意' })).toThrow(/同意/);
    expect(() => assertOutcome(task({ kind: 'approve-determination' }), { summary: ' ', decision: 'approve' })).toThrow('请填写办理意见');
  });

  // interviews by choice (issue #17): 400 OUTCOME_INVALID and 403 SAME_PERSON at the API (all-exceptions.filter.ts)
  it('takes a reminder or warning interview, or none only with a reason', () => {
    const propose = task({ kind: 'propose-interview' });
    expect(() => assertOutcome(propose, { summary: '逾期', interviewKind: 'reminder' })).not.toThrow();
    expect(() => assertOutcome(propose, { summary: '逾期', interviewKind: 'warning' })).not.toThrow();
    expect(() => assertOutcome(propose, { summary: '逾期' })).toThrow('请选择提示性约谈、警示性约谈或不约谈');
    expect(() => assertOutcome(propose, { summary: '逾期', interviewKind: 'none', reason: ' ' })).toThrow('不约谈须写明理由');
    expect(() => assertOutcome(propose, { summary: '逾期', interviewKind: 'none', reason: '已说明原因' })).not.toThrow();
    expect(() => assertOutcome(task({ kind: 'approve-interview', candidateRole: 'approver' }), { summary: '同意', decision: 'approve' })).toThrow(/同意/);
  });

  it('refuses the officer who proposed the interview as the one who agrees to it', () => {
    const agree = task({ kind: 'approve-interview', candidateRole: 'approver' });
    const proposedBy = (who: typeof officer) => (kind: string) => (kind === 'propose-interview' ? who : undefined);
    expect(() => assertNotProposer(agree, { ...officer, role: 'approver' }, proposedBy(officer))).toThrow('提出约谈意见的人员不能审核自己的意见');
    expect(() => assertNotProposer(agree, { id: 'u2', role: 'approver', officeCode: 'XWPX' }, proposedBy(officer))).not.toThrow();
    // the listing's proposer does not bar an interview's approver
    expect(() => assertNotProposer(agree, { ...officer, role: 'approver' }, (k) => (k === 'propose-listing' ? officer : undefined))).not.toThrow();
  });
});
