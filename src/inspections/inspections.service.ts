import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { CasesService } from '../cases/cases.service';
import { conflict, notFound, unprocessable } from '../common/errors/domain.exception';
import { shanghaiToday } from '../credit-file/credit-status';
import { gradeWithoutRecords, supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import type { Grade } from '../policies/policy.types';
import { assertNoPersonalData } from '../publicity/public-text-guard';
import { draw, drawDigest, DrawInput, GRADE_ORDER } from './draw';
import type { CreatePlanDto, InspectionResultDto } from './dto/inspection.dto';
import { InspectionErrorCode, inspectionPlanNotFound } from './inspection.errors';
import { validationFailed } from '../common/errors/common.errors';

const TARGETS = `SELECT t.position, t.uscc, i.name AS "institutionName", t.grade, t.inspector_ids AS "inspectorIds", t.result,
  t.findings, t.public_finding AS "publicFinding", t.recorded_at AS "recordedAt", t.case_no AS "caseNo"
  FROM inspection_targets t JOIN institutions i ON i.id = t.institution_id WHERE t.plan_id = $1 ORDER BY t.position`;

/** 分级分类监管 + 双随机一公开: plans drawn by grade ratio from a published seed, and their results. */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
    private readonly cases: CasesService,
  ) {}

  async create(dto: CreatePlanDto, actor: AuthUser) {
    const { version, document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    const year = dto.year ?? Number(shanghaiToday().slice(0, 4));
    // one never evaluated has no records: B, not A (docs/credit-grading.md, NO_RECORDS)
    const unevaluated = gradeWithoutRecords(policy);
    // an institution already inspected as often this year as its grade allows is not a candidate (brief §4 frequency)
    const rows: { id: string; uscc: string; grade: Grade; inspected: number }[] = await this.ds.query(
      `SELECT i.id, i.uscc, COALESCE(e.grade, $1) AS grade,
              (SELECT count(*)::int FROM inspection_targets t JOIN inspection_plans p ON p.id = t.plan_id
                WHERE t.institution_id = i.id AND p.year = $2) AS inspected
         FROM institutions i LEFT JOIN institution_evaluations e ON e.institution_id = i.id
        WHERE i.status = 'active' AND ($3::text IS NULL OR i.office_code = $3) AND ($4::text IS NULL OR i.type = $4)`,
      [unevaluated, year, dto.officeCode ?? null, dto.institutionType ?? null],
    );
    const eligible = rows.filter((r) => {
      const cap = policy.supervision[r.grade]?.maxPerYear;
      return cap === null || cap === undefined || r.inspected < cap;
    });
    const inspectors: { id: string }[] = await this.ds.query(
      `SELECT id FROM users WHERE role = 'officer' AND active AND ($1::text IS NULL OR office_code = $1)`, [dto.officeCode ?? null]);
    const k = dto.inspectorsPerTarget ?? 2;
    if (inspectors.length < k) {
      throw unprocessable(InspectionErrorCode.NOT_ENOUGH_INSPECTORS, `可抽取的检查人员不足 ${k} 人`, { available: inspectors.length });
    }
    const ratios = Object.fromEntries(GRADE_ORDER.map((g) => [g, policy.supervision[g]?.ratio ?? 0])) as Record<Grade, number>;
    const input: DrawInput = {
      seed: dto.seed ?? randomBytes(16).toString('hex'),
      candidates: eligible.map((r) => ({ uscc: r.uscc, grade: r.grade })),
      inspectors: inspectors.map((i) => i.id),
      ratios,
      inspectorsPerTarget: k,
    };
    const targets = draw(input);
    const ids = new Map(rows.map((r) => [r.uscc, r.id]));
    const planId = await this.ds.transaction(async (m) => {
      const [plan] = await m.query(
        `INSERT INTO inspection_plans (title, seed, year, office_code, institution_type, policy_version, ratios, inspectors_per_target,
                                       candidates, inspectors, digest, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [dto.title, input.seed, year, dto.officeCode ?? null, dto.institutionType ?? null, version, ratios, k,
          JSON.stringify(input.candidates), JSON.stringify(input.inspectors), drawDigest(input), actor.id],
      );
      for (const t of targets) {
        await m.query(
          `INSERT INTO inspection_targets (plan_id, position, institution_id, uscc, grade, inspector_ids) VALUES ($1,$2,$3,$4,$5,$6)`,
          [plan.id, t.position, ids.get(t.uscc), t.uscc, t.grade, t.inspectorIds],
        );
      }
      return plan.id as string;
    });
    return this.get(planId);
  }

  async get(id: string) {
    const [plan] = await this.ds.query(
      `SELECT id, title, seed, year, office_code AS "officeCode", institution_type AS "institutionType", policy_version AS "policyVersion",
              ratios, inspectors_per_target AS "inspectorsPerTarget", digest, jsonb_array_length(candidates) AS "candidateCount",
              created_at AS "createdAt", published_at AS "publishedAt" FROM inspection_plans WHERE id = $1`, [id]);
    if (!plan) throw inspectionPlanNotFound();
    return { ...plan, targets: await this.ds.query(TARGETS, [id]) };
  }

  list() {
    return this.ds.query(
      `SELECT p.id, p.title, p.seed, p.year, p.office_code AS "officeCode", p.digest, p.created_at AS "createdAt",
              (SELECT count(*)::int FROM inspection_targets t WHERE t.plan_id = p.id) AS targets
         FROM inspection_plans p ORDER BY p.created_at DESC LIMIT 200`);
  }

  /** Re-runs the draw from the published seed and the recorded inputs, and compares it with what was stored. */
  async verify(id: string) {
    const [plan] = await this.ds.query(
      `SELECT seed, ratios, inspectors_per_target AS k, candidates, inspectors, digest FROM inspection_plans WHERE id = $1`, [id]);
    if (!plan) throw inspectionPlanNotFound();
    const input: DrawInput = { seed: plan.seed, candidates: plan.candidates, inspectors: plan.inspectors, ratios: plan.ratios, inspectorsPerTarget: plan.k };
    const stored: { position: number; uscc: string; grade: string; inspectorIds: string[] }[] = await this.ds.query(
      `SELECT position, uscc, grade, inspector_ids AS "inspectorIds" FROM inspection_targets WHERE plan_id = $1 ORDER BY position`, [id]);
    const redrawn = draw(input);
    const digestOk = drawDigest(input) === plan.digest;
    const mismatches = redrawn.length !== stored.length ? [{ position: 0, reason: `抽取数量不符：重算 ${redrawn.length}，记录 ${stored.length}` }] :
      redrawn.flatMap((t, i) => {
        const s = stored[i];
        const same = s.uscc === t.uscc && s.grade === t.grade && s.inspectorIds.join() === t.inspectorIds.join();
        return same ? [] : [{ position: t.position, reason: `第 ${t.position} 项不符：重算为 ${t.uscc}，记录为 ${s.uscc}` }];
      });
    return { planId: id, seed: plan.seed, digest: plan.digest, digestOk, drawOk: mismatches.length === 0, ok: digestOk && !mismatches.length, mismatches };
  }

  /**
   * 一公开: publishing a plan shows its scope, ratios, seed and draw proof on the public pages, and each result as it
   * is recorded. Before that the targets stay internal, so a plan can be drawn ahead of unannounced inspections.
   * Its title becomes public: the guard refuses one with personal data, as for any public text.
   */
  async publish(id: string, actor: AuthUser) {
    const [plan] = await this.ds.query(`SELECT title FROM inspection_plans WHERE id = $1`, [id]);
    if (!plan) throw inspectionPlanNotFound();
    // a plan names no person of its own: the guard looks for numbers only (the targets' legal representatives are not
    // named by the plan, and matching all their names against a title would refuse ordinary words)
    assertNoPersonalData({ title: plan.title });
    await this.ds.query(
      `UPDATE inspection_plans SET published_at = COALESCE(published_at, now()), published_by = COALESCE(published_by, $2) WHERE id = $1`,
      [id, actor.id]);
    return this.get(id);
  }

  /**
   * Recording a result is set-once; a failed inspection may open a case (source: inspection). The public finding is
   * what 一公开 shows of it: checked by the public-text guard, as every text meant for the public.
   */
  async recordResult(planId: string, uscc: string, dto: InspectionResultDto, actor: AuthUser) {
    if (dto.openCase && dto.result !== 'fail') {
      throw validationFailed('只有检查不合格时才能据此立案', { fields: [{ field: 'openCase' }] });
    }
    await this.ds.transaction(async (m) => {
      const [t] = await m.query(
        `SELECT t.result, t.case_no, i.legal_rep_name FROM inspection_targets t JOIN institutions i ON i.id = t.institution_id
          WHERE t.plan_id = $1 AND t.uscc = $2 FOR UPDATE OF t`, [planId, uscc]);
      if (!t) throw notFound(InspectionErrorCode.INSPECTION_TARGET_NOT_FOUND, '该机构不在本抽查计划中');
      if (t.result && t.result !== dto.result) throw conflict(InspectionErrorCode.RESULT_ALREADY_RECORDED, '检查结果已登记，不能改为其他结果');
      if (dto.publicFinding) assertNoPersonalData({ publicFinding: dto.publicFinding }, [t.legal_rep_name]);
      if (!t.result) {
        await m.query(`UPDATE inspection_targets SET result = $3, findings = $4, public_finding = $5, recorded_by = $6, recorded_at = now()
                        WHERE plan_id = $1 AND uscc = $2`, [planId, uscc, dto.result, dto.findings, dto.publicFinding ?? null, actor.id]);
      }
      if (dto.openCase && !t.case_no) {
        const opened = await this.cases.open({ uscc, behaviourCode: dto.openCase.behaviourCode, facts: dto.openCase.facts, source: 'inspection' }, actor);
        await m.query(`UPDATE inspection_targets SET case_no = $3 WHERE plan_id = $1 AND uscc = $2`, [planId, uscc, opened.caseNo]);
      }
    });
    return (await this.get(planId)).targets.find((t: { uscc: string }) => t.uscc === uscc);
  }
}
