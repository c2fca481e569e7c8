import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Severity } from '../../../workflows/contracts';

const SEVERITIES: Severity[] = ['minor', 'general', 'serious'];

export class CatalogueVersionQuery {
  @ApiPropertyOptional({ description: '清单版本号；不填为当前启用版本', example: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: '清单版本号必须大于 0' })
  @Max(2_147_483_647, { message: '清单版本号过大' })
  @IsInt({ message: '清单版本号必须是整数' }) // listed last so it is reported first (decorators apply bottom-up)
  version?: number;
}

export class CatalogueItemDto {
  @ApiProperty({ example: 'EDU-001', description: '事项编码' }) code: string;
  @ApiProperty({ description: '失信行为名称' }) title: string;
  @ApiProperty({ description: '行为描述' }) description: string;
  @ApiProperty({ description: '法律依据' }) legalBasis: string;
  @ApiProperty({ enum: SEVERITIES, description: '默认严重程度：minor 轻微、general 一般、serious 严重' }) severity: Severity;
  @ApiProperty({ description: '默认整改期限（自然日）', example: 30 }) rectificationDays: number;
  @ApiProperty({ description: '信用评价扣分（满分 1000）', example: 20 }) scoreDeduction: number;
  @ApiProperty({ description: '是否公示' }) publish: boolean;
  @ApiProperty({ description: '是否适用联合惩戒' }) jointSanction: boolean;
}

/** An item together with the catalogue version it belongs to, as a case records it. */
export class VersionedCatalogueItemDto extends CatalogueItemDto {
  @ApiProperty({ example: 1, description: '清单版本号' }) version: number;
}

export class CatalogueDto {
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: '教育领域失信行为清单（2026版）' }) title: string;
  @ApiProperty({ example: '2026-01-01', description: '生效日期' }) effectiveFrom: string;
  @ApiProperty({ type: [CatalogueItemDto] }) items: CatalogueItemDto[];
}
