import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/role';
import { CaseDeadlineRepository, DeadlineState } from '../cases/case-deadline.repository';
import { actorOf, CaseGateway } from '../cases/case-gateway';
import { CaseRepository } from '../cases/case.repository';
import { CaseTellings } from '../cases/case-tellings';
import { DeadlineClockService } from '../cases/deadline-clock.service';
import {
  applyRepairUpdate, InstitutionDeadlineKind, InstitutionSubmission, RejectCode, submitObjectionUpdate, submitRectificationUpdate, submitStatementUpdate,
} from '../../workflows/contracts';
import { assertAnswerable, endedButOpen } from './answer-window';
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
    return this.answer(caseNo, user, { text, fileIds }, 'objection');
  }

  statement(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.answer(caseNo, user, { text, fileIds }, 'statement');
  }

  rectificationReport(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.answer(caseNo, user, { text, fileIds }, 'rectification');
  }

  /** A repair application has no deadline: the case decides it (stage, party, repair dates) and answers once it has accepted it. */
  async repairApplication(caseNo: string, user: AuthUser, text: string, fileIds: string[], routes: string[]) {
    await this.ownCaseAndFiles(caseNo, user, fileIds);
    await this.gateway.accept(caseNo, user, applyRepairUpdate, { text, fileIds, routes }, randomUUID());
    return ACCEPTED(caseNo);
  }

  /**
   * An answer to a deadline is accepted here (issue #20), received when the request came: under the deadline row's
   * lock the case's rules are applied to it (answer-window.ts: open, not answered, not past its end; a text that is
   * not blank), the row closed as answered and the submission written, with the case's telling of it
   * (cases/case-tellings.ts). Once committed the institution is answered and the case told by a signal it takes as
   * told, so the answer waits for no worker and no Temporal round trip. A telling that reaches the case after the
   * deadline's end (Temporal down, the API stopped) still counts: at the end the case asks the row, which says
   * answered (runtime/institution-deadlines.ts `lapse`). A resend finds the row answered: ALREADY_SUBMITTED.
   */
  private async answer(caseNo: string, user: AuthUser, s: Omit<InstitutionSubmission, 'actor'>, kind: InstitutionDeadlineKind) {
    const atMs = Date.now();
    const [, latest] = await Promise.all([this.ownCaseAndFiles(caseNo, user, s.fileIds), this.deadlinesOf.latestOf(caseNo, kind)]);
    if (latest && endedButOpen(latest, atMs)) return this.answerAtTheEnd(caseNo, user, s, kind, latest);
    assertAnswerable(kind, latest, atMs); // refused without a transaction; decided again below under the row's lock
    if (!s.text?.trim()) rules.reject(RejectCode.OUTCOME_INVALID, '请填写说明'); // the case's rule for every answer
    const actor = actorOf(user);
    const told = { signal: 'institutionAnswered', payload: { ...s, actor, deadlineId: latest.id, atMs } } as const;
    const held = await this.caseRows.transaction(async (m) => {
      assertAnswerable(kind, await this.deadlinesOf.locked(m, latest.id), atMs);
      await this.deadlinesOf.answered(m, {
        caseNo, kind, round: latest.round, deadlineId: latest.id, actor, text: s.text, fileIds: s.fileIds, key: `${caseNo}:answer:${latest.id}`, atMs,
      });
      return this.tellings.hold(m, caseNo, told);
    });
    this.tellings.tellSoon(held, caseNo, told);
    return ACCEPTED(caseNo);
  }

  /**
   * An answer to a deadline whose end has come by the portal's clock but which the case has not closed yet: the case's
   * timer ends a deadline, so its own clock decides (its validator: in time, or DEADLINE_PASSED). Moments after
   * 24:00 in production; longer where the worker computes dates on a calendar of its own (the fault suite's runs
   * fast). Accepted, the answer's receipt is written at once (the case's queued write lands with its next step).
   */
  private async answerAtTheEnd(caseNo: string, user: AuthUser, s: Omit<InstitutionSubmission, 'actor'>, kind: InstitutionDeadlineKind, d: DeadlineState) {
    const update = { objection: submitObjectionUpdate, statement: submitStatementUpdate, rectification: submitRectificationUpdate }[kind];
    await this.gateway.accept(caseNo, user, update, s, `${d.id}:answer`);
    await this.caseRows.transaction((m) => this.deadlinesOf.answered(m, {
      caseNo, kind, round: d.round, deadlineId: d.id, actor: actorOf(user), text: s.text, fileIds: s.fileIds, key: `${caseNo}:answer:${d.id}`,
    }));
    return ACCEPTED(caseNo);
  }

  /** Refused in this order: whose case (404 for another's), whose files; both read at once, in the write lane. */
  private async ownCaseAndFiles(caseNo: string, user: AuthUser, fileIds: string[]): Promise<void> {
    const [own, files] = await Promise.allSettled([this.caseRows.belongsTo(caseNo, user.uscc), this.uploads.assertOwned(fileIds, user)]);
    if (own.status === 'rejected') throw own.reason;
    if (!own.value) throw caseNotFound();
    if (files.status === 'rejected') throw files.reason;
  }
}

const ACCEPTED = (caseNo: string) => ({ caseNo, accepted: true, waitingFor: '已受理，案件将转入下一环节' });
