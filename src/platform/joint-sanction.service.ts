import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from './outbox.service';

export interface JointSanctionNotices {
  caseNo: string;
  uscc: string;
  /** The constraint measures the approver confirmed (限制从业, 取消评优资格…). */
  measures: string[];
  /** Member departments (联合惩戒成员单位) to notify, by name or code. */
  departments: string[];
  officeCode?: string | null;
  decisionDate?: string;
}

export interface NoticeState {
  department: string;
  submissionId: string;
  status: string;
  receiptId: string | null;
  lastError: string | null;
  acknowledgedAt: string | null;
}

/**
 * Joint-sanction notices travel through the municipal platform: one outbox submission per member department,
 * written in the caller's transaction; the departments' acknowledgements come back through the feed and are
 * recorded on the case as JOINT_SANCTION_ACK events (InboundService).
 */
@Injectable()
export class JointSanctionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async sendNotices(m: EntityManager, n: JointSanctionNotices): Promise<{ department: string; submissionId: string; created: boolean }[]> {
    const out = [];
    for (const department of [...new Set(n.departments)]) {
      const { id, created } = await this.outbox.enqueue(m, {
        recordType: 'joint_sanction_notice',
        recordRef: n.caseNo,
        uscc: n.uscc,
        officeCode: n.officeCode ?? null,
        payload: {
          caseNo: n.caseNo, uscc: n.uscc, department, measures: n.measures,
          ...(n.decisionDate ? { decisionDate: n.decisionDate } : {}),
        },
        // one notice per case and department, however often the workflow's activity is retried
        idempotencyKey: `joint-sanction:${n.caseNo}:${department}`,
      });
      out.push({ department, submissionId: id, created });
    }
    return out;
  }

  /** Each department's notice: delivered or not, and whether it has signed for it. */
  notices(caseNo: string): Promise<NoticeState[]> {
    return this.ds.query(
      `SELECT s.payload->>'department' AS department, s.id AS "submissionId", s.status, s.receipt_id AS "receiptId",
              s.last_error AS "lastError", e.occurred_at AS "acknowledgedAt"
         FROM platform_submissions s
         LEFT JOIN case_events e ON e.idempotency_key = 'joint-sanction-ack:' || s.idempotency_key
        WHERE s.record_type = 'joint_sanction_notice' AND s.record_ref = $1 ORDER BY s.created_at`,
      [caseNo],
    );
  }
}
