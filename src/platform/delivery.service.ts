import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { SubmissionType } from './outbox.service';
import { SUBMISSION_TYPE_LABELS } from './platform.config';
import { FieldMessage, OutgoingRecord, PlatformClient, SubmitResult } from './platform.client';

export type DeliveryOutcome =
  | { kind: 'delivered'; duplicate: boolean }
  | { kind: 'needs_fix' }
  | { kind: 'skipped' }
  | { kind: 'retry'; reason: string };

interface Row {
  id: string;
  idempotency_key: string;
  record_type: SubmissionType;
  record_ref: string;
  uscc: string | null;
  office_code: string | null;
  payload: Record<string, unknown>;
}

/**
 * Delivers a group of pending submissions: one read, one request to the platform's batch endpoint, one write per
 * kind of outcome. PostgreSQL is the ledger: every write is guarded by `status = 'pending'`, so a job that runs
 * twice (a stalled worker, a row handed over again) changes nothing the second time.
 */
@Injectable()
export class DeliveryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly client: PlatformClient,
    private readonly notifications: NotificationsService,
  ) {}

  async deliver(ids: string[]): Promise<Map<string, DeliveryOutcome>> {
    const out = new Map<string, DeliveryOutcome>(ids.map((id) => [id, { kind: 'skipped' }]));
    // read at delivery time, not at hand-over: a resend after a fix must send the fixed payload
    const rows: Row[] = await this.ds.query(
      `SELECT id, idempotency_key, record_type, record_ref, uscc, office_code, payload
         FROM platform_submissions WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
    if (!rows.length) return out;
    const results = await this.submit(rows);
    const delivered: [Row, string][] = [];
    const retry: [Row, string][] = [];
    for (const row of rows) {
      const r = results.get(row.idempotency_key) ?? { kind: 'retry', reason: 'no result for this record' };
      if (r.kind === 'accepted') {
        delivered.push([row, r.receiptId]);
        out.set(row.id, { kind: 'delivered', duplicate: r.duplicate });
      } else if (r.kind === 'rejected') {
        await this.markNeedsFix(row, r.message, r.fields);
        out.set(row.id, { kind: 'needs_fix' });
      } else {
        retry.push([row, r.reason]);
        out.set(row.id, { kind: 'retry', reason: r.reason });
      }
    }
    if (delivered.length) {
      await this.ds.transaction(async (m) => {
        // No need to wait for the disk here: if a crash loses this write the rows are pending again, are re-sent
        // with the same keys, and the platform answers with the receipts it already gave. Saves a flush per batch.
        await m.query(`SET LOCAL synchronous_commit = off`);
        await m.query(
          `UPDATE platform_submissions s SET status = 'delivered', receipt_id = v.receipt, delivered_at = now(),
                  attempts = attempts + 1, last_attempt_at = now(), last_error = NULL, field_errors = NULL, updated_at = now()
             FROM unnest($1::uuid[], $2::text[]) AS v(id, receipt) WHERE s.id = v.id AND s.status = 'pending'`,
          [delivered.map(([r]) => r.id), delivered.map(([, receipt]) => receipt)],
        );
      });
    }
    if (retry.length) {
      await this.ds.query(
        `UPDATE platform_submissions s SET attempts = attempts + 1, last_attempt_at = now(), last_error = v.reason, updated_at = now()
           FROM unnest($1::uuid[], $2::text[]) AS v(id, reason) WHERE s.id = v.id AND s.status = 'pending'`,
        [retry.map(([r]) => r.id), retry.map(([, reason]) => reason)],
      );
    }
    return out;
  }

  private async submit(rows: Row[]): Promise<Map<string, SubmitResult>> {
    const records: OutgoingRecord[] = rows.map((r) => ({
      idempotencyKey: r.idempotency_key, type: r.record_type, recordRef: r.record_ref, uscc: r.uscc, payload: r.payload,
    }));
    const batch = await this.client.submitBatch(records);
    if (batch instanceof Map) return batch;
    if (batch) return new Map(records.map((r) => [r.idempotencyKey, batch]));
    // the platform refused the batch as such: let each record get its own answer
    const single = await Promise.all(records.map(async (r) => [r.idempotencyKey, await this.client.submit(r)] as const));
    return new Map(single);
  }

  /** A 4xx is not retried: the row waits in the needs-fixing list and the office's officers are told. */
  private async markNeedsFix(row: Row, message: string, fields: FieldMessage[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      // TypeORM answers an UPDATE with [rows, rowCount]
      const [rows] = (await m.query(
        `UPDATE platform_submissions SET status = 'needs_fix', last_error = $2, field_errors = $3, attempts = attempts + 1,
                last_attempt_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'pending' RETURNING fix_count`,
        [row.id, message, JSON.stringify(fields)],
      )) as [{ fix_count: number }[], number];
      if (!rows.length || !row.office_code) return;
      await this.notifications.notify(m, {
        officeCode: row.office_code, role: 'officer', template: 'platform_needs_fix',
        data: { recordType: SUBMISSION_TYPE_LABELS[row.record_type] ?? row.record_type, recordRef: row.record_ref,
          submissionId: row.id, reason: fields.map((f) => `${f.field}：${f.message}`).join('；') || message },
        idempotencyKey: `platform-needs-fix:${row.id}:${rows[0].fix_count}`,
      });
    });
  }
}
