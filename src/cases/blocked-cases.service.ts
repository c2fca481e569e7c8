import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/role';
import { conflict } from '../common/errors/domain.exception';
import { forbidden } from '../common/errors/common.errors';
import { resumeCaseSignal, type BlockInput, type ResumeInput } from '../../workflows/contracts';
import { STAGE_LABELS } from '../../workflows/labels';
import { CaseEventRepository } from './case-event.repository';
import { CaseGateway } from './case-gateway';
import { CaseRepository } from './case.repository';
import { CaseErrorCode, caseNotFound } from './case.errors';

/**
 * Cases whose next step failed for good (workflows/runtime/blocking.ts): the workflow records the block here, waits
 * for `resumeCase`, and records the resumption before it tries the step again.
 */
@Injectable()
export class BlockedCasesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
  ) {}

  /** Writes the queued writes, marks the case blocked and records CASE_BLOCKED; a retry writes nothing twice. */
  async block(a: BlockInput, idempotencyKey: string): Promise<void> {
    await this.cases.transaction(async (m) => {
      await this.cases.applyWrites(m, a.caseNo, a.writes);
      // registration itself may be the step that failed before the row existed: the workflow still knows why
      if (await this.cases.markBlocked(m, a)) {
        await this.events.insert(m, { caseNo: a.caseNo, type: 'CASE_BLOCKED', reason: a.reason, payload: { code: a.code, stage: a.stage }, idempotencyKey });
      }
    });
  }

  async resume(a: ResumeInput, idempotencyKey: string): Promise<void> {
    await this.cases.transaction(async (m) => {
      if (await this.cases.clearBlocked(m, a.caseNo)) {
        await this.events.insert(m, { caseNo: a.caseNo, type: 'CASE_RESUMED', actor: a.actor, reason: a.note ?? null, payload: { stage: a.stage }, idempotencyKey });
      }
    });
  }
}

/** The operations side: list blocked cases, and tell a case its cause is fixed. */
@Injectable()
export class BlockedCasesOps {
  constructor(
    private readonly cases: CaseRepository,
    private readonly gateway: CaseGateway,
  ) {}

  async list() {
    const rows = await this.cases.blocked();
    return { items: rows.map((r) => ({ ...r, stageLabel: STAGE_LABELS[r.stage], since: new Date(r.since).toISOString() })) };
  }

  /** An approver of the case's office, or an admin, says the cause is fixed: the workflow retries the step. */
  async resume(caseNo: string, user: AuthUser, note?: string) {
    const row = await this.cases.blockState(caseNo);
    if (!row) throw caseNotFound();
    if (user.role === 'approver' && row.officeCode !== null && row.officeCode !== user.officeCode) throw forbidden('只有本科室审核人或管理员可以恢复案件办理');
    if (!row.blockedAt || row.closedAt) throw conflict(CaseErrorCode.CASE_NOT_BLOCKED, '该案件未处于受阻状态，无需恢复');
    await this.gateway.signal(caseNo, user, resumeCaseSignal, { note });
    return { caseNo, resumeRequested: true };
  }
}
