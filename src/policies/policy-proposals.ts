import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/role';
import { toDayNumber } from '../calendar/iso-date';
import { beijingToday } from '../common/time/beijing';
import { FourEyesService, ProposalView } from '../common/four-eyes/four-eyes.service';
import { nextDocument, PoliciesService } from './policies.service';
import type { PolicyDocument } from './policy.types';
import { policyInvalid } from './policy.errors';

/**
 * Every deadline follows the active policy, so a new version is proposed by one administrator and published when
 * another approves it (four eyes, docs/four-eyes.md). The whole document is checked when proposed, so nobody is
 * asked to approve what would be refused, and again on approval against the version active then.
 */
@Injectable()
export class PolicyProposals {
  constructor(
    private readonly policies: PoliciesService,
    private readonly fourEyes: FourEyesService,
  ) {
    fourEyes.register('policy_publish', (m, p) => {
      const { changes, note, effectiveFrom } = p.change as { changes: Partial<PolicyDocument>; note: string; effectiveFrom?: string | null };
      return this.policies.publish(m, changes, note, p.proposedBy, effectiveFrom);
    });
  }

  async propose(changes: Partial<PolicyDocument>, note: string, admin: AuthUser, effectiveFrom?: string | null): Promise<ProposalView> {
    // a date in the past would rewrite which rules cases were judged by: from today on only
    if (effectiveFrom) toDayNumber(effectiveFrom);
    if (effectiveFrom && effectiveFrom < beijingToday()) {
      throw policyInvalid([{ field: 'effectiveFrom', message: '施行日期不能早于今天' }]);
    }
    const current = await this.policies.active().catch(() => null);
    nextDocument(current?.document ?? null, changes);
    return this.fourEyes.propose({
      kind: 'policy_publish', subjectRef: 'policy', office: null, decidingRole: 'admin', change: { changes, note, effectiveFrom: effectiveFrom ?? null }, reason: note,
      summary: `发布新的监管政策版本（修改：${Object.keys(changes).join('、') || '无'}${effectiveFrom ? `；自 ${effectiveFrom} 起施行` : ''}）`,
    }, admin);
  }
}
