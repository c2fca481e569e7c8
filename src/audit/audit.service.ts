import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { GroupedWrites } from '../common/db/grouped-writes';
import { isValidUscc } from '../common/validation/uscc';
import { AuditLogEntity } from './audit-log.entity';

const COLUMNS = 11;
/** A value PostgreSQL refused (SQLSTATE classes 22 data exception, 23 integrity): only its own row fails. */
const refusedValue = (err: unknown) => {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
};
/** Text as PostgreSQL takes it: no NUL (a percent-encoded header can carry one), at most 500 characters. */
const clean = (v: string | undefined) => v?.replaceAll('\u0000', '').slice(0, 500);

export interface AuditEntry {
  actor?: Pick<AuthUser, 'id' | 'role'> | null;
  action: string;
  resource: string;
  resourceId?: string;
  uscc?: string;
  reason?: string;
  /** Our own id of the request (X-Request-Id of the response). */
  requestId?: string;
  /** The X-Request-Id the client sent, kept beside ours, never instead of it. */
  clientRequestId?: string;
  ip?: string;
  outcome: string;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  private readonly rows = new GroupedWrites<AuditEntry>(async (entries) => {
    const values = entries.map((_, r) => `(${Array.from({ length: COLUMNS }, (_, c) => `$${r * COLUMNS + c + 1}`).join(', ')})`);
    await this.log.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, resource, resource_id, uscc, reason, request_id, ip, outcome, client_request_id)
       VALUES ${values.join(', ')}`,
      entries.flatMap((e) => [e.actor?.id ?? null, e.actor?.role ?? null, e.action, e.resource, e.resourceId ?? null, e.uscc ?? null,
        e.reason ?? null, e.requestId ?? null, e.ip ?? null, e.outcome, e.clientRequestId ?? null]),
    );
  }, 200, refusedValue);

  constructor(@InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>) {}

  /** Best effort: the change it records is already made, so a failure is logged for reconciliation, not thrown. */
  async record(e: AuditEntry): Promise<void> {
    try {
      await this.recordOrFail(e);
    } catch (err) {
      // An audit row must never be silently lost: log loudly so operations can reconcile from the log stream.
      this.logger.error({ err, entry: e }, 'audit write failed');
    }
  }

  /**
   * For reads: credit information is not released unless the read is on record, so this throws. Rows written at the
   * same time share one INSERT and one commit (GroupedWrites): one per read was one WAL flush per read.
   */
  recordOrFail(e: AuditEntry): Promise<void> {
    return this.rows.add({
      ...e, action: clean(e.action)!, resource: clean(e.resource)!, resourceId: clean(e.resourceId), reason: clean(e.reason),
      requestId: clean(e.requestId), clientRequestId: clean(e.clientRequestId), ip: clean(e.ip), outcome: clean(e.outcome)!,
      uscc: e.uscc && isValidUscc(e.uscc) ? e.uscc : undefined, // what a refused request named may be anything
    });
  }
}
