import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { EmptyAsAbsent } from '../../common/validation/query';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class PublicSearchQueryDto {
  @trimmed() @IsString({ message: '请输入至少 2 个字的机构名称或统一社会信用代码' })
  @Length(2, 100, { message: '请输入至少 2 个字的机构名称或统一社会信用代码' })
  q: string;
}

export class PublicPublicityQueryDto {
  @ApiPropertyOptional({ enum: ['licence', 'penalty'] })
  @EmptyAsAbsent() @IsOptional() @IsIn(['licence', 'penalty'], { message: 'kind 只能是 licence 或 penalty' })
  kind?: 'licence' | 'penalty';

  @EmptyAsAbsent() @IsOptional() @IsString({ message: '查询词（q）必须是文本' }) @Length(1, 100, { message: '查询词（q）最多 100 个字符' })
  q?: string;

  @ApiPropertyOptional({ default: 1 })
  @EmptyAsAbsent() @IsOptional() @Type(() => Number) @IsInt({ message: 'page 必须是 1–10000 的整数' })
  @Min(1, { message: 'page 必须是 1–10000 的整数' }) @Max(10000, { message: 'page 必须是 1–10000 的整数' })
  page = 1;

  @ApiPropertyOptional({ default: 20 })
  @EmptyAsAbsent() @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize 必须是 1–100 的整数' })
  @Min(1, { message: 'pageSize 必须是 1–100 的整数' }) @Max(100, { message: 'pageSize 必须是 1–100 的整数' })
  pageSize = 20;
}
