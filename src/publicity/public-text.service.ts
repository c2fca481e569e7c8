import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { conflict, notFound } from '../common/errors/domain.exception';
import { assertMayDecide } from '../common/four-eyes/four-eyes.rules';
import type { Queryable } from '../credit-file/chain-audit';
import { canonicalJson } from '../credit-file/credit-chain';
import { assertNoPersonalData, PublicTextFinding } from './public-text-guard';
import { PublicityErrorCode } from './publicity.errors';

export type PublicTextStatus = 'draft' | 'approved' | 'withheld';

export interface PublicTextView {
  id: string;
  /** The credit record's source ref the text is for (`publicity:penalty:<文号>`, `<caseNo>:determination`…). */
  recordRef: string;
  uscc: string | null;
  version: number;
  status: PublicTextStatus;
  origin: 'officer' | 'transition';
  fields: Record<string, string>;
  hash: string;
  /** For a withheld text: what the guard found (kinds and positions, never the values). */
  findings: PublicTextFinding[] | null;
  draftedBy: string | null;
  draftedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export const COLUMNS = `t.id, t.record_ref AS "recordRef", t.uscc, t.version, t.status, t.origin, t.fields, t.hash, t.findings,
  t.drafted_by AS "draftedBy", t.drafted_at AS "draftedAt", t.approved_by AS "approvedBy", t.approved_at AS "approvedAt"`;

/** sha256 of the canonical JSON of the fields: what the approver signs off and what is checked before showing it. */
export const publicTextHash = (fields: Record<string, string>) => createHash('sha256').update(canonicalJson(fields)).digest('hex');

/** A stored approved text whose fields no longer match the hash signed off is not the approved text: never show it. */
export const intact = (t: Pick<PublicTextView, 'fields' | 'hash'>) => publicTextHash(t.fields) === t.hash;

/**
 * Public texts (公示文本): an officer drafts, another person approves, and only an approved text whose hash still
 * matches is shown to the public. Versions are rows; a row changes once, from draft to approved (the database
 * refuses anything else). The guard runs on every draft, so nobody is asked to approve what it would refuse.
 *
 * The case workflow's activities use the same service for a determination's findings: `draft(m, {recordRef:
 * '<caseNo>:determination', …})` when the officer proposes them, `approve(m, …)` when the approver signs off; a
 * refusal is a DomainException to turn into a non-retryable ApplicationFailure with the same code.
 */
@Injectable()
export class PublicTextService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async draft(m: Queryable, t: { recordRef: string; uscc: string | null; fields: Record<string, string>; names: string[]; actorId: string | null; fieldPrefix?: string }): Promise<PublicTextView> {
    assertNoPersonalData(t.fields, t.names, t.fieldPrefix ?? '');
    const [row] = await m.query(
      `INSERT INTO public_texts (record_ref, uscc, version, fields, hash, status, origin, drafted_by)
       SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4, 'draft', 'officer', $5 FROM public_texts WHERE record_ref = $1
       RETURNING id`, [t.recordRef, t.uscc, t.fields, publicTextHash(t.fields), t.actorId]);
    return this.byId(row.id, m);
  }

  /**
   * Signs off the latest draft of its record. `hash` is the hash of the text the approver read: a text redrafted
   * meanwhile is refused, and so is anyone the four-eyes rule refuses (docs/four-eyes.md): the drafter (403
   * SAME_PERSON), or an approver of another office than the record's (`office`; OTHER_OFFICE).
   */
  async approve(m: Queryable, t: { id: string; hash: string; actor: Pick<AuthUser, 'id' | 'role' | 'officeCode'>; office: string | null; names: string[] }): Promise<PublicTextView> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM public_texts t WHERE t.id = $1 FOR UPDATE`, [t.id]);
    if (!row) throw notFound(PublicityErrorCode.PUBLIC_TEXT_NOT_FOUND, '公示文本不存在');
    const [latest] = await m.query(`SELECT max(version) AS v FROM public_texts WHERE record_ref = $1`, [row.recordRef]);
    if (row.status !== 'draft' || row.version !== latest.v) {
      throw conflict(PublicityErrorCode.PUBLIC_TEXT_NOT_PENDING, '该公示文本不是待审核的最新版本，请刷新后查看', { status: row.status, latestVersion: latest.v });
    }
    if (row.hash !== t.hash || !intact(row)) throw conflict(PublicityErrorCode.PUBLIC_TEXT_CHANGED, '公示文本已被修改，请重新阅读后再审核');
    assertMayDecide(t.actor, { decidingRole: 'approver', office: t.office, involved: [row.draftedBy] });
    assertNoPersonalData(row.fields, t.names);
    await m.query(`UPDATE public_texts SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`, [t.id, t.actor.id]);
    return this.byId(t.id, m);
  }

  async byId(id: string, m: Queryable = this.ds): Promise<PublicTextView> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM public_texts t WHERE t.id = $1`, [id]);
    if (!row) throw notFound(PublicityErrorCode.PUBLIC_TEXT_NOT_FOUND, '公示文本不存在');
    return row;
  }

  /** The latest version of each record's text (draft, approved or withheld). */
  async latest(refs: string[], m: Queryable = this.ds): Promise<Map<string, PublicTextView>> {
    const rows: PublicTextView[] = refs.length ? await m.query(
      `SELECT DISTINCT ON (t.record_ref) ${COLUMNS} FROM public_texts t WHERE t.record_ref = ANY($1) ORDER BY t.record_ref, t.version DESC`,
      [refs]) : [];
    return new Map(rows.map((r) => [r.recordRef, r]));
  }

  /** Texts waiting for a person: drafts to approve and records the guard withheld, oldest first. */
  list(status: 'draft' | 'withheld', limit = 200): Promise<PublicTextView[]> {
    return this.ds.query(
      `SELECT ${COLUMNS} FROM public_texts t
        WHERE t.status = $1 AND t.version = (SELECT max(version) FROM public_texts l WHERE l.record_ref = t.record_ref)
        ORDER BY t.drafted_at, t.id LIMIT $2`, [status, limit]);
  }
}

/**
 * SQL: the public text that governs record `r` — its latest version that is not a draft: approved (shown, once its
 * hash checks out) or withheld (the record is hidden). A newer draft keeps the last approved text shown.
 */
export function governingTextSql(r: string): string {
  return `(SELECT jsonb_build_object('status', t.status, 'fields', t.fields, 'hash', t.hash) FROM public_texts t
            WHERE t.record_ref = ${r}.source_ref AND t.status <> 'draft' ORDER BY t.version DESC LIMIT 1)`;
}

/**
 * SQL: record `r` may be shown to the public — its governing text is approved, or it has none and its kind
 * (`requiredKinds`, a text[] parameter) does not need one. Withheld records are hidden either way.
 */
export function textAllowsSql(r: string, requiredKinds: string): string {
  return `COALESCE((SELECT t.status = 'approved' FROM public_texts t WHERE t.record_ref = ${r}.source_ref AND t.status <> 'draft'
                     ORDER BY t.version DESC LIMIT 1), NOT (${r}.kind = ANY(${requiredKinds})))`;
}
