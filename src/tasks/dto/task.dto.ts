import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SEVERITIES, type Severity } from '../../../workflows/contracts';

export class WorklistQueryDto {
  @ApiPropertyOptional({ description: '案件阶段' })
  @IsOptional() @IsString({ message: '阶段必须是文本' })
  stage?: string;

  @ApiPropertyOptional({ description: '案件编号' })
  @IsOptional() @IsString({ message: '案件编号必须是文本' })
  caseNo?: string;

  @ApiPropertyOptional({ description: '只看已逾期的任务' })
  @IsOptional() @Type(() => Boolean) @IsBoolean({ message: 'overdue 只能是 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从 1 开始' })
  page = 1;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少 1 条' }) @Max(100, { message: '每页最多 100 条' })
  pageSize = 20;
}

export class CompleteTaskDto {
  @ApiProperty({ description: '办理意见' })
  @IsString({ message: '办理意见必须是文本' })
  @Length(1, 2000, { message: '办理意见应为 1–2000 个字符' })
  summary: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: '拟认定失信程度（调查任务必填）' })
  @IsOptional() @IsIn(SEVERITIES, { message: '失信程度只能是 minor、general 或 serious' })
  severity?: Severity;

  @ApiPropertyOptional({ type: [String], description: '拟采取的惩戒措施' })
  @IsOptional() @IsArray({ message: '措施必须是列表' }) @ArrayMaxSize(20, { message: '措施最多 20 项' })
  @IsString({ each: true, message: '每项措施必须是文本' })
  measures?: string[];

  @ApiPropertyOptional({ enum: ['approve', 'return'], description: '审核结论（审核任务必填）' })
  @IsOptional() @IsIn(['approve', 'return'], { message: '审核结论只能是 approve 或 return' })
  decision?: 'approve' | 'return';
}
