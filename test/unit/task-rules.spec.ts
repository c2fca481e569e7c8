import type { OpenTask } from '../../workflows/contracts';
import { assertAssignee, assertClaimable, assertOutcome } from '../../workflows/task-rules';

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

  it('requires a severity for an investigation and a decision for an approval', () => {
    expect(() => assertOutcome(task(), { summary: '拟认定' })).toThrow(/失信程度/);
    expect(() => assertOutcome(task(), { summary: '拟认定', severity: 'general' })).not.toThrow();
    expect(() => assertOutcome(task({ kind: 'approve-determination' }), { summary: '同意' })).toThrow(/同意/);
    expect(() => assertOutcome(task({ kind: 'approve-determination' }), { summary: ' ', decision: 'approve' })).toThrow('请填写办理意见');
  });
});
