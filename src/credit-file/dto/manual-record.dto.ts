import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records an officer enters by hand: honours (表彰/守信) and reports received from other departments.
 * Every other kind comes from its own flow (双公示, cases, commitments, objections), never from here.
 */
export class ManualRecordDto {
  @ApiProperty({ enum: ['honour', 'inbound'] })
  @IsIn(['honour', 'inbound'], { message: 'kind 只能是 honour（表彰/守信）或 inbound（外部门报送）' })
  kind: 'honour' | 'inbound';

  @ApiProperty({ example: '2026 年度市级诚信办学示范单位' })
  @IsString({ message: '标题（title）必须是文本' })
  @Length(2, 200, { message: '标题（title）应为 2–200 个字符' })
  title: string;

  @ApiProperty({ example: '2026-03-01' })
  @Matches(DATE, { message: '决定日期（decisionDate）应为 YYYY-MM-DD' })
  decisionDate: string;

  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @Matches(DATE, { message: '公示开始日期（publicityFrom）应为 YYYY-MM-DD' })
  publicityFrom?: string;

  @ApiPropertyOptional({ example: '2027-02-28' })
  @IsOptional()
  @Matches(DATE, { message: '公示截止日期（publicityUntil）应为 YYYY-MM-DD' })
  publicityUntil?: string;

  @ApiPropertyOptional({ enum: ['minor', 'general', 'serious'], description: '外部门报送记录的严重程度' })
  @IsOptional()
  @IsIn(['minor', 'general', 'serious'], { message: '严重程度（severity）不正确' })
  severity?: 'minor' | 'general' | 'serious';

  @ApiProperty({ example: 'HZ-JYJ-2026-017', description: '文号或对方报送编号（唯一）' })
  @IsString({ message: '文号（documentNo）必须是文本' })
  @Length(2, 100, { message: '文号（documentNo）应为 2–100 个字符' })
  documentNo: string;

  @ApiPropertyOptional({ description: '其他内容（授予机关、报送部门等）' })
  @IsOptional()
  @IsObject({ message: 'details 必须是对象' })
  details?: Record<string, unknown>;
}
