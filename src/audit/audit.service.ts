import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actor?: Pick<AuthUser, 'id' | 'role'> | null;
  action: string;
  resource: string;
  resourceId?: string;
  uscc?: string;
  reason?: string;
  requestId?: string;
  ip?: string;
  outcome: string;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

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

  /** For reads: credit information is not released unless the read is on record, so this throws. */
  async recordOrFail(e: AuditEntry): Promise<void> {
    await this.log.insert({
      actorId: e.actor?.id ?? null,
      actorRole: e.actor?.role ?? null,
      action: e.action,
      resource: e.resource,
      resourceId: e.resourceId ?? null,
      uscc: e.uscc ?? null,
      reason: e.reason ?? null,
      requestId: e.requestId ?? null,
      ip: e.ip ?? null,
      outcome: e.outcome,
    });
  }
}
