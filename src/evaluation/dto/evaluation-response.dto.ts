import { ApiProperty } from '@nestjs/swagger';
import { GRADE_RULE_CODES } from '../grading-rules';

const GRADES = ['A', 'B', 'C', 'D', 'E'];

/** One record's effect on the score: negative for a deduction, positive for a bonus. */
export class ContributionDto {
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ type: String, nullable: true }) severity: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publicityFrom: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publicityUntil: string | null;
  @ApiProperty() points: number;
}

/** A grading rule that held the grade below what the score alone would earn (docs/credit-grading.md). */
export class GradeCapDto {
  @ApiProperty({ enum: GRADE_RULE_CODES }) rule: string;
  @ApiProperty({ enum: GRADES, description: '该规则允许的最高等级' }) grade: string;
  @ApiProperty({ description: '规则名称' }) title: string;
  @ApiProperty({ description: '适用原因（人名已脱敏）' }) because: string;
  @ApiProperty({ description: '规则依据' }) source: string;
  @ApiProperty({ type: [String], description: '相关的信用记录、禁入决定或案件编号' }) refs: string[];
}

export class EvaluationDto {
  @ApiProperty() uscc: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: 'integer' }) policyVersion: number;
  @ApiProperty({ description: '得分（满分 1000）' }) score: number;
  @ApiProperty({ enum: GRADES, description: '仅按得分应得的等级' }) scoreGrade: string;
  @ApiProperty({ enum: GRADES, description: '信用等级：得分等级与各项规则所限最高等级中较低者' }) grade: string;
  @ApiProperty() base: number;
  @ApiProperty() deductions: number;
  @ApiProperty() bonuses: number;
  @ApiProperty({ type: [GradeCapDto], description: '使等级低于得分等级的规则' }) caps: GradeCapDto[];
  @ApiProperty({ type: [ContributionDto] }) contributions: ContributionDto[];
}

export class ReevaluationDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: 'integer', description: '重新评价的机构数' }) institutions: number;
  @ApiProperty({ type: 'integer', description: '耗时（毫秒）' }) ms: number;
}
