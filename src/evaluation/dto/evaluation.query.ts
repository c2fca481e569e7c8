import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { EmptyAsAbsent, ISO_DATE } from '../../common/validation/query';

export class EvaluationQueryDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: '评价日（默认今天）' })
  @EmptyAsAbsent() @IsOptional() @Matches(ISO_DATE, { message: '评价日（asOf）应为 YYYY-MM-DD' })
  asOf?: string;
}
