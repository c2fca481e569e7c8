import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/role';
import { FourEyesService, ProposalView } from '../common/four-eyes/four-eyes.service';
import { nextDocument, PoliciesService } from './policies.service';
import type { PolicyDocument } from './policy.types';

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
      const { changes, note } = p.change as { changes: Partial<PolicyDocument>; note: string };
      return this.policies.publish(m, changes, note, p.proposedBy);
    });
  }

  async propose(changes: Partial<PolicyDocument>, note: string, admin: AuthUser): Promise<ProposalView> {
    const current = await this.policies.active().catch(() => null);
    nextDocument(current?.document ?? null, changes);
    return this.fourEyes.propose({
      kind: 'policy_publish', subjectRef: 'policy', office: null, decidingRole: 'admin', change: { changes, note }, reason: note,
      summary: `发布新的监管政策版本（修改：${Object.keys(changes).join('、') || '无'}）`,
    }, admin);
  }
}
