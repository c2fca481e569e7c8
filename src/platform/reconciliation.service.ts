import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformClient } from './platform.client';

export type DiscrepancyKind =
  /** We hold a receipt, the platform does not hold the record: it lost it (or it was purged). */
  | 'missing_on_platform'
  /** Both hold it, under different receipts. */
  | 'receipt_mismatch'
  /** The platform holds it, we still wait for the receipt (a lost response): the next attempt collapses into it. */
  | 'held_unconfirmed'
  /** The platform holds a key from us that our outbox never had. */
  | 'unknown_on_platform';

export interface ReconciliationReport {
  generatedAt: string;
  local: { total: number; pending: number; retrying: number; delivered: number; needsFix: number };
  byType: { recordType: string; pending: number; retrying: number; delivered: number; needsFix: number }[];
  platform: { reachable: boolean; held: number | null; error?: string };
  matched: number;
  discrepancyCounts: Record<DiscrepancyKind, number>;
  /** The first 500 discrepancies; the counts above are complete. */
  discrepancies: { kind: DiscrepancyKind; idempotencyKey: string; submissionId?: string; status?: string; receiptId?: string | null; platformReceiptId?: string }[];
}

const LIST_MAX = 500;

/** Compares the outbox with what the platform says it holds, key by key. */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly client: PlatformClient,
  ) {}

  async report(): Promise<ReconciliationReport> {
    const byType = await this.ds.query(
      `SELECT record_type AS "recordType",
              count(*) FILTER (WHERE status = 'pending' AND attempts = 0)::int AS pending,
              count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
              count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
              count(*) FILTER (WHERE status = 'needs_fix')::int AS "needsFix"
         FROM platform_submissions GROUP BY record_type ORDER BY record_type`,
    );
    const sum = (k: 'pending' | 'retrying' | 'delivered' | 'needsFix') =>
      byType.reduce((s: number, r: Record<string, number>) => s + r[k], 0);
    const local = { total: 0, pending: sum('pending'), retrying: sum('retrying'), delivered: sum('delivered'), needsFix: sum('needsFix') };
    local.total = local.pending + local.retrying + local.delivered + local.needsFix;

    const counts: Record<DiscrepancyKind, number> = {
      missing_on_platform: 0, receipt_mismatch: 0, held_unconfirmed: 0, unknown_on_platform: 0,
    };
    const discrepancies: ReconciliationReport['discrepancies'] = [];
    const note = (d: ReconciliationReport['discrepancies'][number]) => {
      counts[d.kind]++;
      if (discrepancies.length < LIST_MAX) discrepancies.push(d);
    };

    const held = new Map<string, string>();
    try {
      for await (const r of this.client.held()) held.set(r.idempotencyKey, r.receiptId);
    } catch (err) {
      return { generatedAt: new Date().toISOString(), local, byType, matched: 0, discrepancyCounts: counts, discrepancies,
        platform: { reachable: false, held: null, error: (err as Error).message } };
    }

    const heldCount = held.size;
    let matched = 0;
    const rows: { id: string; key: string; status: string; receipt_id: string | null }[] = await this.ds.query(
      `SELECT id, idempotency_key AS key, status, receipt_id FROM platform_submissions`,
    );
    for (const r of rows) {
      const theirs = held.get(r.key);
      held.delete(r.key);
      const base = { idempotencyKey: r.key, submissionId: r.id, status: r.status, receiptId: r.receipt_id };
      if (r.status === 'delivered') {
        if (!theirs) note({ kind: 'missing_on_platform', ...base });
        else if (theirs !== r.receipt_id) note({ kind: 'receipt_mismatch', ...base, platformReceiptId: theirs });
        else matched++;
      } else if (theirs) {
        note({ kind: 'held_unconfirmed', ...base, platformReceiptId: theirs });
      }
    }
    for (const [key, receipt] of held) note({ kind: 'unknown_on_platform', idempotencyKey: key, platformReceiptId: receipt });
    return {
      generatedAt: new Date().toISOString(), local, byType, matched, discrepancyCounts: counts, discrepancies,
      platform: { reachable: true, held: heldCount },
    };
  }
}
