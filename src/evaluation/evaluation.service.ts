import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toDayNumber } from '../calendar/iso-date';
import { notFound } from '../common/errors/domain.exception';
import { shanghaiToday } from '../credit-file/credit-status';
import { PoliciesService } from '../policies/policies.service';
import type { Grade } from '../policies/policy.types';
import { CONTRIBUTING_RECORDS, evaluationParams, UPSERT_EVALUATIONS, upsertParams } from './evaluation.sql';
import { gradeFor, supervisionPolicy, SupervisionPolicyDocument } from './supervision-policy';

export interface Contribution {
  recordId: string;
  kind: string;
  title: string;
  decisionDate: string;
  severity: string | null;
  publicityFrom: string | null;
  publicityUntil: string | null;
  points: number;
}

export interface EvaluationView {
  uscc: string;
  asOf: string;
  policyVersion: number;
  score: number;
  grade: Grade;
  base: number;
  deductions: number;
  bonuses: number;
  contributions: Contribution[];
}

export interface CurrentGrade {
  score: number;
  grade: Grade;
  asOf: string | null;
}

/**
 * Credit evaluation (brief §4): 1,000 points less catalogue deductions for records in publication, plus capped
 * bonuses for honours and kept commitments; grade bands from the active policy. Any past date can be asked.
 */
@Injectable()
export class EvaluationService {
  private readonly logger = new Logger(EvaluationService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
  ) {}

  async evaluate(uscc: string, asOf: string = shanghaiToday()): Promise<EvaluationView> {
    toDayNumber(asOf);
    const [inst] = await this.ds.query(`SELECT id, uscc FROM institutions WHERE uscc = $1`, [uscc.trim().toUpperCase()]);
    if (!inst) throw notFound('INSTITUTION_NOT_FOUND', '机构不存在');
    const { version, document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    const rows: Contribution[] = await this.ds.query(CONTRIBUTING_RECORDS, evaluationParams(asOf, policy.evaluation, inst.id));
    // the same arithmetic as UPSERT_EVALUATIONS, on the same rows
    const deductions = -rows.filter((r) => r.points < 0).reduce((s, r) => s + r.points, 0);
    const bonuses = Math.min(rows.filter((r) => r.points > 0).reduce((s, r) => s + r.points, 0), policy.evaluation.maxBonus);
    const base = policy.evaluation.base;
    const score = Math.max(0, Math.min(base, base - deductions + bonuses));
    return {
      uscc: inst.uscc, asOf, policyVersion: version, score, grade: gradeFor(score, policy.grades), base, deductions, bonuses,
      contributions: rows,
    };
  }

  /** Re-scores one institution as of today, inside the caller's transaction (after each credit record). */
  async reevaluateInstitution(institutionId: string, m: EntityManager): Promise<void> {
    await this.run(shanghaiToday(), institutionId, m);
  }

  /** Re-scores every institution in one statement (the nightly schedule, or an administrator). */
  async reevaluateAll(asOf: string = shanghaiToday()): Promise<{ asOf: string; institutions: number; ms: number }> {
    toDayNumber(asOf);
    const started = Date.now();
    const institutions = await this.run(asOf, null, this.ds.manager);
    const ms = Date.now() - started;
    this.logger.log({ asOf, institutions, ms }, 're-evaluated all institutions');
    return { asOf, institutions, ms };
  }

  /** Grade from the last snapshot; an institution never evaluated has no records and so the full score. */
  async current(institutionId: string): Promise<CurrentGrade> {
    const [row] = await this.ds.query(
      `SELECT score, grade, as_of::text AS "asOf" FROM institution_evaluations WHERE institution_id = $1`, [institutionId]);
    if (row) return row;
    const { document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    return { score: policy.evaluation.base, grade: gradeFor(policy.evaluation.base, policy.grades), asOf: null };
  }

  private async run(asOf: string, institutionId: string | null, m: EntityManager): Promise<number> {
    const { version, document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    const params = upsertParams(evaluationParams(asOf, policy.evaluation, institutionId), policy.evaluation, policy.grades, version);
    // a query runner's structured result carries pg's row count (EntityManager.query drops it for INSERT)
    const runner = m.queryRunner ?? m.connection.createQueryRunner();
    try {
      return (await runner.query(UPSERT_EVALUATIONS, params, true)).affected ?? 0;
    } finally {
      if (!m.queryRunner) await runner.release();
    }
  }
}
