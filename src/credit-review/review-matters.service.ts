import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { toDayNumber } from '../calendar/iso-date';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskIdNumber, maskName } from '../common/crypto/mask';
import { conflict, notFound } from '../common/errors/domain.exception';
import { assertMayDecide } from '../common/four-eyes/four-eyes.rules';
import { shanghaiToday } from '../credit-file/credit-status';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import type { DecideMatterDto, RegisterMatterDto } from './dto/review.dto';
import { institutionNotFound } from '../institutions/institution.errors';
import { validationFailed } from '../common/errors/common.errors';
import { CreditReviewErrorCode } from './credit-review.errors';

const COLUMNS = `m.id, m.matter_type AS type, m.uscc, m.office_code AS "officeCode", m.title, m.persons, m.status,
  m.review_id AS "reviewId", m.decided_by AS "decidedBy", m.decided_at AS "decidedAt", m.decision_reason AS "decisionReason",
  m.created_at AS "createdAt"`;

/**
 * Licence applications of off-campus training institutions and award nominations (评先评优). Neither can be decided
 * without a credit review on file for it (REVIEW_REQUIRED), so review coverage is 100 % by construction.
 */
@Injectable()
export class ReviewMattersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
    private readonly crypto: FieldCryptoService,
  ) {}

  async register(dto: RegisterMatterDto, actor: AuthUser) {
    const [inst] = await this.ds.query(`SELECT id, office_code FROM institutions WHERE uscc = $1`, [dto.uscc]);
    if (!inst) throw institutionNotFound();
    const persons = (dto.persons ?? []).map((p) => ({
      name: p.name, role: p.role ?? null, idEnc: this.crypto.encrypt(p.idNumber), idHmac: this.crypto.blindIndex(p.idNumber),
    }));
    const [row] = await this.ds.query(
      `INSERT INTO review_matters (matter_type, institution_id, uscc, office_code, title, persons, person_hmacs, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [dto.type, inst.id, dto.uscc, actor.officeCode ?? inst.office_code, dto.title, JSON.stringify(persons),
        persons.map((p) => p.idHmac), actor.id],
    );
    return this.get(row.id);
  }

  async get(id: string) {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM review_matters m WHERE m.id = $1`, [id]);
    if (!row) throw notFound(CreditReviewErrorCode.MATTER_NOT_FOUND, '审批或评选事项不存在');
    const reviews = await this.ds.query(
      `SELECT id, outcome, reasons, grade, score, reviewed_at AS "reviewedAt" FROM credit_reviews WHERE matter_id = $1 ORDER BY reviewed_at DESC`, [id]);
    return { ...row, persons: row.persons.map((p: { name: string; role: string | null; idEnc: string }) => this.maskPerson(p)), reviews };
  }

  /**
   * The decision needs the latest review of this matter, not older than the policy's validity; approval is refused
   * when that review blocks or when a named person is under an industry ban today (even one imposed since the review).
   * Only an approver of the matter's office who did not register it decides (403 SAME_PERSON / OTHER_OFFICE).
   */
  async decide(id: string, dto: DecideMatterDto, actor: AuthUser) {
    const { document } = await this.policies.active();
    const validDays = supervisionPolicy(document as SupervisionPolicyDocument).review.validDays;
    await this.ds.transaction(async (m) => {
      const [matter] = await m.query(
        `SELECT status, person_hmacs, office_code, created_by, decided_by FROM review_matters WHERE id = $1 FOR UPDATE`, [id]);
      if (!matter) throw notFound(CreditReviewErrorCode.MATTER_NOT_FOUND, '审批或评选事项不存在');
      const decided = dto.decision === 'approve' ? 'approved' : 'rejected';
      if (matter.status === decided && matter.decided_by === actor.id) return; // a repeated click
      if (matter.status !== 'pending') throw conflict(CreditReviewErrorCode.MATTER_ALREADY_DECIDED, '该事项已作出决定');
      // four eyes (docs/four-eyes.md): the officer who registered the matter (承办) proposes, an approver of its office decides
      assertMayDecide(actor, { decidingRole: 'approver', office: matter.office_code, involved: [matter.created_by] });
      const [review] = await m.query(
        `SELECT id, outcome FROM credit_reviews WHERE matter_id = $1 AND reviewed_at > now() - make_interval(days => $2)
          ORDER BY reviewed_at DESC LIMIT 1`, [id, validDays]);
      if (!review) {
        throw conflict(CreditReviewErrorCode.REVIEW_REQUIRED, `作出决定前须完成信用审查（${validDays} 日内有效），请先调用信用审查`, { matterId: id });
      }
      if (dto.decision === 'approve') {
        if (review.outcome === 'block') throw conflict(CreditReviewErrorCode.REVIEW_BLOCKS, '信用审查结论为“不予通过”，不能批准', { reviewId: review.id });
        const [ban] = await m.query(
          `SELECT person_name, until_date::text AS until FROM industry_bans
            WHERE person_id_hmac = ANY($1) AND from_date <= $2 AND until_date >= $2 AND ended_on IS NULL LIMIT 1`, [matter.person_hmacs, shanghaiToday()]);
        if (ban) throw conflict(CreditReviewErrorCode.PERSON_BANNED, `${maskName(ban.person_name)} 处于行业禁入期（至 ${ban.until}），不能批准`);
      }
      await m.query(
        `UPDATE review_matters SET status = $2, review_id = $3, decided_by = $4, decided_at = now(), decision_reason = $5 WHERE id = $1`,
        [id, decided, review.id, actor.id, dto.reason],
      );
    });
    return this.get(id);
  }

  /** Per office and matter type: decided in the period, decided with a review on file, and the coverage. */
  async coverage(from: string, to: string) {
    toDayNumber(from);
    toDayNumber(to);
    if (to < from) throw validationFailed('结束日期不能早于开始日期');
    const rows = await this.ds.query(
      `SELECT m.office_code AS "officeCode", m.matter_type AS type, count(*)::int AS decided,
              count(r.id)::int AS "withReview",
              count(*) FILTER (WHERE m.status = 'approved')::int AS approved,
              count(*) FILTER (WHERE r.outcome = 'block')::int AS blocked
         FROM review_matters m LEFT JOIN credit_reviews r ON r.id = m.review_id
        WHERE m.decided_at >= $1::date AND m.decided_at < $2::date + 1
        GROUP BY 1, 2 ORDER BY 1, 2`, [from, to]);
    return {
      from, to,
      rows: rows.map((r: { decided: number; withReview: number }) => ({
        ...r, coverage: r.decided ? Math.round((r.withReview / r.decided) * 1000) / 10 : 100,
      })),
    };
  }

  private maskPerson(p: { name: string; role: string | null; idEnc: string }) {
    let idNumberMasked = '******';
    try {
      idNumberMasked = maskIdNumber(this.crypto.decrypt(p.idEnc));
    } catch { /* a retired key: keep the placeholder */ }
    return { name: p.name, role: p.role, idNumberMasked };
  }
}
