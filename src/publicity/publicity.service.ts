import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { toDayNumber } from '../calendar/iso-date';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { conflict, notFound } from '../common/errors/domain.exception';
import { assertMayDecide } from '../common/four-eyes/four-eyes.rules';
import { CreditFileService } from '../credit-file/credit-file.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { sealPersonalData } from '../credit-file/personal-data';
import { PoliciesService } from '../policies/policies.service';
import type { LicenceDecisionDto } from './dto/licence-decision.dto';
import type { PenaltyDecisionDto } from './dto/penalty-decision.dto';
import { assessPenalty, publicTextFindings, reword } from './penalty-assessment';
import { namesOfRecord } from './public-projection';
import { personalDataException } from './public-text-guard';
import { intact, PublicTextService } from './public-text.service';
import {
  DECISION_COLUMNS as COLUMNS, DecisionRow, decisionRef, decisionView, PublicityDecisionView, PublicityKind,
} from './publicity-view';
import { institutionNotFound } from '../institutions/institution.errors';
import { validationFailed } from '../common/errors/common.errors';
import { PublicityErrorCode } from './publicity.errors';
import { SubjectsService } from '../subjects/subjects.service';
import { SubjectErrorCode, subjectFieldInvalid } from '../subjects/subject.errors';

/** Whose decision it is: an institution (by USCC) or a natural person's subject (issue #19). */
interface Owner {
  institutionId: string | null;
  uscc: string | null;
  subjectId: string | null;
  officeCode: string | null;
}

export type { PublicityDecisionView, PublicityKind } from './publicity-view';

const bad = (field: string, message: string) =>
  validationFailed(message, { fields: [{ field, message }] });

interface Filing {
  severity: DecisionRow['severity'];
  publicityUntil: string | null;
  repairableFrom: string | null;
  procedure: DecisionRow['procedure'];
  classification: DecisionRow['classification'];
  minorPublicationReason: string | null;
  /** Null: not to be published (a minor record), so there is no public text and it is filed at once. */
  publicText: Record<string, string> | null;
  names: string[];
  autoPublish: boolean;
}

/**
 * 双公示: every licence and penalty decision is registered here with its publication due date (decision date + the
 * policy's publication days, in working days). A penalty's class and periods follow the 36号令 rule
 * (classification.ts, publicity-periods.ts). What is to be published carries a public text that someone other than
 * its drafter signs off; publishing appends the decision to the credit file for its window. A minor penalty nobody
 * found necessary to publish is filed at once, unpublished, and shared with the platform with that flag.
 */
@Injectable()
export class PublicityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
    private readonly creditFile: CreditFileService,
    private readonly crypto: FieldCryptoService,
    private readonly texts: PublicTextService,
    private readonly subjects: SubjectsService,
  ) {}

  async registerPenalty(dto: PenaltyDecisionDto, actor: AuthUser): Promise<PublicityDecisionView> {
    const { document } = await this.policies.active();
    const a = assessPenalty(dto, document);
    const owner = dto.subjectCategory === '自然人' ? await this.personOwner(dto, actor) : undefined;
    if (!owner && dto.idNumber !== undefined) {
      throw subjectFieldInvalid(SubjectErrorCode.SUBJECT_IDENTIFIER_MISMATCH, 'idNumber', '证件号码（idNumber）只用于行政相对人类别为自然人的决定');
    }
    const names = namesOfRecord(dto as unknown as Record<string, unknown>, [await this.legalRepOf(dto.uscc)]);
    const findings = a.periods.publish ? publicTextFindings(a, names) : [];
    if (findings.length) throw personalDataException(findings);
    // the register keeps the 双公示 fields (and the procedure); the class, reasons and periods are kept in their own columns
    const { publish, raiseClassTo, raiseReason, minorPublicationReason, publicText, ...fields } = dto;
    return this.register('penalty', dto.decisionNo, fields, {
      severity: a.classification.class, publicityUntil: a.periods.publicityUntil, repairableFrom: a.periods.repairableFrom,
      procedure: dto.procedure, classification: a.classification, minorPublicationReason: a.minorPublicationReason,
      publicText: a.periods.publish ? a.publicText : null, names, autoPublish: publish !== false,
    }, actor, owner);
  }

  /**
   * A natural person (教育部令第53号 art. 2): named by 证件类型 and 证件号码 instead of a USCC; the person's subject is
   * found by the number's blind index or registered now (docs/subjects.md). The number itself is sealed in `fields`.
   */
  private async personOwner(dto: PenaltyDecisionDto, actor: AuthUser): Promise<Owner> {
    if (dto.uscc !== undefined) {
      throw subjectFieldInvalid(SubjectErrorCode.SUBJECT_IDENTIFIER_MISMATCH, 'uscc', '行政相对人为自然人时填写证件类型和证件号码，不填统一社会信用代码（uscc）');
    }
    const person = await this.ds.transaction((m) => this.subjects.personFor(m, {
      idType: dto.idType!, idNumber: dto.idNumber!, name: dto.subjectName, officeCode: actor.officeCode, actorId: actor.id,
    }));
    return { institutionId: null, uscc: null, subjectId: person.id, officeCode: person.officeCode };
  }

  async registerLicence(dto: LicenceDecisionDto, actor: AuthUser): Promise<PublicityDecisionView> {
    if (dto.validUntil < dto.validFrom) throw bad('validUntil', '有效期至（validUntil）不能早于有效期自');
    const { publish, publicText: reworded, ...fields } = dto;
    const text = reword({
      title: `${dto.documentName}（${dto.documentNo}）`, documentName: dto.documentName, certificateName: dto.certificateName, content: dto.content,
    }, { ...reworded }, 'documentName');
    const names = namesOfRecord(dto as unknown as Record<string, unknown>, [await this.legalRepOf(dto.uscc)]);
    const findings = publicTextFindings(text, names);
    if (findings.length) throw personalDataException(findings);
    // a licence stays in publication while it is valid
    return this.register('licence', dto.documentNo, fields, {
      severity: null, publicityUntil: dto.validUntil, repairableFrom: null, procedure: null, classification: null,
      minorPublicationReason: null, publicText: text.publicText, names, autoPublish: publish !== false,
    }, actor);
  }

  /** Publishes a pending decision today, once its public text is signed off; one already published is returned as is. */
  publish(id: string, actor: AuthUser): Promise<PublicityDecisionView> {
    return this.ds.transaction(async (m) => {
      const row = await this.lock(m, id);
      if (row.status === 'recorded') {
        throw conflict(PublicityErrorCode.NOT_TO_BE_PUBLISHED, '该决定为轻微失信，不予公示；如确有必要公示，请重新登记并说明理由');
      }
      if (row.status === 'pending') await this.publishIn(m, row, actor);
      return this.byId(id, m);
    });
  }

  async byId(id: string, m: EntityManager = this.ds.manager): Promise<PublicityDecisionView> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM publicity_decisions WHERE id = $1`, [id]);
    if (!row) throw notFound(PublicityErrorCode.PUBLICITY_DECISION_NOT_FOUND, '双公示决定不存在');
    return decisionView(row, (await this.texts.latest([decisionRef(row.kind, row.documentNo)], m)).get(decisionRef(row.kind, row.documentNo)) ?? null);
  }

  /** The decision whose public text `recordRef` is, locked: approving its text may publish it. */
  async lockByRef(m: EntityManager, recordRef: string): Promise<DecisionRow | null> {
    const [row] = await m.query(
      `SELECT ${COLUMNS} FROM publicity_decisions WHERE 'publicity:' || kind || ':' || document_no = $1 FOR UPDATE`, [recordRef]);
    return row ?? null;
  }

  /** The natural persons a decision names: its own fields and the institution's legal representative. */
  async namesOf(row: DecisionRow): Promise<string[]> {
    return namesOfRecord(row.fields, [await this.legalRepOf(row.uscc)]);
  }

  /**
   * Publication is always dated today: the lateness this register reports is the office's own, so it must not be
   * able to back-date it. A decision whose publicity period ended before it reached the register is filed in the
   * credit file without a window (it is not published any more), and still counts as late.
   *
   * Publishing gives the decision its public effect, so it is decided by four eyes (docs/four-eyes.md): the filing is
   * the proposal, and only an approver of the owning office who did not file it publishes it, here or by signing off
   * its text with auto-publish (403 SAME_PERSON / NOT_DECIDING_ROLE / OTHER_OFFICE).
   */
  async publishIn(m: EntityManager, row: DecisionRow, actor: AuthUser): Promise<void> {
    assertMayDecide(actor, { decidingRole: 'approver', office: row.officeCode, involved: [row.createdBy] });
    const ref = decisionRef(row.kind, row.documentNo);
    const text = (await this.texts.latest([ref], m)).get(ref);
    if (!text || text.status !== 'approved' || !intact(text)) {
      throw conflict(PublicityErrorCode.PUBLIC_TEXT_NOT_APPROVED, '公示文本尚未经审核人审核通过（或审核后又被修改），不能公示', { publicTextId: text?.id ?? null });
    }
    const publishOn = shanghaiToday();
    const window = row.publicityUntil && row.publicityUntil >= publishOn
      ? { publicityFrom: publishOn, publicityUntil: row.publicityUntil } : { publicityFrom: null, publicityUntil: null };
    const record = await this.file(m, row, actor, window, { publicTextHash: text.hash });
    await m.query(`UPDATE publicity_decisions SET status = 'published', published_on = $2, record_id = $3, published_by = $4 WHERE id = $1`,
      [row.id, publishOn, record, actor.id]);
  }

  private async register(
    kind: PublicityKind, documentNo: string, fields: Record<string, unknown>, f: Filing, actor: AuthUser, person?: Owner,
  ): Promise<PublicityDecisionView> {
    const decisionDate = String(fields.decisionDate);
    toDayNumber(decisionDate);
    if (decisionDate > shanghaiToday()) throw bad('decisionDate', '决定日期不能晚于今天');
    const owner = person ?? await this.institutionOwner(fields.uscc);
    const { document } = await this.policies.active();
    const dueDate = await this.calendar.addWorkingDays(decisionDate, document.publicationDays);
    return this.ds.transaction(async (m) => {
      const inserted: DecisionRow[] = await m.query(
        `INSERT INTO publicity_decisions (kind, institution_id, uscc, office_code, document_no, decision_date, due_date, severity,
                                          publicity_until, repairable_from, procedure, classification, publication_reason,
                                          auto_publish, fields, created_by, subject_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) ON CONFLICT (kind, document_no) DO NOTHING RETURNING ${COLUMNS}`,
        [kind, owner.institutionId, owner.uscc, actor.officeCode ?? owner.officeCode ?? null, documentNo, decisionDate, dueDate, f.severity,
          f.publicityUntil, f.repairableFrom, f.procedure, f.classification, f.minorPublicationReason, f.autoPublish,
          // the register holds the same sealed ID number as the credit file, never the clear one
          sealPersonalData(fields, this.crypto), actor.id, owner.subjectId],
      );
      if (!inserted.length) {
        // registering the same document twice is a retry: answer with what is there, unless it is someone else's
        const [existing] = await m.query(`SELECT id, uscc, subject_id FROM publicity_decisions WHERE kind = $1 AND document_no = $2`, [kind, documentNo]);
        if (existing.uscc !== owner.uscc || existing.subject_id !== owner.subjectId) throw conflict(PublicityErrorCode.DOCUMENT_NO_EXISTS, `文书号 ${documentNo} 已登记给其他机构`);
        return this.byId(existing.id, m);
      }
      const row = inserted[0];
      if (f.publicText) {
        await this.texts.draft(m, { recordRef: decisionRef(kind, documentNo), uscc: row.uscc, fields: f.publicText, names: f.names, actorId: actor.id });
      } else {
        // 轻微, not published: filed and shared now, with its class and the flag that it is not to be published
        const record = await this.file(m, row, actor, { publicityFrom: null, publicityUntil: null }, { notToPublish: true });
        await m.query(`UPDATE publicity_decisions SET status = 'recorded', record_id = $2 WHERE id = $1`, [row.id, record]);
      }
      return this.byId(row.id, m);
    });
  }

  /** Appends the decision to the credit file (and so to the platform's outbox); returns the record's id. */
  private async file(
    m: EntityManager, row: DecisionRow, actor: AuthUser, window: { publicityFrom: string | null; publicityUntil: string | null },
    extra: Record<string, unknown>,
  ): Promise<string> {
    const f = row.fields;
    const title = row.kind === 'penalty' ? `行政处罚决定（${row.documentNo}）` : `${String(f.documentName)}（${row.documentNo}）`;
    const record = await this.creditFile.append({
      ...(row.uscc ? { uscc: row.uscc } : { subjectId: row.subjectId! }), kind: row.kind, title, decisionDate: row.decisionDate, severity: row.severity, ...window,
      payload: {
        ...f, publicationDue: row.dueDate,
        ...(row.classification ? { classification: row.classification, repairableFrom: row.repairableFrom } : {}),
        ...(row.minorPublicationReason ? { minorPublicationReason: row.minorPublicationReason } : {}),
        ...extra,
      },
      sourceRef: decisionRef(row.kind, row.documentNo), officeCode: row.officeCode, createdBy: actor.id,
    }, m);
    return record.id;
  }

  private async institutionOwner(uscc: unknown): Promise<Owner> {
    const [inst] = await this.ds.query(`SELECT id, uscc, office_code FROM institutions WHERE uscc = $1`, [uscc]);
    if (!inst) throw institutionNotFound(`统一社会信用代码为 ${String(uscc)} 的机构未在系统中登记`);
    return { institutionId: inst.id, uscc: inst.uscc, subjectId: null, officeCode: inst.office_code };
  }

  private async lock(m: EntityManager, id: string): Promise<DecisionRow> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM publicity_decisions WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw notFound(PublicityErrorCode.PUBLICITY_DECISION_NOT_FOUND, '双公示决定不存在');
    return row;
  }

  private async legalRepOf(uscc: unknown): Promise<string | null> {
    const [inst] = await this.ds.query(`SELECT legal_rep_name FROM institutions WHERE uscc = $1`, [typeof uscc === 'string' ? uscc.toUpperCase() : '']);
    return inst?.legal_rep_name ?? null;
  }
}
