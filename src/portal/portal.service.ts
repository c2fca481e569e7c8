import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import type { AuthUser } from '../auth/role';
import { CaseDeadlineRepository } from '../cases/case-deadline.repository';
import { actorOf, CaseGateway } from '../cases/case-gateway';
import { CaseRepository } from '../cases/case.repository';
import { DeadlineClockService } from '../cases/deadline-clock.service';
import {
  applyRepairUpdate, CaseSnapshot, InstitutionDeadlineKind, InstitutionSubmission, RejectCode, submitObjectionUpdate, submitRectificationUpdate,
  submitStatementUpdate,
} from '../../workflows/contracts';
import { portalAccepts } from './answer-window';
import { UploadsService } from './uploads.service';
import { caseNotFound } from '../cases/case.errors';
import * as rules from '../../workflows/task-rules';

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
   * An answer to a deadline well before its end is accepted here (issue #20): the open deadline row is closed as
   * answered and the submission written, and the case told by a signal before the transaction commits; the case
   * takes it as told, and the answer waits for no worker. The case's rules for it: this institution's case (checked
   * above), a text that is not blank, and the deadline row open, read under its lock. Near the end of the deadline,
   * and for a repair application (which has no deadline), the workflow decides (stage, deadline, party) and the
   * answer comes once it has accepted it: its deadline timer and the answer are then ordered by the case itself. A
   * resent answer finds the deadline closed and is refused as out of the window, as the case would refuse it.
   */
  private async submit(caseNo: string, user: AuthUser, update: UpdateDefinition<CaseSnapshot, [InstitutionSubmission]>,
    s: Omit<InstitutionSubmission, 'actor'>, kind: InstitutionDeadlineKind | null) {
    // three reads at once, each in the write lane, refused in this order: whose case, whose files, which deadline
    const [own, files, open] = await Promise.allSettled([
      this.caseRows.belongsTo(caseNo, user.uscc), this.uploads.assertOwned(s.fileIds, user), kind ? this.deadlinesOf.openOf(caseNo, kind) : null,
    ]);
    if (own.status === 'rejected') throw own.reason;
    if (!own.value) throw caseNotFound();
    if (files.status === 'rejected') throw files.reason;
    if (open.status === 'rejected') throw open.reason;
    const deadline = open.value;
    if (deadline && kind) {
      if (!s.text?.trim()) rules.reject(RejectCode.OUTCOME_INVALID, '请填写说明'); // the case's rule for every answer
      const actor = actorOf(user);
      // decided on the row as it is under its lock, at the last moment before the case is told
      const taken = await this.caseRows.transaction(async (m) => {
        const row = await this.deadlinesOf.lockedOpen(m, deadline.id);
        if (!row) rules.reject(RejectCode.WRONG_STAGE, rules.NOT_IN_WINDOW[kind]); // answered or closed meanwhile
        if (!portalAccepts(row!, Date.now())) return false;
        await this.deadlinesOf.answered(m, {
          caseNo, kind, round: deadline.round, deadlineId: deadline.id, actor, text: s.text, fileIds: s.fileIds, key: `${caseNo}:answer:${deadline.id}`,
        });
        await this.gateway.tellAnswered(caseNo, { ...s, actor, deadlineId: deadline.id, atMs: Date.now() });
        return true;
      });
      if (!taken) {
        // near the deadline's end the case decides. An open deadline row it refuses as "not in the window" is one it
        // has not heard of yet: wait for it
        await this.gateway.acceptCaughtUp(caseNo, user, update, s, `${deadline.id}:answer`, ['WRONG_STAGE']);
        await this.caseRows.applyWritesNow(caseNo, [{
          write: 'answered', key: `${caseNo}:answer:${deadline.id}`, kind, round: deadline.round, deadlineId: deadline.id, actor, text: s.text, fileIds: s.fileIds,
        }]);
      }
    } else {
      await this.gateway.accept(caseNo, user, update, s, randomUUID());
    }
    return { caseNo, accepted: true, waitingFor: '已受理，案件将转入下一环节' };
  }
}
