import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { draw, DrawInput } from '../inspections/draw';
import { INSTITUTION_TYPE_LABELS, InstitutionType } from '../institutions/institution-type';
import { redactPersonalData } from '../publicity/public-text-guard';
import { beijingDateOf } from '../common/time/beijing';
import { inspectionPlanNotFound } from '../inspections/inspection.errors';

const RESULT_LABELS: Record<string, string> = { pass: '未发现问题', fail: '发现问题' };

const PLAN = `p.id, p.title, p.year, o.name AS "officeName", p.institution_type AS "institutionType", p.ratios,
  jsonb_array_length(p.candidates) AS "candidateCount", p.published_at AS "publishedAt",
  (SELECT count(*)::int FROM inspection_targets t WHERE t.plan_id = p.id) AS "targetCount",
  (SELECT count(*)::int FROM inspection_targets t WHERE t.plan_id = p.id AND t.result IS NOT NULL) AS "inspectedCount"`;

interface PlanRow {
  id: string; title: string; year: number; officeName: string | null; institutionType: string | null; ratios: Record<string, number>;
  candidateCount: number; publishedAt: string; targetCount: number; inspectedCount: number;
}

/**
 * 双随机一公开, the 一公开: plans an approver published, with their scope, ratios, seed and the proof that the
 * institutions were drawn from that seed (anyone can re-run src/inspections/draw.ts on it), and the results as they
 * are recorded. No inspector is named: staff ids stay internal; the draw of inspectors is proved by the digest.
 */
@Injectable()
export class PublicInspectionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list() {
    const rows: PlanRow[] = await this.ds.query(
      `SELECT ${PLAN} FROM inspection_plans p LEFT JOIN offices o ON o.code = p.office_code
        WHERE p.published_at IS NOT NULL ORDER BY p.published_at DESC, p.id LIMIT 100`);
    return { items: rows.map(summary) };
  }

  async plan(id: string) {
    const [row] = await this.ds.query(
      `SELECT ${PLAN}, p.seed, p.digest, p.candidates, p.inspectors_per_target AS k
         FROM inspection_plans p LEFT JOIN offices o ON o.code = p.office_code
        WHERE p.id = $1 AND p.published_at IS NOT NULL`, [id]);
    if (!row) throw inspectionPlanNotFound('抽查计划不存在或尚未公开');
    const targets: { position: number; uscc: string; institutionName: string; grade: string; result: string | null;
      publicFinding: string | null; recordedAt: Date | null; caseNo: string | null }[] = await this.ds.query(
      `SELECT t.position, t.uscc, i.name AS "institutionName", t.grade, t.result, t.public_finding AS "publicFinding",
              t.recorded_at AS "recordedAt", t.case_no AS "caseNo"
         FROM inspection_targets t JOIN institutions i ON i.id = t.institution_id WHERE t.plan_id = $1 ORDER BY t.position`, [id]);
    // the institutions' draw depends on the seed, the candidates and the ratios only: redone here as anyone could
    const input: DrawInput = { seed: row.seed, candidates: row.candidates, inspectors: [], ratios: row.ratios, inspectorsPerTarget: 0 };
    const redrawn = draw(input).map((t) => t.uscc);
    return {
      ...summary(row),
      drawProof: {
        seed: row.seed, digest: row.digest, candidates: row.candidates, inspectorsPerTarget: row.k,
        institutionsRedrawn: redrawn.join() === targets.map((t) => t.uscc).join(),
      },
      targets: targets.map((t) => ({
        position: t.position, uscc: t.uscc, institutionName: redactPersonalData(t.institutionName), grade: t.grade,
        result: t.result, resultLabel: t.result ? RESULT_LABELS[t.result] : '尚未检查',
        finding: t.result ? redactPersonalData(t.publicFinding ?? RESULT_LABELS[t.result]) : null,
        followUp: !t.result ? null : t.caseNo ? '已立案调查' : t.result === 'fail' ? '责令整改，依法处理' : '无需处理',
        inspectedOn: t.recordedAt ? beijingDateOf(t.recordedAt) : null,
      })),
    };
  }
}

function summary(r: PlanRow) {
  return {
    id: r.id, title: redactPersonalData(r.title), year: r.year, officeName: r.officeName,
    institutionTypeLabel: r.institutionType ? INSTITUTION_TYPE_LABELS[r.institutionType as InstitutionType] ?? r.institutionType : null,
    ratios: r.ratios, candidateCount: r.candidateCount, targetCount: r.targetCount, inspectedCount: r.inspectedCount,
    publishedAt: new Date(r.publishedAt).toISOString(),
  };
}
