import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { toDayNumber } from '../calendar/iso-date';
import { CasesService } from '../cases/cases.service';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskName } from '../common/crypto/mask';
import { DomainException, notFound } from '../common/errors/domain.exception';
import { CreditFileService } from '../credit-file/credit-file.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { assertVisibleTo } from '../credit-file/visibility';
import type { BreachCommitmentDto, SignCommitmentDto } from './dto/commitment.dto';

/** 失信行为清单 EDU-011 违背信用承诺 (src/database/migrations/data/catalogue-2026.ts). */
export const BROKEN_COMMITMENT_BEHAVIOUR = 'EDU-011';

const PURPOSE_LABELS: Record<string, string> = { licence_notice: '告知承诺制审批', repair: '信用修复', annual: '年度信用', other: '其他' };

const COLUMNS = `c.id, c.uscc, c.purpose, c.content, c.signer_name AS "signerName", c.signed_on::text AS "signedOn",
  c.due_date::text AS "dueDate", c.record_id AS "recordId", c.status, c.broken_on::text AS "brokenOn",
  c.broken_reason AS "brokenReason", c.case_no AS "caseNo", c.created_at AS "createdAt"`;

interface Row {
  id: string; uscc: string; purpose: string; content: string; signerName: string; signedOn: string; dueDate: string;
  recordId: string; status: 'active' | 'broken'; brokenOn: string | null; brokenReason: string | null; caseNo: string | null;
}

const bad = (field: string, message: string) =>
  new DomainException('VALIDATION_FAILED', message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });

/** 信用承诺: the commitment is a credit record; breaking it opens a dishonesty case through the case workflow. */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly creditFile: CreditFileService,
    private readonly cases: CasesService,
    private readonly crypto: FieldCryptoService,
  ) {}

  async sign(dto: SignCommitmentDto, actor: AuthUser) {
    const uscc = assertVisibleTo(dto.uscc, actor);
    const signedOn = dto.signedOn ?? shanghaiToday();
    toDayNumber(signedOn);
    if (signedOn > shanghaiToday()) throw bad('signedOn', '签署日期（signedOn）不能晚于今天');
    const dueDate = dto.dueDate ?? (dto.purpose === 'annual' ? `${signedOn.slice(0, 4)}-12-31` : undefined);
    if (!dueDate) throw bad('dueDate', '缺少必填字段：履约期限（dueDate）');
    toDayNumber(dueDate);
    if (dueDate < signedOn) throw bad('dueDate', '履约期限（dueDate）不能早于签署日期');
    return this.ds.transaction(async (m) => {
      const record = await this.creditFile.append({
        uscc, kind: 'commitment', title: `${PURPOSE_LABELS[dto.purpose]}信用承诺（${dto.reference}）`, decisionDate: signedOn,
        publicityFrom: signedOn, publicityUntil: dueDate,
        payload: { purpose: dto.purpose, reference: dto.reference, content: dto.content, signerName: dto.signerName,
          signerIdNumber: dto.signerIdNumber, dueDate },
        // the reference is the natural key, so a resubmitted form answers with the first commitment
        sourceRef: `commitment:${uscc}:${dto.reference}`, createdBy: actor.id, officeCode: actor.officeCode,
      }, m);
      const id = randomUUID();
      await m.query(
        `INSERT INTO commitments (id, institution_id, uscc, purpose, content, signer_name, signer_id_enc, signer_id_hmac,
                                  signed_on, due_date, record_id, created_by)
         SELECT $1, i.id, i.uscc, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM institutions i WHERE i.uscc = $2
         ON CONFLICT (record_id) DO NOTHING`,
        [id, uscc, dto.purpose, dto.content, dto.signerName,
          dto.signerIdNumber ? this.crypto.encrypt(dto.signerIdNumber) : null,
          dto.signerIdNumber ? this.crypto.blindIndex(dto.signerIdNumber) : null, signedOn, dueDate, record.id, actor.id],
      );
      const [row] = await m.query(`SELECT ${COLUMNS} FROM commitments c WHERE c.record_id = $1`, [record.id]);
      return view(row);
    });
  }

  /**
   * Marks a commitment broken and opens a case (EDU-011) in one step; the row lock makes a double click open one
   * case, and a retry after a failed case start opens it then (the mark is rolled back with the failure).
   */
  async breach(id: string, dto: BreachCommitmentDto, actor: AuthUser) {
    const brokenOn = dto.brokenOn ?? shanghaiToday();
    toDayNumber(brokenOn);
    if (brokenOn > shanghaiToday()) throw bad('brokenOn', '违约日期（brokenOn）不能晚于今天');
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT ${COLUMNS} FROM commitments c WHERE c.id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('COMMITMENT_NOT_FOUND', '信用承诺不存在');
      if (row.caseNo) return view(row);
      if (brokenOn < row.signedOn) throw bad('brokenOn', '违约日期（brokenOn）不能早于签署日期');
      const opened = await this.cases.open(
        { uscc: row.uscc, behaviourCode: BROKEN_COMMITMENT_BEHAVIOUR, facts: dto.facts, source: 'commitment-breach' }, actor);
      await m.query(
        `UPDATE commitments SET status = 'broken', broken_on = COALESCE(broken_on, $2), broken_reason = COALESCE(broken_reason, $3),
                broken_by = COALESCE(broken_by, $4), case_no = $5 WHERE id = $1`,
        [id, brokenOn, dto.facts, actor.id, opened.caseNo],
      );
      const [updated] = await m.query(`SELECT ${COLUMNS} FROM commitments c WHERE c.id = $1`, [id]);
      return view(updated);
    });
  }

  async list(uscc: string, actor: AuthUser) {
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM commitments c WHERE c.uscc = $1 ORDER BY c.signed_on DESC, c.created_at DESC`, [assertVisibleTo(uscc, actor)]);
    return { items: rows.map(view) };
  }

  async get(id: string, actor: AuthUser) {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM commitments c WHERE c.id = $1`, [id]);
    if (!row || (actor.role === 'institution' && row.uscc !== actor.uscc)) throw notFound('COMMITMENT_NOT_FOUND', '信用承诺不存在');
    return view(row);
  }
}

/** Kept is derived: the term ended and nobody marked it broken. */
function view(r: Row) {
  const status = r.status === 'broken' ? 'broken' : r.dueDate < shanghaiToday() ? 'kept' : 'active';
  const labels = { broken: '已违约', kept: '已履约', active: '履约中' } as const;
  return { ...r, signerName: maskName(r.signerName), status, statusLabel: labels[status], purposeLabel: PURPOSE_LABELS[r.purpose] };
}
