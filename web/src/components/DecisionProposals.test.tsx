import { describe, expect, it } from 'vitest';
import type { DecisionProposal } from '../api/types';
import { whyNot } from './DecisionProposals';

const proposal = (over: Partial<DecisionProposal> = {}): DecisionProposal => ({
  id: 'p1', kind: 'objection_decision', subjectRef: 'o1', officeCode: 'XWPX', decidingRole: 'approver', summary: '异议处理意见：不成立',
  change: {}, reason: '处罚决定合法有效', status: 'pending', raisedBy: 'inst', proposedBy: 'officer', proposedAt: '2026-10-09T02:00:00Z',
  decidedBy: null, decidedAt: null, decisionNote: null, ...over,
});

/** The console offers the buttons only to someone the API lets decide (docs/four-eyes.md). */
describe('whyNot', () => {
  it('lets an approver of the owning office who is not involved decide', () => {
    expect(whyNot(proposal(), { id: 'a1', role: 'approver', officeCode: 'XWPX' })).toBeNull();
  });

  it('names why the proposer, the raiser, an officer or another office may not', () => {
    expect(whyNot(proposal(), { id: 'officer', role: 'officer', officeCode: 'XWPX' })).toBe('本人提出，须由他人审批');
    expect(whyNot(proposal({ raisedBy: 'a1' }), { id: 'a1', role: 'approver', officeCode: 'XWPX' })).toBe('本人提出，须由他人审批');
    expect(whyNot(proposal(), { id: 'o2', role: 'officer', officeCode: 'XWPX' })).toBe('须由所属科室审核人审批');
    expect(whyNot(proposal(), { id: 'a2', role: 'approver', officeCode: 'ZCFG' })).toBe('须由记录所属科室审批');
    expect(whyNot(proposal({ kind: 'policy_publish', decidingRole: 'admin', officeCode: null }), { id: 'ad2', role: 'admin', officeCode: null })).toBeNull();
    // a second-factor reset is raised for the account's owner, who may not approve it either
    const reset = proposal({ kind: 'totp_reset', decidingRole: 'admin', officeCode: null, raisedBy: 'ad2', proposedBy: 'ad1' });
    expect(whyNot(reset, { id: 'ad2', role: 'admin', officeCode: null })).toBe('与本人账号有关，须由另一名管理员审批');
    expect(whyNot(reset, { id: 'ad3', role: 'admin', officeCode: null })).toBeNull();
  });
});
