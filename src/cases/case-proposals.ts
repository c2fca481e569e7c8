import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { FourEyesService, ProposalKind, ProposalView } from '../common/four-eyes/four-eyes.service';
import { assertMayPropose } from '../common/four-eyes/four-eyes.rules';
import { correctCaseUpdate, Severity, withdrawCaseUpdate } from '../../workflows/contracts';
import { CaseGateway } from './case-gateway';
import { conflict } from '../common/errors/domain.exception';
import { caseNotFound } from './case.errors';

type CaseChange = { reason: string; severity?: Severity };

/**
 * Withdrawing or correcting a case removes or changes a determination's effect, so it is a four-eyes decision
 * (issue #14 point 3, docs/four-eyes.md; 行政处罚法 art. 57: the head decides, not the officer who investigated):
 * an officer or approver of the case's office proposes, another approver of that office who is neither the proposer
 * nor the case's 承办 (`cases.registered_by`) approves. The change itself is the workflow's update, sent with the
 * decider as actor once the decision has committed; its validator still decides what the case's stage allows, and the
 * update id `proposal:<id>` makes a retried approval change nothing twice.
 */
@Injectable()
export class CaseProposals {
  constructor(
    private readonly fourEyes: FourEyesService,
    private readonly gateway: CaseGateway,
  ) {
    for (const kind of ['case_withdrawal', 'case_correction'] as const) {
      fourEyes.register(kind, async (m, p) => void (await this.stillAllowed(m, p.kind, p.subjectRef)), (p, decider) => this.send(p, decider));
    }
  }

  withdraw(caseNo: string, reason: string, user: AuthUser): Promise<ProposalView> {
    return this.propose('case_withdrawal', caseNo, { reason }, `撤销案件 ${caseNo}`, user);
  }

  correct(caseNo: string, change: CaseChange, user: AuthUser): Promise<ProposalView> {
    const what = change.severity ? `（失信程度改为 ${change.severity}）` : '';
    return this.propose('case_correction', caseNo, change, `更正案件 ${caseNo}${what}`, user);
  }

  private async propose(kind: ProposalKind, caseNo: string, change: CaseChange, summary: string, user: AuthUser) {
    const c = await this.stillAllowed(this.fourEyes.manager, kind, caseNo);
    assertMayPropose(user, c.officeCode);
    return this.fourEyes.propose({
      kind, subjectRef: caseNo, office: c.officeCode, decidingRole: 'approver', raisedBy: c.registeredBy, summary,
      change: { ...change, reason: change.reason.trim() }, reason: change.reason,
    }, user);
  }

  /**
   * What the workflow's validator would refuse anyway (workflows/runtime/handlers.ts), checked when proposed and again
   * inside the decision's transaction, so nobody is asked to approve a change that cannot happen and a case closed
   * meanwhile leaves the proposal pending; the validator still has the last word when the update is sent.
   */
  private async stillAllowed(m: EntityManager, kind: ProposalKind, caseNo: string) {
    const c = await this.owner(m, caseNo);
    if (c.closed) throw conflict('CASE_CLOSED', '案件已办结，不能再撤销或更正');
    if (kind === 'case_correction' && c.decided) {
      throw conflict('WRONG_STAGE', '已作出认定决定的案件不能直接更正，请撤销后重新登记');
    }
    return c;
  }

  private async send(p: ProposalView, decider: AuthUser): Promise<void> {
    const change = p.change as CaseChange;
    const update = p.kind === 'case_withdrawal' ? withdrawCaseUpdate : correctCaseUpdate;
    await this.gateway.act(p.subjectRef, decider, update, { reason: change.reason, severity: change.severity }, `proposal:${p.id}`);
  }

  private async owner(m: EntityManager, caseNo: string) {
    const [c] = await m.query(
      `SELECT office_code AS "officeCode", registered_by AS "registeredBy", closed_at IS NOT NULL AS closed,
              decision_date IS NOT NULL AS decided FROM cases WHERE case_no = $1`, [caseNo]);
    if (!c) throw caseNotFound();
    return c as { officeCode: string | null; registeredBy: string | null; closed: boolean; decided: boolean };
  }
}
