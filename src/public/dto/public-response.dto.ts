import { ApiProperty } from '@nestjs/swagger';
import { CREDIT_RECORD_KINDS } from '../../credit-file/credit-record.types';

export class PublicInstitutionHitDto {
  @ApiProperty() uscc: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '机构类型' }) typeLabel: string;
  @ApiProperty({ type: 'integer', description: '公示中的记录数' }) recordsInPublication: number;
}

export class PublicInstitutionHitsDto {
  @ApiProperty({ type: [PublicInstitutionHitDto], description: '最多 20 个' }) items: PublicInstitutionHitDto[];
}

/** A record in publication as anyone may read it: personal data removed or masked. */
export class PublicRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CREDIT_RECORD_KINDS }) kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ type: String, nullable: true }) severity: string | null;
  @ApiProperty({ format: 'date' }) publicityFrom: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publicityUntil: string | null;
  @ApiProperty({ description: '机构名称；自然人为脱敏后的姓名（张*明）' }) institutionName: string;
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码；自然人为 null（证件号码从不公示）' }) uscc: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '公示内容（个人信息已删除或脱敏）' }) content: Record<string, unknown>;
}

export class PublicInstitutionDto {
  @ApiProperty() uscc: string;
  @ApiProperty() name: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ example: '无公示中的失信或处罚信息' }) creditStatus: string;
  @ApiProperty({ type: [PublicRecordDto] }) records: PublicRecordDto[];
}

export class PublicRecordPageDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [PublicRecordDto] }) items: PublicRecordDto[];
}

class PublicRatiosDto {
  @ApiProperty() A: number;
  @ApiProperty() B: number;
  @ApiProperty() C: number;
  @ApiProperty() D: number;
  @ApiProperty() E: number;
}

/** A published 双随机 plan (一公开): its scope and ratios, how many were drawn and inspected so far. */
export class PublicInspectionPlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: String, nullable: true, description: '抽查范围：科室' }) officeName: string | null;
  @ApiProperty({ type: String, nullable: true, description: '抽查范围：机构类型' }) institutionTypeLabel: string | null;
  @ApiProperty({ type: PublicRatiosDto, description: '各信用等级的抽取比例' }) ratios: PublicRatiosDto;
  @ApiProperty({ type: 'integer', description: '候选机构数' }) candidateCount: number;
  @ApiProperty({ type: 'integer', description: '抽中机构数' }) targetCount: number;
  @ApiProperty({ type: 'integer', description: '已检查机构数' }) inspectedCount: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class PublicInspectionPlansDto {
  @ApiProperty({ type: [PublicInspectionPlanSummaryDto] }) items: PublicInspectionPlanSummaryDto[];
}

class PublicCandidateDto {
  @ApiProperty() uscc: string;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'] }) grade: string;
}

/** What anyone needs to re-run the institutions' draw (src/inspections/draw.ts) and compare. */
export class PublicDrawProofDto {
  @ApiProperty({ description: '随机种子' }) seed: string;
  @ApiProperty({ description: '全部抽取输入（含检查人员）的 SHA-256 摘要' }) digest: string;
  @ApiProperty({ type: [PublicCandidateDto], description: '候选机构及其抽取时的信用等级' }) candidates: PublicCandidateDto[];
  @ApiProperty({ type: 'integer', description: '每个对象的检查人员数' }) inspectorsPerTarget: number;
  @ApiProperty({ description: '用公开的种子重新抽取机构，结果与公布的一致' }) institutionsRedrawn: boolean;
}

export class PublicInspectionResultDto {
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'] }) grade: string;
  @ApiProperty({ type: String, nullable: true, enum: ['pass', 'fail'] }) result: string | null;
  @ApiProperty({ example: '未发现问题' }) resultLabel: string;
  @ApiProperty({ type: String, nullable: true, description: '检查结果说明' }) finding: string | null;
  @ApiProperty({ type: String, nullable: true, description: '后续处理' }) followUp: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) inspectedOn: string | null;
}

export class PublicInspectionPlanDto extends PublicInspectionPlanSummaryDto {
  @ApiProperty({ type: PublicDrawProofDto }) drawProof: PublicDrawProofDto;
  @ApiProperty({ type: [PublicInspectionResultDto] }) targets: PublicInspectionResultDto[];
}
