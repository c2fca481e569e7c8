import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser, Role } from '../auth/role';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { conflict, notFound, unprocessable } from '../common/errors/domain.exception';
import { isValidUscc } from '../common/validation/uscc';
import { maskPersonalData, sealPersonalData, storedPersonalDataKeys } from '../credit-file/personal-data';
import { applyMergePatch } from './merge-patch';
import type { SubmissionType } from './outbox.service';
import { PlatformQueues } from './platform-queues';
import { CommonErrorCode, validationFailed } from '../common/errors/common.errors';
import { PlatformErrorCode } from './platform.errors';

/** pending + an earlier failed attempt reads as "retrying", with the reason, in lists and the report. */
export type SubmissionState = 'pending' | 'retrying' | 'delivered' | 'needs_fix';

export interface SubmissionView {
  id: string;
  idempotencyKey: string;
  recordType: SubmissionType;
  recordRef: string;
  uscc: string | null;
  officeCode: string | null;
  status: 'pending' | 'delivered' | 'needs_fix';
  state: SubmissionState;
  attempts: number;
  lastError: string | null;
  fieldErrors: { field: string; message: string }[] | null;
  receiptId: string | null;
  fixCount: number;
  createdAt: string;
  updatedAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  payload?: Record<string, unknown>;
  fixes?: { at: string; actorId: string | null; reason: string; platformMessage: string | null; before: unknown; after: unknown }[];
}

export interface SubmissionFilter {
  status?: 'pending' | 'delivered' | 'needs_fix';
  recordType?: SubmissionType;
  uscc?: string;
  officeCode?: string;
  recordRef?: string;
  limit?: number;
  offset?: number;
}

export const VIEW_COLUMNS = `id, idempotency_key AS "idempotencyKey", record_type AS "recordType", record_ref AS "recordRef", uscc,
  office_code AS "officeCode", status,
  CASE WHEN status = 'pending' AND attempts > 0 THEN 'retrying' ELSE status END AS state,
  attempts, last_error AS "lastError", field_errors AS "fieldErrors", receipt_id AS "receiptId", fix_count AS "fixCount",
  created_at AS "createdAt", updated_at AS "updatedAt", last_attempt_at AS "lastAttemptAt", delivered_at AS "deliveredAt"`;

/** Who runs the relay: the roles that may fix and resend (platform.controller.ts); they alone read payloads. */
export const RELAY_OPERATORS: Role[] = ['officer', 'admin'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const missing = () => notFound(PlatformErrorCode.SUBMISSION_NOT_FOUND, '报送记录不存在');

/** The officer's side of the outbox: every record's state, and the needs-fixing flow (fix, then resend). */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queues: PlatformQueues,
    private readonly crypto: FieldCryptoService,
  ) {}

  async list(f: SubmissionFilter): Promise<{ items: SubmissionView[]; total: number }> {
    const where = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR record_type = $2) AND ($3::text IS NULL OR uscc = $3)
      AND ($4::text IS NULL OR office_code = $4) AND ($5::text IS NULL OR record_ref = $5)`;
    const params = [f.status ?? null, f.recordType ?? null, f.uscc ?? null, f.officeCode ?? null, f.recordRef ?? null];
    const items = await this.ds.query(
      `SELECT ${VIEW_COLUMNS} FROM platform_submissions WHERE ${where} ORDER BY created_at DESC, id LIMIT $6 OFFSET $7`,
      [...params, Math.min(f.limit ?? 50, 500), f.offset ?? 0],
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM platform_submissions WHERE ${where}`, params);
    return { items, total };
  }

  /**
   * The stored payload holds sealed ID numbers and blind indexes: it is shown masked (the credit file's own
   * `maskPersonalData`), and only to the roles that operate the relay (fix and resend); others see the state only.
   */
  async get(id: string, viewer: Pick<AuthUser, 'role'>): Promise<SubmissionView> {
    if (!UUID.test(id)) throw missing();
    const [row] = await this.ds.query(`SELECT ${VIEW_COLUMNS}, payload FROM platform_submissions WHERE id = $1`, [id]);
    if (!row) throw missing();
    const fixes: NonNullable<SubmissionView['fixes']> = await this.ds.query(
      `SELECT at, actor_id AS "actorId", reason, platform_message AS "platformMessage", payload_before AS before,
              payload_after AS after FROM platform_submission_fixes WHERE submission_id = $1 ORDER BY id`,
      [id],
    );
    const operator = RELAY_OPERATORS.includes(viewer.role);
    const shown = (c: { uscc: string | null; payload: Record<string, unknown> }) =>
      (operator ? { uscc: c.uscc, payload: maskPersonalData(c.payload, this.crypto) } : { uscc: c.uscc });
    const { payload, ...state } = row;
    return {
      ...state, ...(operator ? { payload: maskPersonalData(payload, this.crypto) } : {}),
      fixes: fixes.map((f) => ({ ...f, before: shown(f.before as never), after: shown(f.after as never) })),
    };
  }

  /**
   * Corrects the fields the platform refused (JSON merge patch on the payload; `uscc` too). Only a row in
   * needs_fix can change: what was delivered is evidence, and what is pending may be on the wire right now.
   */
  async fix(id: string, patch: { payload?: Record<string, unknown>; uscc?: string; reason: string }, actor: AuthUser): Promise<SubmissionView> {
    if (!UUID.test(id)) throw missing();
    // the operator reads masked values: a patch names a corrected ID number in clear (…IdNumber), sealed here like
    // everywhere else, and never ciphertext, a blind index or a masked value
    const sealedKeys = patch.payload ? storedPersonalDataKeys(patch.payload) : [];
    if (sealedKeys.length) {
      const message = '请以 …IdNumber 字段提交更正后的证件号码，不能直接修改密文、盲索引或脱敏值';
      throw validationFailed(message, { fields: sealedKeys.map((k) => ({ field: `payload.${k}`, message })) });
    }
    if (patch.payload) patch = { ...patch, payload: sealPersonalData(patch.payload, this.crypto) };
    if (patch.uscc !== undefined && !isValidUscc(patch.uscc)) {
      throw unprocessable(CommonErrorCode.USCC_INVALID, '统一社会信用代码不符合 GB 32100-2015 校验规则', {
        fields: [{ field: 'uscc', message: '统一社会信用代码不符合 GB 32100-2015 校验规则' }],
      });
    }
    await this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT status, payload, uscc, last_error FROM platform_submissions WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw missing();
      if (row.status !== 'needs_fix') throw notFixable(row.status);
      const payload = patch.payload ? applyMergePatch(row.payload, patch.payload) : row.payload;
      const before = { uscc: row.uscc, payload: row.payload };
      const after = { uscc: patch.uscc ?? row.uscc, payload };
      await m.query(
        `INSERT INTO platform_submission_fixes (submission_id, actor_id, actor_role, reason, payload_before, payload_after, platform_message)
         VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [id, actor.id, actor.role, patch.reason, before, after, row.last_error],
      );
      await m.query(
        `UPDATE platform_submissions SET payload = $2, uscc = $3, fix_count = fix_count + 1, updated_at = now() WHERE id = $1`,
        [id, payload, after.uscc],
      );
    });
    return this.get(id, actor);
  }

  /** Puts a fixed row back on the queue with the same idempotency key; the platform never saw it, so no duplicate. */
  async resend(id: string, actor: AuthUser): Promise<SubmissionView> {
    if (!UUID.test(id)) throw missing();
    const ref = await this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT status, record_type FROM platform_submissions WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw missing();
      if (row.status !== 'needs_fix') throw notFixable(row.status);
      await m.query(
        `UPDATE platform_submissions SET status = 'pending', last_error = NULL, field_errors = NULL, queued_at = NULL,
                updated_at = now() WHERE id = $1`,
        [id],
      );
      const r = { id, record_type: row.record_type as SubmissionType };
      // the finished job of the refused attempt still holds this id; drop it before the row is visible as pending
      // (if Redis is away, the poller drops it later when it finds the row pending and stale)
      await this.queues.release(r).catch(() => undefined);
      return r;
    });
    // an immediate nudge; if Redis is away the worker's poller hands the row over instead
    await this.queues.deliver([ref]).catch(() => undefined);
    return this.get(id, actor);
  }
}

function notFixable(status: string) {
  const label = status === 'delivered' ? '已报送成功' : '正在报送中';
  return conflict(PlatformErrorCode.SUBMISSION_NOT_FIXABLE, `该记录${label}，只有被平台退回的记录才能修改或重新报送`, { status });
}
