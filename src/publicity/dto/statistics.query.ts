import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { EmptyAsAbsent, ISO_DATE } from '../../common/validation/query';

export class PublicityStatisticsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: '决定日期自（默认今年 1 月 1 日）' })
  @EmptyAsAbsent() @IsOptional() @Matches(ISO_DATE, { message: '起始日期（from）应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '决定日期至（默认今天）' })
  @EmptyAsAbsent() @IsOptional() @Matches(ISO_DATE, { message: '截止日期（to）应为 YYYY-MM-DD' })
  to?: string;
}
