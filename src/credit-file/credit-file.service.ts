import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toDayNumber } from '../calendar/iso-date';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { conflict, DomainException, notFound } from '../common/errors/domain.exception';
import { EvaluationService } from '../evaluation/evaluation.service';
import { OutboxService, SubmissionType } from '../platform/outbox.service';
import { verifyInstitutionChain } from './chain-audit';
import { ChainedContent, chainHash, ChainRow } from './credit-chain';
import {
  ChainVerification, CREDIT_RECORD_KINDS, CreditFileApi, CreditRecordKind, CreditRecordView, KIND_LABELS, NewCreditRecord,
  STATUS_LABELS, SUBMITTED_BY_DEFAULT,
} from './credit-record.types';
import { deriveStatus, shanghaiToday } from './credit-status';
import { maskPersonalData, sealPersonalData } from './personal-data';

export type { CreditRecordKind, CreditRecordView, NewCreditRecord } from './credit-record.types';

const SUBMISSION_TYPE: Partial<Record<CreditRecordKind, SubmissionType>> = {
  licence: 'licence', penalty: 'penalty', determination: 'determination', interview: 'interview', commitment: 'commitment',
  joint_sanction: 'joint_sanction_notice', repair: 'repair', correction: 'correction',
};

/** Columns of a credit record as the service reads them; dates as text so no time zone can move them. */
const COLUMNS = `r.id, r.uscc, r.seq, r.kind, r.title, r.decision_date::text AS "decisionDate", r.severity,
  r.publicity_from::text AS "publicityFrom", r.publicity_until::text AS "publicityUntil", r.payload,
  r.source_ref AS "sourceRef", r.refers_to AS "refersTo", r.case_no AS "caseNo", r.office_code AS "officeCode",
  r.created_by AS "createdBy", r.created_at AS "createdAt", r.prev_hash AS "prevHash", r.hash`;

type RecordRow = Omit<ChainRow, 'createdAt'> & { createdAt: Date; kind: CreditRecordKind };

const invalid = (field: string, message: string) =>
  new DomainException('CREDIT_RECORD_INVALID', message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });

/**
 * The institution's credit file: append-only and hash-chained. Nothing is updated or deleted (the database
 * refuses it too); a correction, a repair or the end of publication is a new record that refers to an older one.
 */
@Injectable()
export class CreditFileService implements CreditFileApi {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly crypto: FieldCryptoService,
    private readonly evaluation: EvaluationService,
  ) {}

  /**
   * One transaction: lock the chain head, insert the record linked to the previous one, enqueue its platform
   * submission, re-evaluate the institution. With `m`, runs inside the caller's transaction instead.
   */
  async append(input: NewCreditRecord, m?: EntityManager): Promise<CreditRecordView> {
    validate(input);
    return m ? this.appendIn(m, input) : this.ds.transaction((tx) => this.appendIn(tx, input));
  }

  private async appendIn(m: EntityManager, input: NewCreditRecord): Promise<CreditRecordView> {
    const uscc = input.uscc.trim().toUpperCase();
    const [inst] = await m.query(`SELECT id, office_code FROM institutions WHERE uscc = $1`, [uscc]);
    if (!inst) throw notFound('INSTITUTION_NOT_FOUND', '机构不存在');
    await m.query(`INSERT INTO credit_chain_heads (institution_id) VALUES ($1) ON CONFLICT DO NOTHING`, [inst.id]);
    // the head row is the chain's lock: appends to one institution's file queue up here, others run in parallel
    const [head] = await m.query(`SELECT seq, hash FROM credit_chain_heads WHERE institution_id = $1 FOR UPDATE`, [inst.id]);
    const [existing] = await m.query(`SELECT ${COLUMNS} FROM credit_records r WHERE r.source_ref = $1`, [input.sourceRef]);
    if (existing) {
      if (existing.uscc !== uscc || existing.kind !== input.kind) {
        throw conflict('SOURCE_REF_CONFLICT', `来源编号 ${input.sourceRef} 已用于另一条信用记录`, { id: existing.id });
      }
      return this.toView(existing, (await this.referrers(m, [existing.id])).get(existing.id) ?? []);
    }
    if (input.refersTo) await this.assertReferable(m, input.refersTo, inst.id);

    const payload = sealPersonalData(JSON.parse(JSON.stringify(input.payload ?? {})), this.crypto);
    const content: ChainedContent = {
      id: randomUUID(),
      uscc,
      seq: head.seq + 1,
      kind: input.kind,
      title: input.title,
      decisionDate: input.decisionDate,
      severity: input.severity ?? null,
      publicityFrom: input.publicityFrom ?? null,
      publicityUntil: input.publicityUntil ?? null,
      payload,
      sourceRef: input.sourceRef,
      refersTo: input.refersTo ?? null,
      caseNo: input.caseNo ?? null,
      officeCode: input.officeCode ?? inst.office_code ?? null,
      createdBy: input.createdBy ?? null,
      createdAt: new Date().toISOString(),
    };
    const hash = chainHash(head.hash, content);
    const c = content;
    await m.query(
      `INSERT INTO credit_records (id, institution_id, uscc, seq, kind, title, decision_date, severity, publicity_from,
         publicity_until, payload, source_ref, refers_to, case_no, office_code, created_by, created_at, behaviour_code,
         catalogue_version, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)`,
      [c.id, inst.id, c.uscc, c.seq, c.kind, c.title, c.decisionDate, c.severity, c.publicityFrom, c.publicityUntil,
        c.payload, c.sourceRef, c.refersTo, c.caseNo, c.officeCode, c.createdBy, c.createdAt,
        str(payload.behaviourCode), int(payload.catalogueVersion), head.hash, hash],
    );
    await m.query(`UPDATE credit_chain_heads SET seq = $2, hash = $3, updated_at = now() WHERE institution_id = $1`,
      [inst.id, c.seq, hash]);
    const row: RecordRow = { ...c, kind: input.kind, createdAt: new Date(c.createdAt), prevHash: head.hash, hash };
    const view = this.toView(row, []);
    const type = SUBMISSION_TYPE[input.kind];
    if (type && (input.submitToPlatform ?? SUBMITTED_BY_DEFAULT.has(input.kind))) {
      await this.outbox.enqueue(m, {
        recordType: type, recordRef: c.id, uscc, officeCode: c.officeCode,
        payload: { ...view, payload }, idempotencyKey: `credit-record:${c.id}`,
      });
    }
    await this.evaluation.reevaluateInstitution(inst.id, m);
    return view;
  }

  /** The whole file, oldest first, with each record's status as of today. */
  async fileOf(uscc: string, opts: { includeUnpublished?: boolean } = {}): Promise<CreditRecordView[]> {
    const rows: RecordRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM credit_records r WHERE r.uscc = $1 ORDER BY r.seq`, [uscc.trim().toUpperCase()]);
    const refs = await this.referrers(this.ds.manager, rows.map((r) => r.id));
    const views = rows.map((r) => this.toView(r, refs.get(r.id) ?? []));
    return opts.includeUnpublished === false ? views.filter((v) => v.status === 'published') : views;
  }

  async recordOf(id: string): Promise<CreditRecordView> {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM credit_records r WHERE r.id = $1`, [id]);
    if (!row) throw notFound('CREDIT_RECORD_NOT_FOUND', '信用记录不存在');
    return this.toView(row, (await this.referrers(this.ds.manager, [id])).get(id) ?? []);
  }

  /** Recomputes the institution's chain from its first record and compares it with the stored hashes and head. */
  async verifyChain(uscc: string): Promise<ChainVerification> {
    const [inst] = await this.ds.query(`SELECT id FROM institutions WHERE uscc = $1`, [uscc.trim().toUpperCase()]);
    if (!inst) throw notFound('INSTITUTION_NOT_FOUND', '机构不存在');
    return this.verifyInstitution(inst.id);
  }

  verifyInstitution(institutionId: string): Promise<ChainVerification> {
    return verifyInstitutionChain(this.ds, institutionId);
  }

  private async referrers(m: EntityManager, ids: string[]) {
    const map = new Map<string, { id: string; kind: CreditRecordKind; decisionDate: string }[]>();
    if (!ids.length) return map;
    const rows = await m.query(
      `SELECT id, kind, decision_date::text AS "decisionDate", refers_to AS "refersTo"
         FROM credit_records WHERE refers_to = ANY($1::uuid[]) ORDER BY seq`, [ids]);
    for (const r of rows) map.set(r.refersTo, [...(map.get(r.refersTo) ?? []), { id: r.id, kind: r.kind, decisionDate: r.decisionDate }]);
    return map;
  }

  private async assertReferable(m: EntityManager, refersTo: string, institutionId: string): Promise<void> {
    const [target] = await m.query(`SELECT institution_id FROM credit_records WHERE id = $1`, [refersTo]);
    if (!target || target.institution_id !== institutionId) {
      throw invalid('refersTo', '所指向的信用记录不存在或不属于该机构');
    }
  }

  private toView(r: RecordRow, referredBy: CreditRecordView['referredBy']): CreditRecordView {
    const status = deriveStatus(r, referredBy, shanghaiToday());
    return {
      id: r.id, uscc: r.uscc, seq: r.seq, kind: r.kind, kindLabel: KIND_LABELS[r.kind], title: r.title,
      decisionDate: r.decisionDate, severity: (r.severity as CreditRecordView['severity']) ?? null,
      publicityFrom: r.publicityFrom, publicityUntil: r.publicityUntil, status, statusLabel: STATUS_LABELS[status],
      payload: maskPersonalData((r.payload ?? {}) as Record<string, unknown>, this.crypto),
      sourceRef: r.sourceRef, refersTo: r.refersTo, referredBy, caseNo: r.caseNo, officeCode: r.officeCode,
      createdAt: r.createdAt.toISOString(), hash: r.hash, prevHash: r.prevHash,
    };
  }
}

function validate(input: NewCreditRecord): void {
  if (!CREDIT_RECORD_KINDS.includes(input.kind)) throw invalid('kind', `信用记录类别不正确：${String(input.kind)}`);
  if (!input.title?.trim()) throw invalid('title', '信用记录标题不能为空');
  if (!input.sourceRef?.trim()) throw invalid('sourceRef', '来源编号不能为空');
  for (const key of ['decisionDate', 'publicityFrom', 'publicityUntil'] as const) {
    if (input[key] != null) toDayNumber(input[key] as string);
  }
  if (input.publicityUntil && !input.publicityFrom) throw invalid('publicityFrom', '有公示截止日期时必须有公示开始日期');
  if (input.publicityFrom && input.publicityUntil && input.publicityUntil < input.publicityFrom) {
    throw invalid('publicityUntil', '公示截止日期不能早于公示开始日期');
  }
  if (['correction', 'repair', 'publication_end'].includes(input.kind) && !input.refersTo) {
    throw invalid('refersTo', '更正、修复和公示期满撤下记录必须指明所针对的信用记录');
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const int = (v: unknown) => (Number.isInteger(Number(v)) && v !== null && v !== '' && v !== undefined ? Number(v) : null);
