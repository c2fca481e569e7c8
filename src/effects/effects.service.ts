import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { caseNotFound } from '../cases/case.errors';
import { creditRecordNotFound } from '../credit-file/credit-record.errors';
import { shanghaiToday } from '../credit-file/credit-status';
import { DocumentsService } from '../documents/documents.service';
import { OutboxService } from '../platform/outbox.service';
import { EffectKind, EffectType, EndedBy, NewEffect } from './effect-rules';
import { RESTING_ON_SQL } from './effects.store';

/** One effect as the API shows it (issue #16's shape), plus what a reader needs to tell measures apart. */
export interface EffectView {
  id: string;
  recordId: string;
  caseNo: string | null;
  type: EffectType;
  kind: EffectKind;
  measure: string | null;
  departments: string[];
  basis: string;
  startsOn: string;
  endsOn: string | null;
  endedBy: EndedBy | null;
  status: 'active' | 'ended';
}

export interface EndResult {
  ended: number;
  /** One 解除联合惩戒函 per department that applied an ended measure. */
  letters: { department: string; documentId: string; docNo: string }[];
}

const VIEW = `e.id, e.record_id AS "recordId", e.case_no AS "caseNo", e.type, e.kind, e.measure, e.departments, e.basis,
  e.starts_on::text AS "startsOn", COALESCE(e.ended_on, e.ends_on)::text AS "endsOn",
  CASE WHEN e.status = 'ended' THEN e.ended_by WHEN e.ends_on < $2::date
       THEN (CASE WHEN e.kind = 'publication' THEN 'maximum-period' ELSE 'expiry' END) END AS "endedBy",
  CASE WHEN e.status = 'ended' OR e.ends_on < $2::date THEN 'ended' ELSE 'active' END AS status`;

// the lifting letter's template knows three reasons (src/documents/templates/sanction-repair.templates.ts)
const LETTER_REASON: Record<EndedBy, 'repair' | 'withdrawn' | 'expired'> = {
  repair: 'repair', withdrawal: 'withdrawn', annulment: 'withdrawn', revocation: 'withdrawn', change: 'withdrawn',
  expiry: 'expired', 'maximum-period': 'expired',
};

/**
 * Effects of decisions (docs/effects.md). Effects open with their credit record (credit-append.ts); this service
 * ends them. Every method takes an optional EntityManager like `CreditFileService.append`: given one it runs in the
 * caller's transaction, otherwise in its own. Ending is idempotent: what has ended stays ended, letters are keyed.
 */
@Injectable()
export class EffectsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Opens one more effect of a record (e.g. a fine or a list entry decided later); idempotent by `key`. */
  async open(recordId: string, e: NewEffect, m?: EntityManager): Promise<void> {
    await this.run(m, async (tx) => {
      const rows = await tx.query(
        `INSERT INTO credit_effects (record_id, institution_id, uscc, case_no, office_code, type, kind, measure_id, measure, departments,
                                     basis, starts_on, ends_on, effect_key)
         SELECT r.id, r.institution_id, r.uscc, r.case_no, r.office_code, $2,$3,$4,$5,$6,$7,$8,$9,$10 FROM credit_records r WHERE r.id = $1
         ON CONFLICT (record_id, effect_key) DO NOTHING RETURNING id`,
        [recordId, e.type, e.kind, e.measureId ?? null, e.measure ?? null, JSON.stringify(e.departments ?? []), e.basis, e.startsOn, e.endsOn, e.key]);
      if (!rows.length) await this.recordExists(recordId, tx);
    });
  }

  /**
   * Ends every credit measure of a record together (36号令 art. 3), and of the joint sanctions of its case that rest
   * on it, from `on`; penalties are left alone. Issues one 解除联合惩戒函 per department that applied an ended
   * joint-sanction measure and queues the lifting notice to the municipal platform, all in one transaction.
   */
  async endCreditMeasures(recordId: string, endedBy: EndedBy, on: string, m?: EntityManager, opts: { reason?: string; ref?: string; actorId?: string | null } = {}): Promise<EndResult> {
    return this.run(m, async (tx) => {
      const record = await this.recordExists(recordId, tx);
      const [ended]: [unknown[], number] = await tx.query( // an UPDATE … RETURNING answers [rows, count] through TypeORM
        `UPDATE credit_effects e SET status = 'ended', ended_on = $3::date, ended_by = $2, end_reason = $4, end_ref = COALESCE($5, e.end_ref), updated_at = now()
          WHERE e.status = 'active' AND e.type = 'credit-measure' AND (e.ends_on IS NULL OR e.ends_on >= $3::date) AND ${RESTING_ON_SQL}
          RETURNING e.id`,
        [recordId, endedBy, on, opts.reason ?? null, opts.ref ?? null]);
      // the letters cover every measure this event ended, here or when its record was appended (endEffectsOnAppend)
      const lifted = await tx.query(
        `SELECT e.case_no, e.uscc, e.office_code, e.kind, e.departments FROM credit_effects e
          WHERE e.status = 'ended' AND e.ended_by = $2 AND e.kind = 'joint-sanction-measure' AND ${RESTING_ON_SQL}`, [recordId, endedBy]);
      return { ended: ended.length, letters: await this.liftingLetters(tx, record, lifted, endedBy, on, opts) };
    });
  }

  /** A penalty ends only by its own decision's revocation, change or annulment, or at its term (endedBy 'expiry'). */
  async endPenalty(effectId: string, endedBy: Extract<EndedBy, 'revocation' | 'change' | 'annulment' | 'expiry'>, on: string, m?: EntityManager, opts: { reason?: string; ref?: string } = {}) {
    return this.run(m, async (tx) => {
      const [rows]: [unknown[], number] = await tx.query(
        `UPDATE credit_effects SET status = 'ended', ended_on = $3::date, ended_by = $2, end_reason = $4, end_ref = $5, updated_at = now()
          WHERE id = $1 AND type = 'penalty' AND status = 'active' RETURNING id, record_id, kind`, [effectId, endedBy, on, opts.reason ?? null, opts.ref ?? null]);
      // the ban register (industry_bans) is what review, grading and measures read; a ban whose own decision is
      // revoked or annulled stops blocking there too, through the same end columns the ban revocation writes
      const banEnd = { revocation: 'revoked', annulment: 'annulled' }[endedBy as string];
      for (const e of rows as { record_id: string; kind: string }[]) {
        if (e.kind !== 'ban' || !banEnd) continue;
        await tx.query(`UPDATE industry_bans SET ended_on = $2::date, end_reason = $3, end_outcome = $4 WHERE record_id = $1 AND ended_on IS NULL`,
          [e.record_id, on, banEnd, opts.reason ?? null]);
      }
      return { ended: rows.length };
    });
  }

  /** A changed decision amends its effects' terms (a shorter publication, a shorter ban) without ending them. */
  async amend(recordId: string, changes: { kind: EffectKind; endsOn: string }[], reason: string, m?: EntityManager): Promise<number> {
    return this.run(m, async (tx) => {
      let n = 0;
      for (const c of changes) {
        const [rows]: [unknown[], number] = await tx.query(
          `UPDATE credit_effects SET ends_on = $3::date, end_reason = $4, updated_at = now()
            WHERE record_id = $1 AND kind = $2 AND status = 'active' RETURNING id`, [recordId, c.kind, c.endsOn, reason]);
        n += rows.length;
      }
      return n;
    });
  }

  ofRecord(recordId: string, asOf = shanghaiToday()): Promise<EffectView[]> {
    return this.ds.query(`SELECT ${VIEW} FROM credit_effects e WHERE e.record_id = $1 ORDER BY e.created_at, e.effect_key`, [recordId, asOf]);
  }

  ofCase(caseNo: string, asOf = shanghaiToday()): Promise<EffectView[]> {
    return this.ds.query(`SELECT ${VIEW} FROM credit_effects e WHERE e.case_no = $1 ORDER BY e.created_at, e.effect_key`, [caseNo, asOf]);
  }

  ofInstitution(uscc: string, asOf = shanghaiToday()): Promise<EffectView[]> {
    return this.ds.query(`SELECT ${VIEW} FROM credit_effects e WHERE e.uscc = $1 ORDER BY e.starts_on DESC, e.created_at LIMIT 1000`, [uscc, asOf]);
  }

  async assertCase(caseNo: string): Promise<void> {
    const [c] = await this.ds.query(`SELECT 1 FROM cases WHERE case_no = $1`, [caseNo]);
    if (!c) throw caseNotFound();
  }

  /** The record's institution and case (who may read its effects). */
  async recordExists(recordId: string, m?: EntityManager): Promise<{ id: string; uscc: string; caseNo: string | null; kind: string; officeCode: string | null }> {
    const [r] = await (m ?? this.ds).query(
      `SELECT id, uscc, case_no AS "caseNo", kind, office_code AS "officeCode" FROM credit_records WHERE id = $1`, [recordId]);
    if (!r) throw creditRecordNotFound();
    return r;
  }

  private async liftingLetters(
    m: EntityManager, record: { id: string; caseNo: string | null }, ended: { case_no: string | null; uscc: string; office_code: string | null; kind: string; departments: string[] }[],
    endedBy: EndedBy, on: string, opts: { ref?: string; actorId?: string | null },
  ): Promise<EndResult['letters']> {
    const letters: EndResult['letters'] = [];
    const measures = ended.filter((e) => e.kind === 'joint-sanction-measure' && e.case_no);
    const departments = [...new Set(measures.flatMap((e) => e.departments))];
    for (const department of departments) {
      const caseNo = measures.find((e) => e.departments.includes(department))!.case_no!;
      const [original] = await m.query(
        `SELECT doc_no FROM documents WHERE case_no = $1 AND kind = 'sanction-letter' AND status = 'issued' AND addressee_name = $2
          ORDER BY issued_at DESC NULLS LAST LIMIT 1`, [caseNo, department]);
      const doc = await this.documents.issue({
        kind: 'sanction-lifting-letter', caseNo,
        data: { department, originalLetterNo: original?.doc_no ?? `联合惩戒通知（案件 ${caseNo}）`, reason: LETTER_REASON[endedBy], liftedOn: on },
        idempotencyKey: `${caseNo}:sanction-lifting-letter:${department}`, actorId: opts.actorId ?? null,
      }, m);
      letters.push({ department, documentId: doc.id, docNo: doc.docNo });
      // the platform forwards the lifting to the department, like the original notice (JointSanctionService)
      await this.outbox.enqueue(m, {
        recordType: 'joint_sanction_notice', recordRef: caseNo, uscc: measures[0].uscc, officeCode: measures[0].office_code,
        payload: { caseNo, uscc: measures[0].uscc, department, action: 'lift', liftedOn: on, reason: endedBy, letterNo: doc.docNo, recordId: record.id },
        idempotencyKey: `joint-sanction-lift:${caseNo}:${department}`,
      });
    }
    return letters;
  }

  private run<T>(m: EntityManager | undefined, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return m ? fn(m) : this.ds.transaction(fn);
  }
}
