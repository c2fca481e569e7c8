import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskName } from '../common/crypto/mask';
import { DomainException, notFound } from '../common/errors/domain.exception';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { EvaluationService } from '../evaluation/evaluation.service';
import { ReviewOutcome, supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import type { ReviewRequestDto } from './dto/review.dto';
import { institutionNotFound } from '../institutions/institution.errors';
import { CreditReviewErrorCode } from './credit-review.errors';

export interface ReviewReason {
  code: 'RECORD_IN_PUBLICITY' | 'BANNED_PERSON' | 'OPEN_RECTIFICATION' | 'GRADE';
  outcome: ReviewOutcome;
  message: string;
  ref?: string;
}

const RANK: Record<ReviewOutcome, number> = { pass: 0, warn: 1, block: 2 };
const SEVERITY_LABEL: Record<string, string> = { minor: '轻微', general: '一般', serious: '严重' };

/** Stages of a determined case whose rectification or sanctions are still running (not yet publicity, repair or closed). */
export const OPEN_RECTIFICATION_SQL = `closed_at IS NULL AND decision_date IS NOT NULL
  AND stage NOT IN ('PUBLICITY','REPAIR_REVIEW','CLOSED','WITHDRAWN')`;

/**
 * 信用审查 (brief §4): pass / warn / block with reasons — records in publication by severity, an active industry
 * ban on a named person, an unfinished rectification, the grade. Every review is filed (append-only) as evidence.
 */
@Injectable()
export class CreditReviewService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
    private readonly evaluation: EvaluationService,
    private readonly crypto: FieldCryptoService,
  ) {}

  async review(q: ReviewRequestDto, actor: AuthUser, m: EntityManager = this.ds.manager) {
    const [inst] = await m.query(`SELECT id, uscc, legal_rep_id_hmac FROM institutions WHERE uscc = $1`, [q.uscc]);
    if (!inst) throw institutionNotFound();
    const hmacs = new Set<string>([inst.legal_rep_id_hmac]);
    if (q.idNumber) hmacs.add(this.crypto.blindIndex(q.idNumber));
    if (q.matterId) {
      const [matter] = await m.query(`SELECT uscc, matter_type, person_hmacs FROM review_matters WHERE id = $1`, [q.matterId]);
      if (!matter || matter.uscc !== inst.uscc) throw notFound(CreditReviewErrorCode.MATTER_NOT_FOUND, '审批或评选事项不存在，或不属于该机构');
      if (matter.matter_type !== q.purpose) throw new DomainException(CreditReviewErrorCode.PURPOSE_MISMATCH, '审查用途与事项类型不一致');
      for (const h of matter.person_hmacs as string[]) hmacs.add(h);
    }
    const { version, document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    const rules = policy.review[q.purpose];
    const today = shanghaiToday();
    const reasons: ReviewReason[] = [];

    const records = await m.query(
      `SELECT r.id, r.kind, r.title, COALESCE(r.severity, 'general') AS severity FROM credit_records r
        WHERE r.institution_id = $1 AND r.kind IN ('determination','penalty','joint_sanction') AND ${inPublicationSql('r', '$2::date')}
        ORDER BY r.seq`, [inst.id, today]);
    for (const r of records) {
      reasons.push({ code: 'RECORD_IN_PUBLICITY', outcome: rules.bySeverity[r.severity as 'minor'], ref: r.id,
        message: `公示中的${SEVERITY_LABEL[r.severity]}记录：${r.title}` });
    }
    const bans = await m.query(
      `SELECT id, person_name, until_date::text AS until FROM industry_bans
        WHERE person_id_hmac = ANY($1) AND from_date <= $2 AND until_date >= $2 AND ended_on IS NULL`, [[...hmacs], today]);
    for (const b of bans) {
      reasons.push({ code: 'BANNED_PERSON', outcome: rules.ban, ref: b.id, message: `${maskName(b.person_name)} 处于行业禁入期（至 ${b.until}）` });
    }
    const open = await m.query(`SELECT case_no, stage FROM cases WHERE institution_id = $1 AND ${OPEN_RECTIFICATION_SQL}`, [inst.id]);
    for (const c of open) {
      reasons.push({ code: 'OPEN_RECTIFICATION', outcome: rules.openRectification, ref: c.case_no, message: `案件 ${c.case_no} 尚未完成整改` });
    }
    const current = await this.evaluation.current(inst.id);
    const byGrade = rules.byGrade[current.grade];
    if (byGrade && byGrade !== 'pass') {
      reasons.push({ code: 'GRADE', outcome: byGrade, message: `信用等级为 ${current.grade}（${current.score} 分）` });
    }
    const outcome = reasons.reduce<ReviewOutcome>((acc, r) => (RANK[r.outcome] > RANK[acc] ? r.outcome : acc), 'pass');
    const [row] = await m.query(
      `INSERT INTO credit_reviews (matter_id, institution_id, uscc, purpose, person_hmacs, outcome, reasons, score, grade,
                                   policy_version, office_code, reviewed_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id, reviewed_at AS "reviewedAt"`,
      [q.matterId ?? null, inst.id, inst.uscc, q.purpose, [...hmacs], outcome, JSON.stringify(reasons), current.score, current.grade,
        version, actor.officeCode, actor.id],
    );
    return { id: row.id, uscc: inst.uscc, purpose: q.purpose, matterId: q.matterId ?? null, outcome, reasons,
      grade: current.grade, score: current.score, policyVersion: version, reviewedAt: row.reviewedAt };
  }
}
