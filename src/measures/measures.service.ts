import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { toDayNumber } from '../calendar/iso-date';
import { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskName } from '../common/crypto/mask';
import { CreditFileService } from '../credit-file/credit-file.service';
import { inPublicationSql, shanghaiToday } from '../credit-file/credit-status';
import { EvaluationService } from '../evaluation/evaluation.service';
import { supervisionPolicy, SupervisionPolicyDocument } from '../evaluation/supervision-policy';
import { PoliciesService } from '../policies/policies.service';
import type { CreateBanDto } from './dto/ban.dto';
import { institutionNotFound } from '../institutions/institution.errors';
import { validationFailed } from '../common/errors/common.errors';

const MATTER_LABELS = { approval: '行政审批', public_service: '公共服务', inspection: '监督检查', subsidy: '财政奖补', award: '评先评优' };

/** 守信激励 / 失信惩戒 (brief §4): measures follow from the grade and the records in publication. */
@Injectable()
export class MeasuresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PoliciesService,
    private readonly evaluation: EvaluationService,
    private readonly creditFile: CreditFileService,
    private readonly crypto: FieldCryptoService,
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
         FROM industry_bans WHERE (institution_id = $1 OR person_id_hmac = $2) AND until_date >= $3 ORDER BY from_date`,
      [inst.id, inst.legal_rep_id_hmac, today]);
    return {
      uscc, grade: current.grade, score: current.score, measures,
      industryBans: bans.map((b: { personName: string }) => ({ ...b, personName: maskName(b.personName) })),
    };
  }

  /**
   * 行业禁入 of a named person for a period. With an institution it is also a joint-sanction record in that
   * institution's file (and goes to the municipal platform). Registering the same ban twice returns the first.
   */
  async ban(dto: CreateBanDto, actor: AuthUser) {
    toDayNumber(dto.fromDate);
    toDayNumber(dto.untilDate);
    if (dto.untilDate < dto.fromDate) {
      throw validationFailed('禁入截止日期不能早于开始日期', { fields: [{ field: 'untilDate' }] });
    }
    const hmac = this.crypto.blindIndex(dto.personIdNumber);
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('industry-ban:' || $1))`, [hmac]);
      const [existing] = await m.query(
        `SELECT id FROM industry_bans WHERE person_id_hmac = $1 AND from_date = $2 AND until_date = $3`, [hmac, dto.fromDate, dto.untilDate]);
      if (existing) return this.view(existing.id, m);
      let institutionId: string | null = null;
      let recordId: string | null = null;
      if (dto.uscc) {
        const record = await this.creditFile.append({
          uscc: dto.uscc, kind: 'joint_sanction', title: `行业禁入：${maskName(dto.personName)}（${dto.fromDate} 至 ${dto.untilDate}）`,
          decisionDate: dto.fromDate > shanghaiToday() ? shanghaiToday() : dto.fromDate,
          publicityFrom: dto.fromDate, publicityUntil: dto.untilDate,
          payload: { measure: '行业禁入', personName: dto.personName, personIdNumber: dto.personIdNumber, reason: dto.reason },
          sourceRef: `industry-ban:${hmac.slice(0, 24)}:${dto.fromDate}:${dto.untilDate}`,
          caseNo: dto.caseNo ?? null, officeCode: actor.officeCode, createdBy: actor.id,
        }, m);
        const [inst] = await m.query(`SELECT id FROM institutions WHERE uscc = $1`, [dto.uscc]);
        institutionId = inst.id;
        recordId = record.id;
      }
      const [row] = await m.query(
        `INSERT INTO industry_bans (person_name, person_id_enc, person_id_hmac, institution_id, uscc, from_date, until_date, reason,
                                    case_no, record_id, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [dto.personName, this.crypto.encrypt(dto.personIdNumber), hmac, institutionId, dto.uscc ?? null, dto.fromDate, dto.untilDate,
          dto.reason, dto.caseNo ?? null, recordId, actor.id]);
      // the ban caps the grade of the institutions it concerns (INDUSTRY_BAN, docs/credit-grading.md): re-grade them now
      const concerned: { id: string }[] = await m.query(
        `SELECT id FROM institutions WHERE legal_rep_id_hmac = $1 OR id = $2`, [hmac, institutionId]);
      for (const c of concerned) await this.evaluation.reevaluateInstitution(c.id, m);
      return this.view(row.id, m);
    });
  }

  async list(idNumber?: string) {
    const rows = await this.ds.query(
      `SELECT id FROM industry_bans WHERE ($1::text IS NULL OR person_id_hmac = $1) ORDER BY created_at DESC LIMIT 500`,
      [idNumber ? this.crypto.blindIndex(idNumber) : null]);
    return { items: await Promise.all(rows.map((r: { id: string }) => this.view(r.id))) };
  }

  private async view(id: string, m = this.ds.manager) {
    const [b] = await m.query(
      `SELECT id, person_name AS "personName", uscc, from_date::text AS "fromDate", until_date::text AS "untilDate", reason,
              case_no AS "caseNo", record_id AS "recordId", (until_date >= $2 AND from_date <= $2) AS active
         FROM industry_bans WHERE id = $1`, [id, shanghaiToday()]);
    return { ...b, personName: maskName(b.personName) };
  }
}
