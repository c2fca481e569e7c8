import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import type { AuthUser } from '../auth/role';
import { CaseDeadlineRepository } from '../cases/case-deadline.repository';
import { actorOf, CaseGateway } from '../cases/case-gateway';
import { CaseRepository } from '../cases/case.repository';
import { DeadlineClockService } from '../cases/deadline-clock.service';
import {
  applyRepairUpdate, CaseSnapshot, InstitutionDeadlineKind, InstitutionSubmission, submitObjectionUpdate, submitRectificationUpdate,
  submitStatementUpdate,
} from '../../workflows/contracts';
import { UploadsService } from './uploads.service';
import { caseNotFound } from '../cases/case.errors';

/** What an institution sees and answers: only its own cases, deadlines and files. */
@Injectable()
export class PortalService {
  constructor(
    private readonly caseRows: CaseRepository,
    private readonly deadlinesOf: CaseDeadlineRepository,
    private readonly gateway: CaseGateway,
    private readonly uploads: UploadsService,
    private readonly clock: DeadlineClockService,
  ) {}

  async deadlines(user: AuthUser) {
    const rows = await this.deadlinesOf.openForInstitution(user.uscc);
    const withDaysLeft = [];
    for (const r of rows) withDaysLeft.push({ ...r, workingDaysLeft: await this.clock.workingDaysLeft(r.dueDate) });
    return withDaysLeft;
  }

  objection(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitObjectionUpdate, { text, fileIds }, 'objection');
  }

  statement(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitStatementUpdate, { text, fileIds }, 'statement');
  }

  rectificationReport(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitRectificationUpdate, { text, fileIds }, 'rectification');
  }

  repairApplication(caseNo: string, user: AuthUser, text: string, fileIds: string[], routes: string[]) {
    return this.submit(caseNo, user, applyRepairUpdate, { text, fileIds, routes }, null);
  }

  /**
   * The workflow decides whether the answer is allowed now (stage, deadline, party) and says why not; the answer
   * comes once it has accepted it (issue #20), not when the case has moved to its next stage. An answer to a
   * deadline is then written at once with the same rows and key the case's next activity would write (the receipt
   * the portal shows next), and a resent answer to the same deadline is the same update, taken once.
   */
  private async submit(caseNo: string, user: AuthUser, update: UpdateDefinition<CaseSnapshot, [InstitutionSubmission]>,
    s: Omit<InstitutionSubmission, 'actor'>, kind: InstitutionDeadlineKind | null) {
    if (!(await this.caseRows.belongsTo(caseNo, user.uscc))) throw caseNotFound();
    await this.uploads.assertOwned(s.fileIds, user);
    const deadline = kind ? await this.deadlinesOf.openOf(caseNo, kind) : null;
    const updateId = deadline ? `${deadline.id}:answer` : randomUUID();
    // an open deadline row the case refuses as "not in the window" is one it has not heard of yet: wait for it
    if (deadline) await this.gateway.acceptCaughtUp(caseNo, user, update, s, updateId, ['WRONG_STAGE']);
    else await this.gateway.accept(caseNo, user, update, s, updateId);
    if (deadline && kind) {
      await this.caseRows.applyWritesNow(caseNo, [{
        write: 'answered', key: `${caseNo}:answer:${deadline.id}`, kind, round: deadline.round, deadlineId: deadline.id,
        actor: actorOf(user), text: s.text, fileIds: s.fileIds,
      }]);
    }
    return { caseNo, accepted: true, waitingFor: '已受理，案件将转入下一环节' };
  }
}
