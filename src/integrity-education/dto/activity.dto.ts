import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsUscc } from '../../common/validation/uscc';
import { TERM_PATTERN } from '../term';

export class RecordActivityDto {
  @ApiPropertyOptional({ description: '学校统一社会信用代码（机构账号可不填，默认本机构）' })
  @IsOptional() @IsUscc() uscc?: string;

  @ApiProperty({ example: '诚信主题班会', description: '活动主题' })
  @IsString({ message: '活动主题（theme）必须是文本' }) @Length(2, 100, { message: '活动主题（theme）应为 2–100 个字符' })
  theme: string;

  @ApiProperty({ example: '2026-03-12', description: '活动日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '活动日期（date）应为 YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: 45, description: '参加人数' })
  @Type(() => Number) @IsInt({ message: '参加人数（participants）必须是整数' })
  @Min(1, { message: '参加人数（participants）至少为 1' }) @Max(100000, { message: '参加人数（participants）不能超过 100000' })
  participants: number;

  @ApiPropertyOptional({ description: '活动简介' })
  @IsOptional() @IsString({ message: '活动简介（description）必须是文本' }) @MaxLength(2000, { message: '活动简介（description）不能超过 2000 个字符' })
  description?: string;

  @ApiPropertyOptional({ type: [String], description: '佐证材料（先调用 /api/portal/uploads 上传）' })
  @IsOptional() @IsArray({ message: '佐证材料（evidenceFileIds）必须是列表' }) @ArrayMaxSize(20, { message: '佐证材料最多 20 份' })
  @IsUUID('all', { each: true, message: '佐证材料 ID 格式不正确' })
  evidenceFileIds?: string[];
}

export class ActivityQueryDto {
  @ApiPropertyOptional({ description: '学校统一社会信用代码' })
  @IsOptional() @IsString() @MaxLength(18) uscc?: string;

  @ApiPropertyOptional({ example: '2026-1', description: '学期：YYYY-1 春季，YYYY-2 秋季' })
  @IsOptional() @Matches(TERM_PATTERN, { message: '学期（term）应为 YYYY-1 或 YYYY-2' })
  term?: string;
}
