import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PlatformFeedItem } from '../platform/platform.client';

/** A record the platform accepted from the bureau. */
export interface HeldRecord {
  seq: number;
  idempotencyKey: string;
  receiptId: string;
  type: string;
  recordRef: string | null;
  /** Null for a natural person's record, identified by 证件类型 and the sealed 证件号码 in the payload. */
  uscc: string | null;
  payload: Record<string, unknown>;
  receivedAt: string;
  /** How many times the same key arrived again after acceptance (collapsed, not stored twice). */
  duplicates: number;
}

/** Something another department reported, offered to the bureau through the feed in the shape its client reads. */
export interface FeedItem extends PlatformFeedItem {
  severity?: 'minor' | 'general' | 'serious';
  publishedAt: string;
}

/** A repair result the platform passed on to 信用中国 (the bureau's answer to an application that came from there). */
export interface CreditChinaResult {
  applicationId: string;
  status: string;
  reason: string | null;
  receiptId: string;
  forwardedAt: string;
}

export interface Faults {
  /** Share of requests answered 500 before anything is stored. */
  errorRate: number;
  /** Share of accepted records whose response is cut off (socket destroyed): stored, but the caller never hears so. */
  lostResponseRate: number;
  /** Delay before a request is handled. */
  latencyMs: number;
  /** ISO instant until which every /v1 request answers 503. */
  outageUntil: string | null;
  /** Reject records whose field matches (or, without a pattern, merely has) a value. */
  rejectFields: { field: string; message: string; pattern?: string }[];
}

export const NO_FAULTS: Faults = { errorRate: 0, lostResponseRate: 0, latencyMs: 0, outageUntil: null, rejectFields: [] };

export interface Stats {
  requests: number;
  /** POST requests (single or batch) that reached the exchange interface, faults included. */
  submissionRequests: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  injectedErrors: number;
  outageRefusals: number;
  lostResponses: number;
}

const zeroStats = (): Stats => ({
  requests: 0, submissionRequests: 0, accepted: 0, duplicates: 0, rejected: 0, injectedErrors: 0, outageRefusals: 0, lostResponses: 0,
});

/**
 * The simulator's whole state. In memory; with a state file (the run command passes var/…json) it is
 * written back shortly after each change and reloaded at start, otherwise a restart forgets everything.
 */
export class SimulatorStore {
  readonly records = new Map<string, HeldRecord>();
  readonly ordered: HeldRecord[] = [];
  feed: FeedItem[] = [];
  creditChina: CreditChinaResult[] = [];
  faults: Faults = { ...NO_FAULTS };
  stats: Stats = zeroStats();
  private seq = 0;
  private feedSeq = 0;
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) this.load(stateFile);
  }

  accept(r: Omit<HeldRecord, 'seq' | 'receiptId' | 'receivedAt' | 'duplicates'>): { record: HeldRecord; duplicate: boolean } {
    const existing = this.records.get(r.idempotencyKey);
    if (existing) {
      existing.duplicates++;
      this.stats.duplicates++;
      this.changed();
      return { record: existing, duplicate: true };
    }
    const seq = ++this.seq;
    const receivedAt = new Date().toISOString();
    const receiptId = `LYG-${receivedAt.slice(0, 10).replaceAll('-', '')}-${String(seq).padStart(8, '0')}`;
    const record: HeldRecord = { ...r, seq, receiptId, receivedAt, duplicates: 0 };
    this.records.set(r.idempotencyKey, record);
    this.ordered.push(record);
    this.stats.accepted++;
    this.changed();
    return { record, duplicate: false };
  }

  /** Appends items to the feed; the same item id may appear again (a redelivery), as real feeds do. */
  publish(items: Omit<FeedItem, 'seq' | 'publishedAt'>[]): FeedItem[] {
    const added = items.map((i) => ({ ...i, seq: ++this.feedSeq, publishedAt: new Date().toISOString() }));
    this.feed.push(...added);
    this.changed();
    return added;
  }

  /** Everything after a cursor; seq numbers are dense and ascending, so `after` is simply the last seq seen. */
  page<T extends { seq: number }>(list: T[], after: number, limit: number): { items: T[]; next: number | null } {
    const start = lowerBound(list, after);
    const items = list.slice(start, start + limit);
    return { items, next: items.length ? items[items.length - 1].seq : null };
  }

  reset(): void {
    this.records.clear();
    this.ordered.length = 0;
    this.feed = [];
    this.creditChina = [];
    this.faults = { ...NO_FAULTS };
    this.stats = zeroStats();
    this.seq = 0;
    this.feedSeq = 0;
    this.changed();
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.stateFile) return;
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.tmp`;
    const { ordered, feed, creditChina, faults, stats, seq, feedSeq } = this;
    writeFileSync(tmp, JSON.stringify({ ordered, feed, creditChina, faults, stats, seq, feedSeq }));
    renameSync(tmp, this.stateFile); // atomic: a crash mid-write leaves the previous state intact
  }

  private changed(): void {
    if (!this.stateFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 200);
    this.saveTimer.unref();
  }

  private load(file: string): void {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    for (const r of s.ordered as HeldRecord[]) {
      this.records.set(r.idempotencyKey, r);
      this.ordered.push(r);
    }
    this.feed = s.feed ?? [];
    this.creditChina = s.creditChina ?? [];
    this.faults = { ...NO_FAULTS, ...s.faults };
    this.stats = { ...zeroStats(), ...s.stats };
    this.seq = s.seq ?? this.ordered.length;
    this.feedSeq = s.feedSeq ?? this.feed.length;
  }
}

function lowerBound(list: { seq: number }[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].seq <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
