import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { EmptyAsAbsent, ISO_DATE } from '../../common/validation/query';

/** A report as it stood on a day (default today), optionally for one office. */
export class AsOfOfficeQueryDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: '统计日（默认今天）' })
  @EmptyAsAbsent() @IsOptional() @Matches(ISO_DATE, { message: '统计日（asOf）应为 YYYY-MM-DD' })
  asOf?: string;

  @EmptyAsAbsent() @IsOptional() @IsString({ message: '科室代码（officeCode）必须是文本' }) @Length(1, 50, { message: '科室代码（officeCode）不正确' })
  officeCode?: string;
}
