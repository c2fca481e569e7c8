import { ApiProperty } from '@nestjs/swagger';

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

export class EvaluationDto {
  @ApiProperty() uscc: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: 'integer' }) policyVersion: number;
  @ApiProperty({ description: '得分（满分 1000）' }) score: number;
  @ApiProperty({ enum: GRADES }) grade: string;
  @ApiProperty() base: number;
  @ApiProperty() deductions: number;
  @ApiProperty() bonuses: number;
  @ApiProperty({ type: [ContributionDto] }) contributions: ContributionDto[];
}

export class ReevaluationDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: 'integer', description: '重新评价的机构数' }) institutions: number;
  @ApiProperty({ type: 'integer', description: '耗时（毫秒）' }) ms: number;
}
