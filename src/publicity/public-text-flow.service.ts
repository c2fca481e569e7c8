import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { conflict, notFound } from '../common/errors/domain.exception';
import type { CreditRecordKind } from '../credit-file/credit-record.types';
import { namesOfRecord, publicTextFieldsOf } from './public-projection';
import { PublicTextService, PublicTextView } from './public-text.service';
import { PublicityService } from './publicity.service';
import { decisionRef, PublicityDecisionView } from './publicity-view';
import { creditRecordNotFound } from '../credit-file/credit-record.errors';
import { validationFailed } from '../common/errors/common.errors';
import { PublicityErrorCode } from './publicity.errors';

/** Kinds of credit record the public may read, and so whose public text an officer may redraft. */
export const PUBLISHABLE_KINDS: CreditRecordKind[] = ['licence', 'penalty', 'determination', 'joint_sanction', 'honour', 'commitment', 'correction'];

export interface QueueItem extends PublicTextView {
  institutionName: string;
  subject: string;
  decisionId: string | null;
  recordId: string | null;
}

/**
 * The people's side of public texts: an officer redrafts (a pending decision's text, or the text of a record the
 * guard withheld), an approver who did not draft it signs it off, and a decision registered to be published on
 * sign-off is published in the same transaction.
 */
@Injectable()
export class PublicTextFlowService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly texts: PublicTextService,
    private readonly publicity: PublicityService,
  ) {}

  async redraftDecision(id: string, fields: Record<string, string | undefined>, actor: AuthUser): Promise<PublicityDecisionView> {
    await this.ds.transaction(async (m) => {
      const [found] = await m.query(`SELECT kind, document_no AS "documentNo" FROM publicity_decisions WHERE id = $1`, [id]);
      if (!found) throw notFound(PublicityErrorCode.PUBLICITY_DECISION_NOT_FOUND, '双公示决定不存在');
      const decision = (await this.publicity.lockByRef(m, decisionRef(found.kind, found.documentNo)))!;
      if (decision.status === 'recorded') throw conflict(PublicityErrorCode.NOT_TO_BE_PUBLISHED, '该决定为轻微失信，不予公示，没有公示文本');
      await this.texts.draft(m, {
        recordRef: decisionRef(decision.kind, decision.documentNo), uscc: decision.uscc, actorId: actor.id, fieldPrefix: 'fields.',
        fields: onlyFieldsOf(decision.kind, fields), names: await this.publicity.namesOf(decision),
      });
    });
    return this.publicity.byId(id);
  }

  async redraftRecord(recordId: string, fields: Record<string, string | undefined>, actor: AuthUser): Promise<PublicTextView> {
    return this.ds.transaction(async (m) => {
      const record = await this.record(m, recordId);
      return this.texts.draft(m, {
        recordRef: record.sourceRef, uscc: record.uscc, actorId: actor.id, fieldPrefix: 'fields.',
        fields: onlyFieldsOf(record.kind, fields), names: namesOfRecord(record.payload, [record.legalRep]),
      });
    });
  }

  async approve(textId: string, hash: string, actor: AuthUser): Promise<{ text: PublicTextView; decision: PublicityDecisionView | null }> {
    return this.ds.transaction(async (m) => {
      const draft = await this.texts.byId(textId, m);
      const decision = await this.publicity.lockByRef(m, draft.recordRef);
      const record = decision ? null : await this.record(m, null, draft.recordRef);
      const names = decision ? await this.publicity.namesOf(decision) : namesOfRecord(record!.payload, [record!.legalRep]);
      const office = decision ? decision.officeCode : record!.office;
      const text = await this.texts.approve(m, { id: textId, hash, actor, office, names });
      if (decision?.status === 'pending' && decision.autoPublish) await this.publicity.publishIn(m, decision, actor);
      return { text, decision: decision ? await this.publicity.byId(decision.id, m) : null };
    });
  }

  async queue(status: 'draft' | 'withheld'): Promise<{ items: QueueItem[] }> {
    const texts = await this.texts.list(status);
    if (!texts.length) return { items: [] };
    const context: { ref: string; name: string; subject: string; decisionId: string | null; recordId: string | null }[] = await this.ds.query(
      `SELECT ref, COALESCE(i.name, s.name) AS name, COALESCE(r.title, d.document_no) AS subject, d.id AS "decisionId", r.id AS "recordId"
         FROM unnest($1::text[]) ref
         LEFT JOIN credit_records r ON r.source_ref = ref
         LEFT JOIN publicity_decisions d ON 'publicity:' || d.kind || ':' || d.document_no = ref
         LEFT JOIN institutions i ON i.id = COALESCE(r.institution_id, d.institution_id)
         -- a natural person's decision (issue #19): staff see the person's name here, the public never does
         LEFT JOIN subjects s ON s.id = COALESCE(r.subject_id, d.subject_id) AND s.kind = 'person'
        WHERE i.id IS NOT NULL OR s.id IS NOT NULL`, [texts.map((t) => t.recordRef)]);
    const byRef = new Map(context.map((c) => [c.ref, c]));
    return {
      items: texts.filter((t) => byRef.has(t.recordRef)).map((t) => {
        const c = byRef.get(t.recordRef)!;
        return { ...t, institutionName: c.name, subject: c.subject, decisionId: c.decisionId, recordId: c.recordId };
      }),
    };
  }

  private async record(m: EntityManager, id: string | null, sourceRef?: string) {
    const [row] = await m.query(
      `SELECT r.id, r.kind, r.uscc, r.source_ref AS "sourceRef", r.payload, i.legal_rep_name AS "legalRep",
              COALESCE(r.office_code, i.office_code) AS office
         FROM credit_records r JOIN institutions i ON i.id = r.institution_id
        WHERE ${id ? 'r.id = $1' : 'r.source_ref = $1'}`, [id ?? sourceRef]);
    if (!row || !PUBLISHABLE_KINDS.includes(row.kind)) throw creditRecordNotFound('可公示的信用记录不存在');
    return row as {
      id: string; kind: CreditRecordKind; uscc: string; sourceRef: string; payload: Record<string, unknown>; legalRep: string | null; office: string | null;
    };
  }
}

/** The fields a kind's public text has, and nothing else: a typo must not add an unread field to what is published. */
function onlyFieldsOf(kind: CreditRecordKind, fields: Record<string, string | undefined>): Record<string, string> {
  const allowed = publicTextFieldsOf(kind);
  const stray = Object.keys(fields).filter((k) => fields[k] !== undefined && !allowed.includes(k));
  if (stray.length) {
    const message = `该类记录的公示文本只有这些字段：${allowed.join('、')}`;
    throw validationFailed(message, { fields: stray.map((k) => ({ field: `fields.${k}`, message })) });
  }
  const out = Object.fromEntries(allowed.filter((k) => fields[k]?.trim()).map((k) => [k, fields[k]!]));
  if (!out.title) throw validationFailed('公示文本须有标题（fields.title）', { fields: [{ field: 'fields.title', message: '公示文本须有标题' }] });
  return out;
}
