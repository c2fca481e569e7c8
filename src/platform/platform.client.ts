import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';
import { PlatformQueues } from './platform-queues';
import { PlatformErrorCode } from './platform.errors';

export interface FieldMessage {
  field: string;
  message: string;
}

export type SubmitResult =
  | { kind: 'accepted'; receiptId: string; duplicate: boolean }
  /** The platform refused the content (4xx): retrying the same payload cannot help, an officer must fix it. */
  | { kind: 'rejected'; status: number; message: string; fields: FieldMessage[] }
  /** Outage, overload, timeout or a cut connection: the same request may well succeed later. */
  | { kind: 'retry'; reason: string };

export interface OutgoingRecord {
  idempotencyKey: string;
  type: string;
  recordRef: string;
  uscc: string | null;
  payload: Record<string, unknown>;
}

/** Something another department reported, as the platform's feed offers it to the bureau. */
export interface PlatformFeedItem {
  seq: number;
  /** The reporting department's own id for the item: stable across redeliveries. */
  id: string;
  /** `repair_application`: a repair application 信用中国 received, forwarded to the body that determined the record. */
  kind: 'record' | 'joint_sanction_ack' | 'repair_application';
  department: string;
  /** Null for a natural person's repair application (the person is named in the payload). */
  uscc: string | null;
  title: string;
  recordType?: string;
  severity?: string;
  decisionDate?: string;
  payload: Record<string, unknown>;
  /** For acknowledgements: the notice's idempotency key and case number. */
  refIdempotencyKey?: string;
  caseNo?: string;
}

interface BatchResult {
  idempotencyKey: unknown;
  status: 'accepted' | 'duplicate' | 'rejected';
  receiptId?: string;
  message?: string;
  fields?: FieldMessage[];
}

/** 4xx codes that mean "not now" rather than "not this". */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/** The municipal platform's exchange interface (contract: src/platform-simulator/openapi.yaml). */
@Injectable()
export class PlatformClient {
  constructor(private readonly queues: PlatformQueues) {}

  private get cfg() {
    return this.queues.config;
  }

  get enabled(): boolean {
    return this.cfg.url !== null;
  }

  async submit(r: OutgoingRecord): Promise<SubmitResult> {
    let res: Response;
    try {
      res = await fetch(`${this.cfg.url}/v1/records`, {
        method: 'POST',
        // the key travels in the body: keys may carry Chinese department names, which HTTP headers cannot
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(r),
        signal: AbortSignal.timeout(this.cfg.timeoutMs),
      });
    } catch (err) {
      return { kind: 'retry', reason: describe(err) };
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok && typeof body.receiptId === 'string') {
      return { kind: 'accepted', receiptId: body.receiptId, duplicate: body.duplicate === true };
    }
    if (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status)) {
      const fields = Array.isArray(body.fields) ? (body.fields as FieldMessage[]) : [];
      return { kind: 'rejected', status: res.status, message: String(body.message ?? `HTTP ${res.status}`), fields };
    }
    return { kind: 'retry', reason: `HTTP ${res.status} ${String(body.message ?? '')}`.trim() };
  }

  /**
   * Many records in one request (the platform's batch endpoint answers per record). A failure of the request as a
   * whole is `retry` for all of them; a batch-level refusal returns null so the caller can send them one by one.
   */
  async submitBatch(records: OutgoingRecord[]): Promise<Map<string, SubmitResult> | { kind: 'retry'; reason: string } | null> {
    let res: Response;
    try {
      res = await fetch(`${this.cfg.url}/v1/records/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records }),
        signal: AbortSignal.timeout(this.cfg.timeoutMs),
      });
    } catch (err) {
      return { kind: 'retry', reason: describe(err) };
    }
    const body = (await res.json().catch(() => ({}))) as { message?: string; results?: BatchResult[] };
    if (res.ok && Array.isArray(body.results)) {
      return new Map(body.results.map((r): [string, SubmitResult] => [String(r.idempotencyKey), r.status === 'rejected'
        ? { kind: 'rejected', status: 422, message: r.message ?? '报送数据校验未通过', fields: r.fields ?? [] }
        : typeof r.receiptId === 'string'
          ? { kind: 'accepted', receiptId: r.receiptId, duplicate: r.status === 'duplicate' }
          : { kind: 'retry', reason: 'no receipt in batch result' }]));
    }
    if (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status)) return null;
    return { kind: 'retry', reason: `HTTP ${res.status} ${String(body.message ?? '')}`.trim() };
  }

  /** Everything the platform holds from the bureau, for reconciliation. */
  async *held(): AsyncGenerator<{ idempotencyKey: string; receiptId: string; type: string }> {
    let after = 0;
    for (;;) {
      const page = await this.get<{ items: { idempotencyKey: string; receiptId: string; type: string; seq: number }[]; next: number | null }>(
        `/v1/records?after=${after}&limit=5000`,
      );
      yield* page.items;
      if (page.next === null || page.items.length === 0) return;
      after = page.next;
    }
  }

  feed(after: number, limit: number): Promise<{ items: PlatformFeedItem[]; next: number | null }> {
    return this.get(`/v1/feed?after=${after}&limit=${limit}`);
  }

  /** The platform down or failing is not our fault nor the user's: 503, to try again later (a queued pull retries). */
  private async get<T>(path: string): Promise<T> {
    if (!this.enabled) throw new Error('PLATFORM_URL is not configured');
    const unavailable = (why: string) =>
      new DomainException(PlatformErrorCode.PLATFORM_UNAVAILABLE, `市级信用平台暂时无法访问（${why}），请稍后重试`, 503, { path });
    let res: Response;
    try {
      res = await fetch(`${this.cfg.url}${path}`, { signal: AbortSignal.timeout(this.cfg.timeoutMs) });
    } catch (err) {
      throw unavailable(describe(err));
    }
    if (!res.ok) throw unavailable(`HTTP ${res.status}`);
    return (await res.json()) as T;
  }
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'timeout';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
