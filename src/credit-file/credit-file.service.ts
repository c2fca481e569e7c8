import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { EvaluationService } from '../evaluation/evaluation.service';
import { OutboxService } from '../platform/outbox.service';
import { verifyInstitutionChain } from './chain-audit';
import { appendToChain, ChainAppendDeps, RECORD_COLUMNS as COLUMNS, RecordRow, recordView, referrersOf } from './credit-append';
import { ChainVerification, CreditFileApi, CreditRecordView, NewCreditRecord } from './credit-record.types';
import { maskPersonalData, sealPersonalData } from './personal-data';
import { institutionNotFound } from '../institutions/institution.errors';
import { creditRecordNotFound } from './credit-record.errors';

export type { CreditRecordKind, CreditRecordView, NewCreditRecord } from './credit-record.types';

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

  private readonly deps: ChainAppendDeps = {
    seal: (payload) => sealPersonalData(payload, this.crypto),
    mask: (payload) => maskPersonalData(payload, this.crypto),
    enqueue: (m, submission) => this.outbox.enqueue(m as EntityManager, submission),
  };

  /**
   * One transaction: lock the chain head, insert the record linked to the previous one, enqueue its platform
   * submission, re-evaluate the institution. With `m`, runs inside the caller's transaction instead.
   */
  async append(input: NewCreditRecord, m?: EntityManager): Promise<CreditRecordView> {
    return m ? this.appendIn(m, input) : this.ds.transaction((tx) => this.appendIn(tx, input));
  }

  private async appendIn(m: EntityManager, input: NewCreditRecord): Promise<CreditRecordView> {
    const { view, institutionId, created } = await appendToChain(m, input, this.deps);
    // a person has no grade: evaluation is the institutions' model (docs/credit-grading.md)
    if (created && institutionId) await this.evaluation.reevaluateInstitution(institutionId, m);
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
    if (!row) throw creditRecordNotFound();
    return this.toView(row, (await this.referrers(this.ds.manager, [id])).get(id) ?? []);
  }

  /** Recomputes the institution's chain from its first record and compares it with the stored hashes and head. */
  async verifyChain(uscc: string): Promise<ChainVerification> {
    const [inst] = await this.ds.query(`SELECT id FROM institutions WHERE uscc = $1`, [uscc.trim().toUpperCase()]);
    if (!inst) throw institutionNotFound();
    return this.verifyInstitution(inst.id);
  }

  verifyInstitution(institutionId: string): Promise<ChainVerification> {
    return verifyInstitutionChain(this.ds, institutionId);
  }

  private referrers(m: EntityManager, ids: string[]) {
    return referrersOf(m, ids);
  }

  private toView(r: RecordRow, referredBy: CreditRecordView['referredBy']): CreditRecordView {
    return recordView(r, referredBy, this.deps.mask);
  }
}
