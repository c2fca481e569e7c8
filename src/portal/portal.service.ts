import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import type { AuthUser } from '../auth/role';
import { CaseDeadlineRepository } from '../cases/case-deadline.repository';
import { CaseGateway } from '../cases/case-gateway';
import { CaseRepository } from '../cases/case.repository';
import { DeadlineClockService } from '../cases/deadline-clock.service';
import {
  applyRepairUpdate, CaseSnapshot, InstitutionSubmission, submitObjectionUpdate, submitRectificationUpdate, submitStatementUpdate,
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

  cases(user: AuthUser) {
    return this.caseRows.ofInstitution(user.uscc);
  }

  objection(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitObjectionUpdate, { text, fileIds });
  }

  statement(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitStatementUpdate, { text, fileIds });
  }

  rectificationReport(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitRectificationUpdate, { text, fileIds });
  }

  repairApplication(caseNo: string, user: AuthUser, text: string, fileIds: string[], routes: string[]) {
    return this.submit(caseNo, user, applyRepairUpdate, { text, fileIds, routes });
  }

  /** The workflow decides whether the answer is allowed now (stage, deadline, party) and says why not. */
  private async submit(caseNo: string, user: AuthUser, update: UpdateDefinition<CaseSnapshot, [InstitutionSubmission]>, s: Omit<InstitutionSubmission, 'actor'>) {
    if (!(await this.caseRows.belongsTo(caseNo, user.uscc))) throw caseNotFound();
    await this.uploads.assertOwned(s.fileIds, user);
    const snapshot = await this.gateway.act(caseNo, user, update, s);
    return { caseNo, stage: snapshot.stage, waitingFor: snapshot.waitingFor };
  }
}
