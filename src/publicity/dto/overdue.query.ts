import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EmptyAsAbsent } from '../../common/validation/query';
import { AsOfOfficeQueryDto } from '../../reports/dto/as-of.query';

export class PublicityOverdueQueryDto extends AsOfOfficeQueryDto {
  @ApiPropertyOptional({ description: '最多返回条数' })
  @EmptyAsAbsent() @IsOptional() @Type(() => Number) @IsInt({ message: 'limit 必须是 1–1000 的整数' })
  @Min(1, { message: 'limit 必须是 1–1000 的整数' }) @Max(1000, { message: 'limit 必须是 1–1000 的整数' })
  limit?: number;
}
