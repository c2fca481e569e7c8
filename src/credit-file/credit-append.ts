import { randomUUID } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { toDayNumber } from '../calendar/iso-date';
import { conflict, DomainException } from '../common/errors/domain.exception';
import type { NewSubmission, SubmissionType } from '../platform/outbox.service';
import type { Queryable } from './chain-audit';
import { ChainedContent, chainHash, ChainRow } from './credit-chain';
import {
  CREDIT_RECORD_KINDS, CreditRecordKind, CreditRecordView, KIND_LABELS, NewCreditRecord, REFERRING_KINDS, STATUS_LABELS,
  SUBMITTED_BY_DEFAULT,
} from './credit-record.types';
import { deriveStatus, shanghaiToday } from './credit-status';
import { institutionNotFound } from '../institutions/institution.errors';
import { CreditRecordErrorCode } from './credit-record.errors';
import { endEffectsOnAppend, openEffectsOf } from '../effects/effects.store';

/**
 * Appending one record to an institution's hash chain, with only a query runner: the service runs it with its
 * crypto, outbox and re-evaluation; a migration (the 36号令 transition) runs it without Nest.
 */

export const SUBMISSION_TYPE: Partial<Record<CreditRecordKind, SubmissionType>> = {
  licence: 'licence', penalty: 'penalty', determination: 'determination', interview: 'interview', commitment: 'commitment',
  joint_sanction: 'joint_sanction_notice', repair: 'repair', correction: 'correction',
  publication_end: 'publication_end', reclassification: 'reclassification',
};

/** Columns of a credit record as read back; dates as text so no time zone can move them. */
export const RECORD_COLUMNS = `r.id, r.uscc, r.seq, r.kind, r.title, r.decision_date::text AS "decisionDate", r.severity,
  r.publicity_from::text AS "publicityFrom", r.publicity_until::text AS "publicityUntil", r.payload,
  r.source_ref AS "sourceRef", r.refers_to AS "refersTo", r.case_no AS "caseNo", r.office_code AS "officeCode",
  r.created_by AS "createdBy", r.created_at AS "createdAt", r.prev_hash AS "prevHash", r.hash, r.subject_id AS "subjectId"`;

export type RecordRow = Omit<ChainRow, 'createdAt'> & { createdAt: Date; kind: CreditRecordKind; subjectId?: string | null };
export type Referrer = CreditRecordView['referredBy'][number];

export interface ChainAppendDeps {
  /** Seals ID numbers before the payload is hashed and stored. */
  seal(payload: Record<string, unknown>): Record<string, unknown>;
  /** Masks sealed values for the record's view (and for what the platform is sent beside the sealed payload). */
  mask(payload: Record<string, unknown>): Record<string, unknown>;
  enqueue(m: Queryable, s: NewSubmission): Promise<unknown>;
}

export interface Appended {
  view: CreditRecordView;
  /** Null for a natural person's record. */
  institutionId: string | null;
  /** False when a record with the same source ref was already there (a retry): nothing was written. */
  created: boolean;
}

export const invalidRecord = (field: string, message: string) =>
  new DomainException(CreditRecordErrorCode.CREDIT_RECORD_INVALID, message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });

/** Whose chain a record joins: an institution's (by USCC) or a natural person's subject's (issue #19). */
interface Owner {
  institutionId: string | null;
  subjectId: string | null;
  uscc: string | null;
  officeCode: string | null;
}

async function ownerOf(m: Queryable, input: NewCreditRecord): Promise<Owner> {
  if (input.uscc) {
    const uscc = input.uscc.trim().toUpperCase();
    const [inst] = await m.query(`SELECT id, office_code FROM institutions WHERE uscc = $1`, [uscc]);
    if (!inst) throw institutionNotFound();
    return { institutionId: inst.id, subjectId: null, uscc, officeCode: inst.office_code };
  }
  const [subject] = input.subjectId
    ? await m.query(`SELECT id, office_code FROM subjects WHERE id = $1 AND kind = 'person'`, [input.subjectId]) : [];
  if (!subject) throw invalidRecord('subjectId', '信用记录须属于一个已登记的机构（统一社会信用代码）或自然人主体');
  return { institutionId: null, subjectId: subject.id, uscc: null, officeCode: subject.office_code };
}

/** The head row is the chain's lock: appends to one file queue up here, others run in parallel. */
async function lockHead(m: Queryable, o: Owner): Promise<{ seq: number; hash: string }> {
  const [table, column, key] = o.institutionId
    ? ['credit_chain_heads', 'institution_id', o.institutionId] : ['subject_chain_heads', 'subject_id', o.subjectId];
  await m.query(`INSERT INTO ${table} (${column}) VALUES ($1) ON CONFLICT DO NOTHING`, [key]);
  const [head] = await m.query(`SELECT seq, hash FROM ${table} WHERE ${column} = $1 FOR UPDATE`, [key]);
  return head;
}

/** Lock the chain head, insert the record linked to the previous one, enqueue its platform submission. */
export async function appendToChain(m: Queryable, input: NewCreditRecord, deps: ChainAppendDeps): Promise<Appended> {
  validateRecord(input);
  const owner = await ownerOf(m, input);
  const { uscc } = owner;
  const head = await lockHead(m, owner);
  const [existing] = await m.query(`SELECT ${RECORD_COLUMNS} FROM credit_records r WHERE r.source_ref = $1`, [input.sourceRef]);
  if (existing) {
    if (existing.uscc !== uscc || (existing.subjectId ?? null) !== owner.subjectId || existing.kind !== input.kind) {
      throw conflict(CreditRecordErrorCode.SOURCE_REF_CONFLICT, `来源编号 ${input.sourceRef} 已用于另一条信用记录`, { id: existing.id });
    }
    const refs = await referrersOf(m, [existing.id]);
    return { view: recordView(existing, refs.get(existing.id) ?? [], deps.mask), institutionId: owner.institutionId, created: false };
  }
  if (input.refersTo) {
    const [target] = await m.query(`SELECT institution_id, subject_id FROM credit_records WHERE id = $1`, [input.refersTo]);
    const same = target && (owner.institutionId ? target.institution_id === owner.institutionId : target.subject_id === owner.subjectId);
    if (!same) throw invalidRecord('refersTo', '所指向的信用记录不存在或不属于该机构');
  }
  const payload = deps.seal(JSON.parse(JSON.stringify(input.payload ?? {})));
  const c: ChainedContent = {
    id: randomUUID(), uscc, seq: head.seq + 1, kind: input.kind, title: input.title, decisionDate: input.decisionDate,
    severity: input.severity ?? null, publicityFrom: input.publicityFrom ?? null, publicityUntil: input.publicityUntil ?? null,
    payload, sourceRef: input.sourceRef, refersTo: input.refersTo ?? null, caseNo: input.caseNo ?? null,
    officeCode: input.officeCode ?? owner.officeCode ?? null, createdBy: input.createdBy ?? null, createdAt: new Date().toISOString(),
  };
  const hash = chainHash(head.hash, c);
  await m.query(
    `INSERT INTO credit_records (id, institution_id, uscc, seq, kind, title, decision_date, severity, publicity_from,
       publicity_until, payload, source_ref, refers_to, case_no, office_code, created_by, created_at, behaviour_code,
       catalogue_version, prev_hash, hash, subject_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)`,
    [c.id, owner.institutionId, c.uscc, c.seq, c.kind, c.title, c.decisionDate, c.severity, c.publicityFrom, c.publicityUntil,
      c.payload, c.sourceRef, c.refersTo, c.caseNo, c.officeCode, c.createdBy, c.createdAt,
      str(payload.behaviourCode), int(payload.catalogueVersion), head.hash, hash, owner.subjectId],
  );
  if (owner.institutionId) {
    await m.query(`UPDATE credit_chain_heads SET seq = $2, hash = $3, updated_at = now() WHERE institution_id = $1`, [owner.institutionId, c.seq, hash]);
    // the decision's effects (publication, sharing, deduction, sanction measures, bans) open with the record (docs/effects.md)
    await openEffectsOf(m, { ...c, uscc: c.uscc!, payload, institutionId: owner.institutionId });
    await endEffectsOnAppend(m, { ...c, payload });
  } else {
    // a person's record: publication follows its own window; the effects register is institutions' (docs/subjects.md)
    await m.query(`UPDATE subject_chain_heads SET seq = $2, hash = $3, updated_at = now() WHERE subject_id = $1`, [owner.subjectId, c.seq, hash]);
  }
  const view = recordView({ ...c, subjectId: owner.subjectId, kind: input.kind, createdAt: new Date(c.createdAt), prevHash: head.hash, hash }, [], deps.mask);
  const type = SUBMISSION_TYPE[input.kind];
  if (type && (input.submitToPlatform ?? SUBMITTED_BY_DEFAULT.has(input.kind))) {
    await deps.enqueue(m, {
      recordType: type, recordRef: c.id, uscc, officeCode: c.officeCode,
      payload: { ...view, payload }, idempotencyKey: `credit-record:${c.id}`,
    });
  }
  return { view, institutionId: owner.institutionId, created: true };
}

/**
 * Later records that refer to each of `ids`; a reclassification brings the publication end it set (payload
 * `publicityUntil`, null when it withdrew the record), which the record's status depends on.
 */
export async function referrersOf(m: Queryable, ids: string[]): Promise<Map<string, Referrer[]>> {
  const map = new Map<string, Referrer[]>();
  if (!ids.length) return map;
  const rows = await m.query(
    `SELECT id, kind, decision_date::text AS "decisionDate", refers_to AS "refersTo",
            CASE WHEN kind = 'reclassification' THEN payload->>'publicityUntil' END AS "publicityUntil"
       FROM credit_records WHERE refers_to = ANY($1::uuid[]) ORDER BY seq`, [ids]);
  for (const r of rows) {
    const ref: Referrer = { id: r.id, kind: r.kind, decisionDate: r.decisionDate, ...(r.kind === 'reclassification' ? { publicityUntil: r.publicityUntil } : {}) };
    map.set(r.refersTo, [...(map.get(r.refersTo) ?? []), ref]);
  }
  return map;
}

export function recordView(r: RecordRow, referredBy: Referrer[], mask: ChainAppendDeps['mask']): CreditRecordView {
  const status = deriveStatus(r, referredBy, shanghaiToday());
  return {
    id: r.id, uscc: r.uscc, seq: r.seq, kind: r.kind, kindLabel: KIND_LABELS[r.kind], title: r.title,
    decisionDate: r.decisionDate, severity: (r.severity as CreditRecordView['severity']) ?? null,
    publicityFrom: r.publicityFrom, publicityUntil: r.publicityUntil, status, statusLabel: STATUS_LABELS[status],
    payload: mask((r.payload ?? {}) as Record<string, unknown>),
    sourceRef: r.sourceRef, refersTo: r.refersTo, referredBy, caseNo: r.caseNo, officeCode: r.officeCode,
    ...(r.subjectId && !r.uscc ? { subjectId: r.subjectId } : {}),
    createdAt: r.createdAt.toISOString(), hash: r.hash, prevHash: r.prevHash,
  };
}

function validateRecord(input: NewCreditRecord): void {
  if (!CREDIT_RECORD_KINDS.includes(input.kind)) throw invalidRecord('kind', `信用记录类别不正确：${String(input.kind)}`);
  if (!input.title?.trim()) throw invalidRecord('title', '信用记录标题不能为空');
  if (!input.sourceRef?.trim()) throw invalidRecord('sourceRef', '来源编号不能为空');
  for (const key of ['decisionDate', 'publicityFrom', 'publicityUntil'] as const) {
    if (input[key] != null) toDayNumber(input[key] as string);
  }
  if (input.publicityUntil && !input.publicityFrom) throw invalidRecord('publicityFrom', '有公示截止日期时必须有公示开始日期');
  if (input.publicityFrom && input.publicityUntil && input.publicityUntil < input.publicityFrom) {
    throw invalidRecord('publicityUntil', '公示截止日期不能早于公示开始日期');
  }
  if (REFERRING_KINDS.includes(input.kind) && !input.refersTo) {
    throw invalidRecord('refersTo', '更正、修复、撤下和重新分类记录必须指明所针对的信用记录');
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const int = (v: unknown) => (Number.isInteger(Number(v)) && v !== null && v !== '' && v !== undefined ? Number(v) : null);
