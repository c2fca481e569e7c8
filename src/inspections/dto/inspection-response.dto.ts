import { ApiProperty } from '@nestjs/swagger';
import { GRADE_ORDER } from '../draw';

const nullableString = (format?: string) => ({ type: String, nullable: true, ...(format ? { format } : {}) });

/** One drawn institution with its inspectors and, once recorded, the result. */
export class InspectionTargetDto {
  @ApiProperty({ type: 'integer', description: '抽取顺序' }) position: number;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: GRADE_ORDER, description: '抽取时的信用等级' }) grade: string;
  @ApiProperty({ type: [String], format: 'uuid', description: '检查人员' }) inspectorIds: string[];
  @ApiProperty({ ...nullableString(), enum: ['pass', 'fail'], description: '检查结果（未登记时为 null）' }) result: string | null;
  @ApiProperty({ ...nullableString(), description: '检查情况' }) findings: string | null;
  @ApiProperty({ ...nullableString(), description: '公开的检查结果说明（一公开）' }) publicFinding: string | null;
  @ApiProperty(nullableString('date-time')) recordedAt: string | null;
  @ApiProperty({ ...nullableString(), description: '据此立案的案件编号' }) caseNo: string | null;
}

export class GradeRatiosDto {
  @ApiProperty() A: number;
  @ApiProperty() B: number;
  @ApiProperty() C: number;
  @ApiProperty() D: number;
  @ApiProperty() E: number;
}

/** A plan with its published seed, the inputs' digest and every target. */
export class InspectionPlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '随机种子（公开）' }) seed: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ ...nullableString(), description: '限定的科室' }) officeCode: string | null;
  @ApiProperty({ ...nullableString(), description: '限定的机构类型' }) institutionType: string | null;
  @ApiProperty({ type: 'integer', description: '抽取时生效的政策版本' }) policyVersion: number;
  @ApiProperty({ type: GradeRatiosDto, description: '各信用等级的抽取比例' }) ratios: GradeRatiosDto;
  @ApiProperty({ type: 'integer' }) inspectorsPerTarget: number;
  @ApiProperty({ description: '抽取输入的摘要（SHA-256）' }) digest: string;
  @ApiProperty({ type: 'integer', description: '候选机构数' }) candidateCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ ...nullableString('date-time'), description: '向社会公开的时间（未公开为 null）' }) publishedAt: string | null;
  @ApiProperty({ type: [InspectionTargetDto] }) targets: InspectionTargetDto[];
}

/** A plan in the list. */
export class InspectionPlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() seed: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty(nullableString()) officeCode: string | null;
  @ApiProperty() digest: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'integer', description: '抽取的机构数' }) targets: number;
}

export class DrawMismatchDto {
  @ApiProperty({ type: 'integer', description: '不符的抽取顺序（数量不符时为 0）' }) position: number;
  @ApiProperty() reason: string;
}

/** The draw redone from the published seed and compared with the stored one. */
export class DrawVerificationDto {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() seed: string;
  @ApiProperty() digest: string;
  @ApiProperty({ description: '输入摘要一致' }) digestOk: boolean;
  @ApiProperty({ description: '重新抽取结果一致' }) drawOk: boolean;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [DrawMismatchDto] }) mismatches: DrawMismatchDto[];
}
