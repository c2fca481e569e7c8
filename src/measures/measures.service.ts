import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maskName } from '../common/crypto/mask';
import { institutionNotFound } from '../institutions/institution.errors';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { EvaluationService } from '../evaluation/evaluation.service';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';

const MATTER_LABELS = { approval: '行政审批', public_service: '公共服务', inspection: '监督检查', subsidy: '财政奖补', award: '评先评优' };

/** 守信激励 / 失信惩戒 (brief §4): measures follow from the grade and the records in publication. */
@Injectable()
export class MeasuresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
    private readonly evaluation: EvaluationService,
  ) {}

  catalogue() {
    return this.policies.active().then(({ version, document }) => ({
      policyVersion: version,
      items: supervisionPolicy(document as SupervisionPolicyDocument).measures.map((m) => ({ ...m, matterLabel: MATTER_LABELS[m.matterType] })),
    }));
  }

  async applicable(uscc: string) {
    const [inst] = await this.ds.query(`SELECT id, legal_rep_id_hmac FROM institutions WHERE uscc = $1`, [uscc]);
    if (!inst) throw institutionNotFound();
    const { document } = await this.policies.active();
    const policy = supervisionPolicy(document as SupervisionPolicyDocument);
    const current = await this.evaluation.current(inst.id);
    const today = shanghaiToday();
    const kinds: string[] = (await this.ds.query(
      `SELECT DISTINCT r.kind FROM credit_records r WHERE r.institution_id = $1 AND ${inPublicationSql('r', '$2::date')}`, [inst.id, today],
    )).map((r: { kind: string }) => r.kind);
    const measures = policy.measures
      .filter((m) => m.grades?.includes(current.grade) || m.recordKinds?.some((k) => kinds.includes(k)))
      .map((m) => ({
        ...m, matterLabel: MATTER_LABELS[m.matterType],
        because: m.grades?.includes(current.grade) ? `信用等级 ${current.grade}` : `有公示中的${m.recordKinds?.join('、')}记录`,
      }));
    const bans = await this.ds.query(
      `SELECT id, person_name AS "personName", from_date::text AS "fromDate", until_date::text AS "untilDate", reason
         FROM industry_bans WHERE (institution_id = $1 OR person_id_hmac = $2) AND until_date >= $3 AND ended_on IS NULL ORDER BY from_date`,
      [inst.id, inst.legal_rep_id_hmac, today]);
    return {
      uscc, grade: current.grade, score: current.score, measures,
      industryBans: bans.map((b: { personName: string }) => ({ ...b, personName: maskName(b.personName) })),
    };
  }
}
