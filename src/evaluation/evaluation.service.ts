import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toDayNumber } from '../calendar/iso-date';
import type { ChainedContent } from '../credit-file/credit-chain';
import { shanghaiToday } from '../credit-file/credit-status';
import { PoliciesService } from '../policies/policies.service';
import type { Grade } from '../policies/policy.types';
import { CONTRIBUTING_RECORDS, EVALUATION_OF, evaluationParams, gradingParams, RULE_HITS, writeEvaluations } from './evaluation.sql';
import { GRADE_RULES, GradeRuleCode, RuleHit } from './grading-rules';
import { gradeWithoutRecords, supervisionPolicy, SupervisionPolicyDocument } from './supervision-policy';
import { institutionNotFound } from '../institutions/institution.errors';

/** A credit record as it counts towards a grade: its chained facts and the points they weigh. */
export interface Contribution extends Pick<ChainedContent, 'kind' | 'title' | 'decisionDate' | 'severity' | 'publicityFrom' | 'publicityUntil'> {
  recordId: string;
  points: number;
}

/** A grading rule that held the grade below the score's band, and why (docs/credit-grading.md). */
export interface GradeCap {
  rule: GradeRuleCode;
  grade: Grade;
  title: string;
  because: string;
  source: string;
  /** The records, bans or cases behind it. */
  refs: string[];
}

export interface EvaluationView {
  uscc: string;
  asOf: string;
  policyVersion: number;
  score: number;
  /** The grade the score alone would earn. */
  scoreGrade: Grade;
  grade: Grade;
  base: number;
  deductions: number;
  bonuses: number;
  caps: GradeCap[];
  contributions: Contribution[];
}

export interface CurrentGrade {
  score: number;
  grade: Grade;
  asOf: string | null;
  caps: GradeRuleCode[];
}

/**
 * Credit evaluation (brief §4, docs/credit-grading.md): 1,000 points less catalogue deductions for records in
 * publication, plus capped bonuses for honours and verified kept commitments; the grade is the score's band of the
 * active policy, capped by the grading rules. Any past date can be asked.
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
    if (!inst) throw institutionNotFound();
    const { version, document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    const params = evaluationParams(asOf, policy.evaluation, inst.id);
    // the grade comes from the very statement the snapshot is written by, read for this institution
    const [[graded], contributions, hits] = await Promise.all([
      this.ds.query(EVALUATION_OF, gradingParams(params, policy.evaluation, policy.grades)),
      this.ds.query(CONTRIBUTING_RECORDS, params) as Promise<Contribution[]>,
      this.ds.query(RULE_HITS, params) as Promise<RuleHit[]>,
    ]);
    return {
      uscc: inst.uscc, asOf, policyVersion: version, score: graded.score, scoreGrade: graded.scoreGrade, grade: graded.grade,
      base: policy.evaluation.base, deductions: graded.deductions, bonuses: graded.bonuses,
      caps: (graded.caps as GradeRuleCode[]).map((rule) => capOf(rule, hits.filter((h) => h.rule === rule))),
      contributions,
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

  /** Grade from the last snapshot; an institution never evaluated has no records (each record re-evaluates it). */
  async current(institutionId: string): Promise<CurrentGrade> {
    const [row] = await this.ds.query(
      `SELECT score, grade, as_of::text AS "asOf", caps FROM institution_evaluations WHERE institution_id = $1`, [institutionId]);
    if (row) return row;
    const { document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    return { score: policy.evaluation.base, grade: gradeWithoutRecords(policy), asOf: null, caps: ['NO_RECORDS'] };
  }

  private async run(asOf: string, institutionId: string | null, m: EntityManager): Promise<number> {
    const policy = await this.policies.active();
    const runner = m.queryRunner ?? m.connection.createQueryRunner();
    try {
      return await writeEvaluations(runner, asOf, institutionId, policy);
    } finally {
      if (!m.queryRunner) await runner.release();
    }
  }
}

function capOf(rule: GradeRuleCode, hits: RuleHit[]): GradeCap {
  const r = GRADE_RULES[rule];
  return {
    rule, grade: r.ceiling, title: r.title, because: r.because(hits), source: r.source,
    refs: hits.flatMap((h) => (h.ref ? [h.ref] : [])),
  };
}
