import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { conflict, forbidden, notFound } from '../common/errors/domain.exception';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { resumeCaseSignal, type BlockInput, type ResumeInput } from '../../workflows/contracts';
import { STAGE_LABELS } from '../../workflows/labels';
import { applyCaseWrites, insertCaseEvent } from './case-writes';

/**
 * Cases whose next step failed for good (workflows/runtime/blocking.ts): the workflow records the block here, waits
 * for `resumeCase`, and records the resumption before it tries the step again.
 */
@Injectable()
export class BlockedCasesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Writes the queued writes, marks the case blocked and records CASE_BLOCKED; a retry writes nothing twice. */
  async block(a: BlockInput, idempotencyKey: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await applyCaseWrites(m, a.caseNo, a.writes);
      const marked = await m.query(
        `UPDATE cases SET blocked_code = $2, blocked_reason = $3, blocked_at = to_timestamp($4 / 1000.0), updated_at = now()
          WHERE case_no = $1 RETURNING case_no`, [a.caseNo, a.code, a.reason, a.atMs]);
      // registration itself may be the step that failed before the row existed: the workflow still knows why
      if (marked[0]?.length) {
        await insertCaseEvent(m, { caseNo: a.caseNo, type: 'CASE_BLOCKED', reason: a.reason, payload: { code: a.code, stage: a.stage }, idempotencyKey });
      }
    });
  }

  async resume(a: ResumeInput, idempotencyKey: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const cleared = await m.query(
        `UPDATE cases SET blocked_code = NULL, blocked_reason = NULL, blocked_at = NULL, updated_at = now() WHERE case_no = $1 RETURNING case_no`,
        [a.caseNo]);
      if (cleared[0]?.length) {
        await insertCaseEvent(m, { caseNo: a.caseNo, type: 'CASE_RESUMED', actor: a.actor, reason: a.note ?? null, payload: { stage: a.stage }, idempotencyKey });
      }
    });
  }
}

/** The operations side: list blocked cases, and tell a case its cause is fixed. */
@Injectable()
export class BlockedCasesOps {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async list() {
    const rows: { caseNo: string; stage: keyof typeof STAGE_LABELS; code: string; reason: string; since: Date; officeCode: string | null; institutionName: string }[] =
      await this.ds.query(
        `SELECT c.case_no AS "caseNo", c.stage, c.blocked_code AS code, c.blocked_reason AS reason, c.blocked_at AS since,
                c.office_code AS "officeCode", i.name AS "institutionName"
           FROM cases c JOIN institutions i ON i.id = c.institution_id
          WHERE c.blocked_at IS NOT NULL AND c.closed_at IS NULL ORDER BY c.blocked_at, c.case_no`);
    return { items: rows.map((r) => ({ ...r, stageLabel: STAGE_LABELS[r.stage], since: new Date(r.since).toISOString() })) };
  }

  /** An approver of the case's office, or an admin, says the cause is fixed: the workflow retries the step. */
  async resume(caseNo: string, user: AuthUser, note?: string) {
    const [row] = await this.ds.query(`SELECT office_code AS "officeCode", blocked_at AS "blockedAt", closed_at AS "closedAt" FROM cases WHERE case_no = $1`, [caseNo]);
    if (!row) throw notFound('CASE_NOT_FOUND', '案件不存在');
    if (user.role === 'approver' && row.officeCode !== null && row.officeCode !== user.officeCode) throw forbidden('只有本科室审核人或管理员可以恢复案件办理');
    if (!row.blockedAt || row.closedAt) throw conflict('CASE_NOT_BLOCKED', '该案件未处于受阻状态，无需恢复');
    await this.temporal.workflow.getHandle(caseNo).signal(resumeCaseSignal, { actor: { id: user.id, role: user.role, officeCode: user.officeCode }, note });
    return { caseNo, resumeRequested: true };
  }
}
