import { createHash } from 'node:crypto';

/** The previous hash of an institution's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly what the hash covers: every stored fact of the record except its derived columns. */
export interface ChainedContent {
  id: string;
  /** Null for a natural person's record (its chain is the subject's). */
  uscc: string | null;
  seq: number;
  kind: string;
  title: string;
  decisionDate: string;
  severity: string | null;
  publicityFrom: string | null;
  publicityUntil: string | null;
  payload: unknown;
  sourceRef: string;
  refersTo: string | null;
  caseNo: string | null;
  officeCode: string | null;
  createdBy: string | null;
  /** ISO-8601 with milliseconds, UTC: what PostgreSQL gives back for the value we wrote. */
  createdAt: string;
}

/**
 * JSON with object keys sorted at every level, so the same facts always give the same bytes whatever order
 * jsonb hands the keys back in. `undefined` members are dropped, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256(previous hash ‖ canonical content): changing or removing any record breaks every link after it. */
export function chainHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface ChainRow extends ChainedContent {
  prevHash: string;
  hash: string;
}

/** Only the hashed facts of a stored row: the stored hashes themselves (and any extra column) are left out. */
export function contentOf(r: ChainedContent): ChainedContent {
  return {
    id: r.id, uscc: r.uscc, seq: r.seq, kind: r.kind, title: r.title, decisionDate: r.decisionDate, severity: r.severity,
    publicityFrom: r.publicityFrom, publicityUntil: r.publicityUntil, payload: r.payload, sourceRef: r.sourceRef,
    refersTo: r.refersTo, caseNo: r.caseNo, officeCode: r.officeCode, createdBy: r.createdBy, createdAt: r.createdAt,
  };
}

/**
 * Walks one institution's records in sequence order and names the first link that does not hold:
 * a gap in the sequence (a deleted record), a previous-hash that does not match (a deleted or reordered
 * record), or a hash that does not match the content (an edited record). `head` is the chain head
 * (last seq and hash), which catches the removal of the newest record.
 */
export function verifyRows(rows: ChainRow[], head: { seq: number; hash: string } | null) {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return broken(rows, expectedSeq, `第 ${expectedSeq} 条记录缺失（记录被删除）`);
    if (row.prevHash !== prev) return broken(rows, row.seq, `第 ${row.seq} 条记录的前序哈希与上一条不符`);
    if (chainHash(prev, contentOf(row)) !== row.hash) return broken(rows, row.seq, `第 ${row.seq} 条记录的内容与哈希不符（记录被修改）`);
    prev = row.hash;
    expectedSeq++;
  }
  const last = rows.length;
  if ((head?.seq ?? 0) !== last || (last > 0 && head?.hash !== prev)) {
    return broken(rows, last + 1, `链头记载共 ${head?.seq ?? 0} 条记录，实际可核验 ${last} 条（末尾记录被删除或链头被改动）`);
  }
  return { ok: true, checked: rows.length };
}

function broken(rows: ChainRow[], seq: number, reason: string) {
  return { ok: false, checked: rows.length, firstBrokenSeq: seq, reason };
}
