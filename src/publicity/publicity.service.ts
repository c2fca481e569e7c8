import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { toDayNumber } from '../calendar/iso-date';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { conflict, DomainException, notFound } from '../common/errors/domain.exception';
import { CreditFileService } from '../credit-file/credit-file.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { sealPersonalData } from '../credit-file/personal-data';
import { PoliciesService } from '../policies/policies.service';
import type { LicenceDecisionDto } from './dto/licence-decision.dto';
import type { PenaltyDecisionDto } from './dto/penalty-decision.dto';

export type PublicityKind = 'licence' | 'penalty';

export interface PublicityDecisionView {
  id: string;
  kind: PublicityKind;
  uscc: string;
  officeCode: string | null;
  documentNo: string;
  decisionDate: string;
  dueDate: string;
  status: 'pending' | 'published';
  publishedOn: string | null;
  recordId: string | null;
  late: boolean;
}

const COLUMNS = `id, kind, uscc, office_code AS "officeCode", document_no AS "documentNo", decision_date::text AS "decisionDate",
  due_date::text AS "dueDate", status, published_on::text AS "publishedOn", record_id AS "recordId", severity,
  publicity_until::text AS "publicityUntil", fields, institution_id AS "institutionId"`;

const bad = (field: string, message: string) =>
  new DomainException('VALIDATION_FAILED', message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });

/**
 * 双公示: every licence and penalty decision is registered here with its publication due date (decision date +
 * the policy's publication days, in working days); publishing it appends it to the credit file, where it stays in
 * publication for its window. The register keeps what is still to be published, so lateness can be reported.
 */
@Injectable()
export class PublicityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly policies: PoliciesService,
    private readonly creditFile: CreditFileService,
    private readonly crypto: FieldCryptoService,
  ) {}

  registerPenalty(dto: PenaltyDecisionDto, actor: AuthUser): Promise<PublicityDecisionView> {
    if (dto.publicityUntil < dto.decisionDate) throw bad('publicityUntil', '公示截止期（publicityUntil）不能早于处罚决定日期');
    const { publish, severity, ...fields } = dto;
    return this.register('penalty', dto.decisionNo, fields, { severity: severity ?? 'general', publicityUntil: dto.publicityUntil },
      publish !== false, actor);
  }

  registerLicence(dto: LicenceDecisionDto, actor: AuthUser): Promise<PublicityDecisionView> {
    if (dto.validUntil < dto.validFrom) throw bad('validUntil', '有效期至（validUntil）不能早于有效期自');
    const { publish, ...fields } = dto;
    // a licence stays in publication while it is valid
    return this.register('licence', dto.documentNo, fields, { severity: null, publicityUntil: dto.validUntil },
      publish !== false, actor);
  }

  /** Publishes a pending decision today; publishing one already published returns it unchanged. */
  publish(id: string, actor: AuthUser): Promise<PublicityDecisionView> {
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT ${COLUMNS} FROM publicity_decisions WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('PUBLICITY_DECISION_NOT_FOUND', '双公示决定不存在');
      if (row.status === 'pending') await this.publishIn(m, row, actor);
      return this.byId(id, m);
    });
  }

  async byId(id: string, m: EntityManager = this.ds.manager): Promise<PublicityDecisionView> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM publicity_decisions WHERE id = $1`, [id]);
    if (!row) throw notFound('PUBLICITY_DECISION_NOT_FOUND', '双公示决定不存在');
    return view(row);
  }

  private async register(
    kind: PublicityKind, documentNo: string, fields: Record<string, unknown>,
    meta: { severity: string | null; publicityUntil: string }, publish: boolean, actor: AuthUser,
  ): Promise<PublicityDecisionView> {
    const decisionDate = String(fields.decisionDate);
    toDayNumber(decisionDate);
    if (decisionDate > shanghaiToday()) throw bad('decisionDate', '决定日期不能晚于今天');
    const [inst] = await this.ds.query(`SELECT id, office_code FROM institutions WHERE uscc = $1`, [fields.uscc]);
    if (!inst) throw notFound('INSTITUTION_NOT_FOUND', `统一社会信用代码为 ${String(fields.uscc)} 的机构未在系统中登记`);
    const { document } = await this.policies.active();
    const dueDate = await this.calendar.addWorkingDays(decisionDate, document.publicationDays);
    return this.ds.transaction(async (m) => {
      const inserted = await m.query(
        `INSERT INTO publicity_decisions (kind, institution_id, uscc, office_code, document_no, decision_date, due_date,
                                          severity, publicity_until, fields, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (kind, document_no) DO NOTHING RETURNING ${COLUMNS}`,
        [kind, inst.id, fields.uscc, actor.officeCode ?? inst.office_code ?? null, documentNo, decisionDate, dueDate,
          // the register holds the same sealed ID number as the credit file, never the clear one
          meta.severity, meta.publicityUntil, sealPersonalData(fields, this.crypto), actor.id],
      );
      if (!inserted.length) {
        // registering the same document twice is a retry: answer with what is there, unless it is someone else's
        const [existing] = await m.query(`SELECT ${COLUMNS} FROM publicity_decisions WHERE kind = $1 AND document_no = $2`, [kind, documentNo]);
        if (existing.uscc !== fields.uscc) throw conflict('DOCUMENT_NO_EXISTS', `文书号 ${documentNo} 已登记给其他机构`);
        return view(existing);
      }
      if (publish) await this.publishIn(m, inserted[0], actor);
      return this.byId(inserted[0].id, m);
    });
  }

  /**
   * Publication is always dated today: the lateness this register reports is the office's own, so it must not be
   * able to back-date it. A decision whose publicity period ended before it reached the register is filed in the
   * credit file without a window (it is not published any more), and still counts as late.
   */
  private async publishIn(m: EntityManager, row: Row, actor: AuthUser): Promise<void> {
    const publishOn = shanghaiToday();
    const f = row.fields;
    const title = row.kind === 'penalty' ? `行政处罚决定（${row.documentNo}）` : `${String(f.documentName)}（${row.documentNo}）`;
    const record = await this.creditFile.append({
      uscc: row.uscc, kind: row.kind, title, decisionDate: row.decisionDate, severity: row.severity,
      ...(row.publicityUntil < publishOn
        ? { publicityFrom: null, publicityUntil: null }
        : { publicityFrom: publishOn, publicityUntil: row.publicityUntil }),
      payload: { ...f, publicationDue: row.dueDate },
      sourceRef: `publicity:${row.kind}:${row.documentNo}`,
      officeCode: row.officeCode, createdBy: actor.id,
    }, m);
    await m.query(
      `UPDATE publicity_decisions SET status = 'published', published_on = $2, record_id = $3, published_by = $4 WHERE id = $1`,
      [row.id, publishOn, record.id, actor.id],
    );
  }
}

/** A decision as stored: the view's fields (lateness is derived) plus what publishing it needs. */
interface Row extends Omit<PublicityDecisionView, 'late'> {
  severity: 'minor' | 'general' | 'serious' | null;
  publicityUntil: string;
  fields: Record<string, unknown>;
}

function view(r: Row): PublicityDecisionView {
  const late = r.status === 'published' ? (r.publishedOn ?? '') > r.dueDate : shanghaiToday() > r.dueDate;
  return {
    id: r.id, kind: r.kind, uscc: r.uscc, officeCode: r.officeCode, documentNo: r.documentNo, decisionDate: r.decisionDate,
    dueDate: r.dueDate, status: r.status, publishedOn: r.publishedOn, recordId: r.recordId, late,
  };
}
