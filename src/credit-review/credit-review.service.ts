import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskName, maskSubjectName } from '../common/crypto/mask';
import { DomainException, notFound } from '../common/errors/domain.exception';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { EvaluationService } from '../evaluation/evaluation.service';
import { ReviewOutcome, supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import type { ReviewRequestDto } from './dto/review.dto';
import { institutionNotFound } from '../institutions/institution.errors';
import { CreditReviewErrorCode } from './credit-review.errors';
import { idNumberFits } from '../subjects/id-types';
import { SubjectErrorCode, subjectFieldInvalid } from '../subjects/subject.errors';

export interface ReviewReason {
  code: 'RECORD_IN_PUBLICITY' | 'BANNED_PERSON' | 'OPEN_RECTIFICATION' | 'GRADE' | 'PERSON_RECORD_IN_PUBLICITY';
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
    if (q.idNumber && !idNumberFits(q.idType ?? '身份证', q.idNumber)) {
      throw subjectFieldInvalid(SubjectErrorCode.ID_NUMBER_INVALID_FOR_TYPE, 'idNumber', `证件号码与证件类型（${q.idType}）不符`);
    }
    if (!q.uscc) return this.reviewPerson(q, actor, m);
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
    reasons.push(...await this.personReasons(m, q, rules, today), ...await this.banReasons(m, [...hmacs], rules, today));
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

  /**
   * A natural person reviewed alone (issue #19): found by the ID number's blind index, never by the number; the
   * reasons are the person's own records in publication and an active industry ban. A person has no grade.
   */
  private async reviewPerson(q: ReviewRequestDto, actor: AuthUser, m: EntityManager) {
    if (q.matterId) throw subjectFieldInvalid(SubjectErrorCode.SUBJECT_IDENTIFIER_MISMATCH, 'matterId', '审批或评选事项属于机构，审查事项时须填写机构统一社会信用代码（uscc）');
    const hmacs = this.crypto.blindIndexUnderEveryKey(q.idNumber!.trim().toUpperCase());
    const { version, document } = await this.policies.active();
    const rules = supervisionPolicy(document as SupervisionPolicyDocument).review[q.purpose];
    const today = shanghaiToday();
    const reasons = [...await this.personReasons(m, q, rules, today), ...await this.banReasons(m, hmacs, rules, today)];
    const outcome = reasons.reduce<ReviewOutcome>((acc, r) => (RANK[r.outcome] > RANK[acc] ? r.outcome : acc), 'pass');
    const [subject] = await m.query(`SELECT id FROM subjects WHERE kind = 'person' AND id_hmac = ANY($1)`, [hmacs]);
    const [row] = await m.query(
      `INSERT INTO credit_reviews (subject_id, purpose, person_hmacs, outcome, reasons, policy_version, office_code, reviewed_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id, reviewed_at AS "reviewedAt"`,
      [subject?.id ?? null, q.purpose, [this.crypto.blindIndex(q.idNumber!.trim().toUpperCase())], outcome, JSON.stringify(reasons), version,
        actor.officeCode, actor.id]);
    return { id: row.id, uscc: null, subjectId: subject?.id ?? null, purpose: q.purpose, matterId: null, outcome, reasons,
      grade: null, score: null, policyVersion: version, reviewedAt: row.reviewedAt };
  }

  /** The named person's own 双公示 records still in publication (a person's penalty, issue #19). */
  private async personReasons(m: EntityManager, q: ReviewRequestDto, rules: ReviewRules, today: string): Promise<ReviewReason[]> {
    if (!q.idNumber) return [];
    const rows = await m.query(
      `SELECT r.id, r.title, s.name, COALESCE(r.severity, 'general') AS severity
         FROM subjects s JOIN credit_records r ON r.subject_id = s.id AND r.institution_id IS NULL
        WHERE s.kind = 'person' AND s.id_hmac = ANY($1) AND r.kind IN ('determination','penalty','joint_sanction')
          AND ${inPublicationSql('r', '$2::date')} ORDER BY r.seq`,
      [this.crypto.blindIndexUnderEveryKey(q.idNumber.trim().toUpperCase()), today]);
    return rows.map((r: { id: string; title: string; name: string; severity: string }) => ({
      code: 'PERSON_RECORD_IN_PUBLICITY' as const, outcome: rules.bySeverity[r.severity as 'minor'], ref: r.id,
      message: `${maskSubjectName(r.name)} 有公示中的${SEVERITY_LABEL[r.severity]}记录：${r.title}`,
    }));
  }

  private async banReasons(m: EntityManager, hmacs: string[], rules: ReviewRules, today: string): Promise<ReviewReason[]> {
    const bans = await m.query(
      `SELECT id, person_name, until_date::text AS until FROM industry_bans
        WHERE person_id_hmac = ANY($1) AND from_date <= $2 AND until_date >= $2 AND ended_on IS NULL`, [hmacs, today]);
    return bans.map((b: { id: string; person_name: string; until: string }) => ({
      code: 'BANNED_PERSON' as const, outcome: rules.ban, ref: b.id, message: `${maskName(b.person_name)} 处于行业禁入期（至 ${b.until}）`,
    }));
  }
}

type ReviewRules = ReturnType<typeof supervisionPolicy>['review']['licence'];
