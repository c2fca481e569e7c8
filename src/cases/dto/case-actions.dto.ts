import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsUscc } from '../../common/validation/uscc';
import { CASE_STAGES, SEVERITIES, type Severity } from '../../../workflows/contracts';

export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: CASE_STAGES }) @IsOptional() @IsIn(CASE_STAGES, { message: '案件阶段不正确' })
  stage?: string;

  @ApiPropertyOptional() @IsOptional() @IsUscc()
  uscc?: string;

  // one search box: part of the institution's name, its whole USCC, or (the start of) a case number
  @ApiPropertyOptional({ description: '机构名称（部分）、统一社会信用代码或案件编号' })
  @IsOptional() @IsString({ message: '查询内容必须是文本' }) @Length(1, 100, { message: '查询内容应为 1–100 个字符' })
  q?: string;

  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES, { message: '失信程度只能是 minor、general 或 serious' })
  severity?: Severity;

  @ApiPropertyOptional({ description: '承办科室代码' }) @IsOptional() @IsString({ message: '科室代码必须是文本' }) @Length(1, 32, { message: '科室代码过长' })
  officeCode?: string;

  @ApiPropertyOptional({ description: '登记日期不早于（北京时间，YYYY-MM-DD）' })
  @IsOptional() @IsDateString({ strict: true }, { message: '开始日期须为 YYYY-MM-DD 格式的日期' })
  from?: string;

  @ApiPropertyOptional({ description: '登记日期不晚于（北京时间，YYYY-MM-DD）' })
  @IsOptional() @IsDateString({ strict: true }, { message: '结束日期须为 YYYY-MM-DD 格式的日期' })
  to?: string;

  @ApiPropertyOptional({ description: '只看未办结（true）或已办结（false）' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'open 只能是 true 或 false' })
  open?: boolean;

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从 1 开始' })
  @Max(100_000, { message: '页码不能超过 100000' })
  page = 1;

  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少 1 条' }) @Max(100, { message: '每页最多 100 条' })
  pageSize = 20;
}

export class WithdrawCaseDto {
  @ApiProperty({ description: '撤销理由' })
  @IsString({ message: '撤销理由必须是文本' }) @Length(2, 2000, { message: '撤销理由应为 2–2000 个字符' })
  reason: string;
}

export class CorrectCaseDto extends WithdrawCaseDto {
  @ApiPropertyOptional({ enum: SEVERITIES, description: '更正后的失信程度' })
  @IsOptional() @IsIn(SEVERITIES, { message: '失信程度只能是 minor、general 或 serious' })
  severity?: Severity;
}
