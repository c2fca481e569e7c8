import type { AuthUser, Role } from '../../auth/role';
import type { DomainException } from '../errors/domain.exception';
import { notDecidingRole, otherOffice, samePerson } from './four-eyes.errors';

/**
 * Who may decide a change that removes, changes or ends a record's effect, or changes the rules everyone's deadlines
 * follow (issue #14 point 3; docs/four-eyes.md). Sources (brief §2, §5): the officer reviews and the approver
 * decides (异议处理: "officer reviews, approver decides"; 行政处罚法 art. 57: the head decides, not the officer who
 * investigated); the body that determined a record repairs it (谁认定谁修复, 国家发展改革委令第36号《信用修复管理办法》),
 * so a record another department determined is referred back, never decided here; and GB/T 22239-2019 8.1.4.2
 * (separation of administrative duties) for changes to the rules themselves.
 */
export interface DecisionContext {
  /** The role that decides: `approver` for a record, `admin` for rules everyone's deadlines follow. */
  decidingRole: Role;
  /** The office that owns the record; null for rules that are no office's (policies, the calendar). */
  office: string | null;
  /** Whoever proposed the change (承办) or raised the matter; none of them may decide it. */
  involved: (string | null | undefined)[];
}

/**
 * The refusal for this decider, or null if they may decide. Being involved is checked first: it is the rule a person
 * most needs to hear, whatever their role.
 */
export function decisionRefusal(decider: Pick<AuthUser, 'id' | 'role' | 'officeCode'>, c: DecisionContext): DomainException | null {
  if (c.involved.some((id) => id && id === decider.id)) {
    return samePerson('提出或承办该事项的人员不能作出决定，须由另一名有权人员审批（四眼原则）');
  }
  if (decider.role !== c.decidingRole) {
    return notDecidingRole(c.decidingRole === 'admin' ? '该变更须由另一名管理员审批' : '该决定须由审核人作出，经办人只能提出处理意见');
  }
  if (c.office !== null && decider.officeCode !== c.office) {
    return otherOffice('只有记录所属科室的审核人才能作出该决定');
  }
  return null;
}

export function assertMayDecide(decider: Pick<AuthUser, 'id' | 'role' | 'officeCode'>, c: DecisionContext): void {
  const refusal = decisionRefusal(decider, c);
  if (refusal) throw refusal;
}

/** A proposal about an office's record comes from that office's own staff (its officers or approvers). */
export function assertMayPropose(proposer: Pick<AuthUser, 'role' | 'officeCode'>, office: string | null): void {
  if (office !== null && proposer.role !== 'admin' && proposer.officeCode !== office) {
    throw otherOffice('只有记录所属科室的人员才能提出处理意见');
  }
}
