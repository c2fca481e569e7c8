import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { toDayNumber } from '../calendar/iso-date';
import { CasesService } from '../cases/cases.service';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskName } from '../common/crypto/mask';
import { conflict, DomainException, notFound } from '../common/errors/domain.exception';
import { FourEyesService, ProposalView } from '../common/four-eyes/four-eyes.service';
import { CreditFileService } from '../credit-file/credit-file.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { assertVisibleTo } from '../credit-file/visibility';
import { EvaluationService } from '../evaluation/evaluation.service';
import type { BreachCommitmentDto, SignCommitmentDto, VerifyCommitmentDto } from './dto/commitment.dto';
import { samePerson } from '../common/four-eyes/four-eyes.errors';
import { CommonErrorCode } from '../common/errors/common.errors';
import { CommitmentErrorCode } from './commitment.errors';

/** 失信行为清单 EDU-011 违背信用承诺 (src/database/migrations/data/catalogue-2026.ts). */
export const BROKEN_COMMITMENT_BEHAVIOUR = 'EDU-011';

const PURPOSE_LABELS: Record<string, string> = { licence_notice: '告知承诺制审批', repair: '信用修复', annual: '年度信用', other: '其他' };

const COLUMNS = `c.id, c.uscc, c.purpose, c.content, c.signer_name AS "signerName", c.signed_on::text AS "signedOn",
  c.due_date::text AS "dueDate", c.record_id AS "recordId", c.status, c.broken_on::text AS "brokenOn",
  c.broken_reason AS "brokenReason", c.case_no AS "caseNo", c.verification, c.verified_on::text AS "verifiedOn",
  c.verification_note AS "verificationNote", c.created_at AS "createdAt"`;

interface Row {
  id: string; uscc: string; purpose: string; content: string; signerName: string; signedOn: string; dueDate: string;
  recordId: string; status: 'active' | 'broken'; brokenOn: string | null; brokenReason: string | null; caseNo: string | null;
  verification: 'kept' | 'not_kept' | null; verifiedOn: string | null; verificationNote: string | null;
}

/** A row locked for a decision, with what the decision is checked against. */
interface Locked extends Row {
  institutionId: string;
  officeCode: string | null;
  createdBy: string | null;
}

/** What an approved `commitment_breach` proposal does: a breach found, or a verification that it was not kept. */
interface BreachChange { brokenOn: string; facts: string; verification: boolean }

const bad = (field: string, message: string, code: string = CommonErrorCode.VALIDATION_FAILED) =>
  new DomainException(code, message, HttpStatus.BAD_REQUEST, { fields: [{ field, message }] });

/**
 * 信用承诺: the commitment is a credit record, dated the day it is signed. It counts towards the grade only once an
 * officer or approver of the institution's office verifies it as kept; verified not kept, or found broken, it opens
 * a dishonesty case through the case workflow.
 *
 * Four eyes (docs/four-eyes.md): finding a commitment broken, or verifying it not kept, ends its effect (it stops
 * counting, its status turns 已违约) and opens a case, so it is a `commitment_breach` proposal that an approver of the
 * institution's office decides, neither the proposer nor whoever registered the commitment. Verifying it kept only
 * confirms the effect it was signed for, so the office's staff do that directly (not the person who registered it).
 */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly creditFile: CreditFileService,
    private readonly cases: CasesService,
    private readonly crypto: FieldCryptoService,
    private readonly evaluation: EvaluationService,
    private readonly fourEyes: FourEyesService,
  ) {
    fourEyes.register('commitment_breach', (m, p) => this.breachIn(m, p));
  }

  async sign(dto: SignCommitmentDto, actor: AuthUser) {
    const uscc = assertVisibleTo(dto.uscc, actor);
    // the server's date, never the form's: a commitment back-dated to an ended term would be due, and kept, at once
    const signedOn = shanghaiToday();
    if (dto.signedOn !== undefined && dto.signedOn !== signedOn) {
      throw bad('signedOn', `信用承诺以签署当天为签署日期，只能是今天（${signedOn}），不得倒签或预签`, CommitmentErrorCode.SIGNED_ON_NOT_TODAY);
    }
    const dueDate = dto.dueDate ?? (dto.purpose === 'annual' ? `${signedOn.slice(0, 4)}-12-31` : undefined);
    if (!dueDate) throw bad('dueDate', '缺少必填字段：履约期限（dueDate）');
    toDayNumber(dueDate);
    if (dueDate < signedOn) throw bad('dueDate', `履约期限（dueDate）不能早于签署日期（${signedOn}）`);
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
      return view(await this.row(m, `c.record_id = $1`, record.id));
    });
  }

  /**
   * The bureau's verification. Kept: from the due date on, and the bonus counts from today. Not kept: a proposal that
   * the commitment is broken (an EDU-011 case opens on approval), as with `breach`. The same answer again is a retry;
   * a different one is refused.
   */
  async verify(id: string, dto: VerifyCommitmentDto, actor: AuthUser): Promise<ReturnType<typeof view> | ProposalView> {
    const today = shanghaiToday();
    const wanted = dto.kept ? 'kept' : 'not_kept';
    return this.ds.transaction(async (m) => {
      const row = await this.lockForDecision(m, id, actor);
      if (row.createdBy === actor.id) {
        throw samePerson('代为登记该承诺的人员不能核实其履约情况，请由本科室其他人员核实');
      }
      if (row.verification === wanted) return view(await this.row(m, `c.id = $1`, id));
      if (row.verification) {
        throw conflict(CommitmentErrorCode.COMMITMENT_ALREADY_VERIFIED, `该承诺已于 ${row.verifiedOn} 核实为${row.verification === 'kept' ? '已履约' : '未履约'}，不能改为其他结果`);
      }
      if (dto.kept && row.status === 'broken') throw conflict(CommitmentErrorCode.COMMITMENT_BROKEN, '该承诺已被认定违约，不能核实为已履约');
      if (!dto.kept) return this.proposeBreach(m, row, { brokenOn: today, facts: dto.note, verification: true }, actor);
      if (row.dueDate > today) throw conflict(CommitmentErrorCode.COMMITMENT_TERM_RUNNING, `履约期限（${row.dueDate}）尚未届满，届满当日起方可核实为已履约`);
      await m.query(
        `UPDATE commitments SET verification = 'kept', verified_on = $2, verified_by = $3, verified_at = now(), verification_note = $4
          WHERE id = $1`, [id, today, actor.id, dto.note]);
      await this.evaluation.reevaluateInstitution(row.institutionId, m);
      return view(await this.row(m, `c.id = $1`, id));
    });
  }

  /** Proposes that a commitment is broken; an approver of the institution's office decides (docs/four-eyes.md). */
  async breach(id: string, dto: BreachCommitmentDto, actor: AuthUser): Promise<ProposalView> {
    const brokenOn = dto.brokenOn ?? shanghaiToday();
    toDayNumber(brokenOn);
    if (brokenOn > shanghaiToday()) throw bad('brokenOn', '违约日期（brokenOn）不能晚于今天');
    return this.ds.transaction(async (m) => {
      const row = await this.lockForDecision(m, id, actor);
      if (brokenOn < row.signedOn) throw bad('brokenOn', '违约日期（brokenOn）不能早于签署日期');
      return this.proposeBreach(m, row, { brokenOn, facts: dto.facts, verification: false }, actor);
    });
  }

  async list(uscc: string, actor: AuthUser) {
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM commitments c WHERE c.uscc = $1 ORDER BY c.signed_on DESC, c.created_at DESC`, [assertVisibleTo(uscc, actor)]);
    return { items: rows.map(view) };
  }

  async get(id: string, actor: AuthUser) {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM commitments c WHERE c.id = $1`, [id]);
    if (!row || (actor.role === 'institution' && row.uscc !== actor.uscc)) throw notFound(CommitmentErrorCode.COMMITMENT_NOT_FOUND, '信用承诺不存在');
    return view(row);
  }

  private async row(m: EntityManager, where: string, param: string): Promise<Row> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM commitments c WHERE ${where}`, [param]);
    return row;
  }

  /** Locks the commitment; only staff of the office in charge of the institution decide about it. */
  private async lockForDecision(m: EntityManager, id: string, actor: AuthUser): Promise<Locked> {
    const [row]: Locked[] = await m.query(
      `SELECT ${COLUMNS}, c.institution_id AS "institutionId", c.created_by AS "createdBy", i.office_code AS "officeCode"
         FROM commitments c JOIN institutions i ON i.id = c.institution_id WHERE c.id = $1 FOR UPDATE OF c`, [id]);
    if (!row) throw notFound(CommitmentErrorCode.COMMITMENT_NOT_FOUND, '信用承诺不存在');
    if (!row.officeCode || row.officeCode !== actor.officeCode) {
      throw new DomainException(CommitmentErrorCode.WRONG_OFFICE, '只有该机构主管科室的经办人或审核人可以核实或认定其信用承诺', HttpStatus.FORBIDDEN);
    }
    return row;
  }

  private proposeBreach(m: EntityManager, row: Locked, change: BreachChange, actor: AuthUser): Promise<ProposalView> {
    if (row.caseNo) throw conflict(CommitmentErrorCode.COMMITMENT_BROKEN, `该承诺已被认定违约（案件 ${row.caseNo}），无需再次认定`, { caseNo: row.caseNo });
    return this.fourEyes.propose({
      kind: 'commitment_breach', subjectRef: row.id, office: row.officeCode, decidingRole: 'approver', raisedBy: row.createdBy,
      summary: `${change.verification ? '核实为未履约' : '认定违背'}信用承诺（${PURPOSE_LABELS[row.purpose]}，${row.uscc}），以 EDU-011 立案`,
      change: { ...change }, reason: change.facts,
    }, actor, m);
  }

  /**
   * The approved breach, in the decision's transaction: marked broken and a case opened in the proposer's name (who
   * found it); a commitment verified as kept stops counting from the day it was broken.
   */
  private async breachIn(m: EntityManager, p: ProposalView): Promise<void> {
    const change = p.change as unknown as BreachChange;
    const [row]: Locked[] = await m.query(
      `SELECT ${COLUMNS}, c.institution_id AS "institutionId", c.created_by AS "createdBy" FROM commitments c WHERE c.id = $1 FOR UPDATE`,
      [p.subjectRef]);
    if (!row) throw notFound(CommitmentErrorCode.COMMITMENT_NOT_FOUND, '信用承诺不存在');
    if (change.verification && row.verification) {
      throw conflict(CommitmentErrorCode.COMMITMENT_ALREADY_VERIFIED, `该承诺已于 ${row.verifiedOn} 核实，不能再核实为未履约`);
    }
    const [proposer]: AuthUser[] = await m.query(
      `SELECT id, username, role, office_code AS "officeCode", NULL AS uscc FROM users WHERE id = $1`, [p.proposedBy]);
    if (!row.caseNo) await this.markBroken(m, row, change.facts, change.brokenOn, proposer);
    if (change.verification) {
      await m.query(`UPDATE commitments SET verification = 'not_kept', verified_on = $2, verified_by = $3, verified_at = now(),
                            verification_note = $4 WHERE id = $1`, [row.id, shanghaiToday(), proposer.id, change.facts]);
    }
    await this.evaluation.reevaluateInstitution(row.institutionId, m);
  }

  private async markBroken(m: EntityManager, row: Locked, facts: string, brokenOn: string, actor: AuthUser): Promise<void> {
    const opened = await this.cases.open(
      { uscc: row.uscc, behaviourCode: BROKEN_COMMITMENT_BEHAVIOUR, facts, source: 'commitment-breach' }, actor);
    await m.query(
      `UPDATE commitments SET status = 'broken', broken_on = COALESCE(broken_on, $2), broken_reason = COALESCE(broken_reason, $3),
              broken_by = COALESCE(broken_by, $4), case_no = $5 WHERE id = $1`,
      [row.id, brokenOn, facts, actor.id, opened.caseNo],
    );
  }
}

const LABELS = { broken: '已违约', kept: '已核实履约', awaiting_verification: '待核实', active: '履约中' } as const;

/** Kept only once verified; a commitment whose term has run waits for the bureau. */
function view(r: Row) {
  const status = r.status === 'broken' ? 'broken'
    : r.verification === 'kept' ? 'kept'
      : r.dueDate <= shanghaiToday() ? 'awaiting_verification' : 'active';
  return { ...r, signerName: maskName(r.signerName), status, statusLabel: LABELS[status], purposeLabel: PURPOSE_LABELS[r.purpose] };
}
