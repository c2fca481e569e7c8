import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import type { AuthUser } from '../auth/role';
import { CaseDeadlineRepository } from '../cases/case-deadline.repository';
import { actorOf, CaseGateway } from '../cases/case-gateway';
import { CaseRepository } from '../cases/case.repository';
import { CaseTellings } from '../cases/case-tellings';
import { DeadlineClockService } from '../cases/deadline-clock.service';
import {
  applyRepairUpdate, CaseSnapshot, InstitutionDeadlineKind, InstitutionSubmission, RejectCode, submitObjectionUpdate, submitRectificationUpdate,
  submitStatementUpdate,
} from '../../workflows/contracts';
import { inTime } from './answer-window';
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
    private readonly tellings: CaseTellings,
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
   * An answer to a deadline is accepted here (issue #20): the open deadline row is closed as answered and the
   * submission written, with the case's telling of it (cases/case-tellings.ts); once committed the institution is
   * answered and the case told by a signal, which it takes as told, so the answer waits for no worker and no Temporal
   * round trip. The case's rules for it, applied to the row under its lock: this institution's case, a text that is
   * not blank, the deadline open and not past its end (answer-window.ts). A telling that reaches the case after the
   * deadline's end (Temporal down, the API stopped) still counts: at the end the case asks the row, which says
   * answered (runtime/institution-deadlines.ts `lapse`). With no open deadline of its kind, and for a repair
   * application (which has no deadline), the case decides (stage, party, repair dates) and the answer comes once it
   * has accepted it. A resent answer finds the deadline closed and is refused as out of the window.
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
      // decided on the row as it is under its lock, and received at that moment
      const held = await this.caseRows.transaction(async (m) => {
        const row = await this.deadlinesOf.lockedOpen(m, deadline.id);
        if (!row) rules.reject(RejectCode.WRONG_STAGE, rules.NOT_IN_WINDOW[kind]); // answered or closed meanwhile
        const told = { signal: 'institutionAnswered', payload: { ...s, actor, deadlineId: deadline.id, atMs: Date.now() } } as const;
        // the case's words for it (runtime/handlers.ts); its timer closes the row as missed at the end
        if (!inTime(row!, told.payload.atMs)) rules.reject(RejectCode.DEADLINE_PASSED, `提交期限已于 ${row!.dueDate} 届满`);
        await this.deadlinesOf.answered(m, {
          caseNo, kind, round: deadline.round, deadlineId: deadline.id, actor, text: s.text, fileIds: s.fileIds, key: `${caseNo}:answer:${deadline.id}`,
        });
        return { id: await this.tellings.hold(m, caseNo, told), told };
      });
      this.tellings.tellSoon(held.id, caseNo, held.told);
    } else {
      await this.gateway.accept(caseNo, user, update, s, randomUUID());
    }
    return { caseNo, accepted: true, waitingFor: '已受理，案件将转入下一环节' };
  }
}
