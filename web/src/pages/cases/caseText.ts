// Words of the case page that are derived from the case view rather than sent by the server.
import type { CaseView, Role } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { ROLE_LABELS } from '../../lib/labels';

/**
 * 认定日期: the decision is dated when the objection window has run out (the workflow's `determine`), so between the
 * approver's approval and that day the page says the proposal was approved and when, not 尚未认定 as if nothing happened.
 */
export function decisionDateText(v: Pick<CaseView, 'decisionDate' | 'history' | 'stage'>): string {
  if (v.decisionDate) return formatDate(v.decisionDate);
  if (v.stage === 'WITHDRAWN') return '未认定（案件已撤销）';
  const approved = [...v.history].reverse().find((e) => e.from === 'APPROVAL' && e.to && e.to !== 'INVESTIGATION' && e.to !== 'APPROVAL');
  if (approved && v.stage !== 'CLOSED') return `拟认定意见已于 ${formatDate(approved.occurredAt)} 审核通过，异议期满后认定`;
  return v.stage === 'CLOSED' ? '未认定' : '尚未认定';
}

/** Who the case waits on: the role and office of each open task, or the institution while one of its deadlines runs. */
export function waitingForWhom(v: Pick<CaseView, 'tasks' | 'institutionDeadlines' | 'institutionName'>, officeName: (c: string) => string): string | undefined {
  const open = v.tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
  if (open.length) {
    const who = open.map((t) => [ROLE_LABELS[t.candidateRole as Role] ?? '工作人员', t.candidateOffice ? officeName(t.candidateOffice) : null].filter(Boolean).join(' · '));
    return [...new Set(who)].join('、');
  }
  if (v.institutionDeadlines.some((d) => d.status === 'open')) return v.institutionName;
  return undefined;
}

/**
 * Whether the case rests again after `taskId` was completed (issue #20: a completion answers once it is accepted
 * and the case told, before its next task or stage is written): the completion is on record and the case waits on
 * someone again — a task opened since, an open deadline of the institution, its publicity — or has ended or is blocked.
 */
export function restsAfter(v: Pick<CaseView, 'tasks' | 'institutionDeadlines' | 'stage' | 'blockedReason'>, taskId: string): boolean {
  const done = v.tasks.find((t) => t.id === taskId);
  if (!done?.completedAt) return false;
  if (['CLOSED', 'WITHDRAWN', 'PUBLICITY'].includes(v.stage) || v.blockedReason) return true;
  // a task opened after the completed one, not after its completion: the API may commit the completion while the
  // case's own transaction, its now() taken earlier, opens the next task
  return v.tasks.some((t) => t.id !== taskId && (t.status === 'open' || t.status === 'claimed') && Date.parse(t.createdAt) > Date.parse(done.createdAt))
    || v.institutionDeadlines.some((d) => d.status === 'open');
}
