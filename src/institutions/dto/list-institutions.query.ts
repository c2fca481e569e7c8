import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INSTITUTION_TYPE_LABELS, InstitutionType } from '../institution-type';
import { TYPE_DESCRIPTION, trim } from './create-institution.dto';

export const MAX_PAGE_SIZE = 100;

/** Query of GET /institutions. */
export class ListInstitutionsQuery {
  @ApiPropertyOptional({ description: '机构名称包含该文本，或统一社会信用代码以其开头' })
  @IsOptional()
  @trim()
  @MaxLength(100, { message: '搜索词不能超过 100 个字符' })
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: InstitutionType, description: TYPE_DESCRIPTION })
  @IsOptional()
  @IsEnum(InstitutionType, { message: `机构类型不正确，可选：${Object.values(INSTITUTION_TYPE_LABELS).join('、')}` })
  type?: InstitutionType;

  @ApiPropertyOptional({ description: '主管科室代码' })
  @IsOptional()
  @trim()
  @MaxLength(50)
  @IsString()
  officeCode?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码从 1 开始' })
  @Max(100_000, { message: '页码不能超过 100000' })
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页条数至少为 1' })
  @Max(MAX_PAGE_SIZE, { message: `每页条数不能超过 ${MAX_PAGE_SIZE}` })
  pageSize: number = 20;
}
