import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { notFound } from '../common/errors/domain.exception';
import { DeadlineClockService } from '../cases/deadline-clock.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import {
  applyRepairUpdate, CaseSnapshot, InstitutionSubmission, submitObjectionUpdate, submitRectificationUpdate,
} from '../../workflows/contracts';
import type { UpdateDefinition } from '@temporalio/client';
import { UploadsService } from './uploads.service';
import { DEADLINE_DOCUMENT_LATERAL } from '../documents/deadline-documents.sql';

/** What an institution sees and answers: only its own cases, deadlines and files. */
@Injectable()
export class PortalService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly uploads: UploadsService,
    private readonly clock: DeadlineClockService,
  ) {}

  async deadlines(user: AuthUser) {
    const rows = await this.ds.query(
      `SELECT d.case_no AS "caseNo", d.kind, d.round, d.due_date::text AS "dueDate", d.status, c.stage,
              sd.doc_no AS "documentNo", sd.title AS "documentTitle", sd.served_on AS "servedOn"
         FROM institution_deadlines d JOIN cases c ON c.case_no = d.case_no ${DEADLINE_DOCUMENT_LATERAL}
        WHERE d.uscc = $1 AND d.status = 'open' ORDER BY d.due_date`, [user.uscc]);
    for (const r of rows) r.workingDaysLeft = await this.clock.workingDaysLeft(r.dueDate);
    return rows;
  }

  cases(user: AuthUser) {
    return this.ds.query(
      `SELECT case_no AS "caseNo", behaviour_code AS "behaviourCode", severity, stage, decision_date::text AS "decisionDate",
              registered_at AS "registeredAt", outcome FROM cases WHERE uscc = $1 ORDER BY registered_at DESC`, [user.uscc]);
  }

  objection(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitObjectionUpdate, { text, fileIds });
  }

  rectificationReport(caseNo: string, user: AuthUser, text: string, fileIds: string[]) {
    return this.submit(caseNo, user, submitRectificationUpdate, { text, fileIds });
  }

  repairApplication(caseNo: string, user: AuthUser, text: string, fileIds: string[], routes: string[]) {
    return this.submit(caseNo, user, applyRepairUpdate, { text, fileIds, routes });
  }

  /** The workflow decides whether the answer is allowed now (stage, deadline, party) and says why not. */
  private async submit(caseNo: string, user: AuthUser, update: UpdateDefinition<CaseSnapshot, [InstitutionSubmission]>, s: Omit<InstitutionSubmission, 'actor'>) {
    const [own] = await this.ds.query(`SELECT 1 FROM cases WHERE case_no = $1 AND uscc = $2`, [caseNo, user.uscc]);
    if (!own) throw notFound('CASE_NOT_FOUND', '案件不存在');
    await this.uploads.assertOwned(s.fileIds, user);
    const actor = { id: user.id, role: user.role, officeCode: null, uscc: user.uscc };
    const snapshot = await this.temporal.workflow.getHandle(caseNo).executeUpdate(update, { args: [{ ...s, actor }] });
    return { caseNo, stage: snapshot.stage, waitingFor: snapshot.waitingFor };
  }
}
