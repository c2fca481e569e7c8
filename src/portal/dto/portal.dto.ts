import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export const REPAIR_ROUTES = ['commitment', 'training', 'credit-report', 'public-welfare'] as const;

class WithFiles {
  @ApiPropertyOptional({ type: [String], description: '已上传材料的 ID（先调用 /api/portal/uploads）' })
  @IsOptional() @IsArray({ message: '材料必须是列表' }) @ArrayMaxSize(20, { message: '材料最多 20 份' })
  @IsUUID('all', { each: true, message: '材料 ID 格式不正确' })
  fileIds: string[] = [];
}

export class ObjectionDto extends WithFiles {
  @ApiProperty({ description: '异议理由' })
  @IsString({ message: '异议理由必须是文本' }) @Length(5, 5000, { message: '异议理由应为 5–5000 个字符' })
  reason: string;
}

export class RectificationReportDto extends WithFiles {
  @ApiProperty({ description: '整改情况说明' })
  @IsString({ message: '整改情况必须是文本' }) @Length(5, 10000, { message: '整改情况说明应为 5–10000 个字符' })
  summary: string;
}

export class RepairApplicationDto extends WithFiles {
  @ApiProperty({ enum: REPAIR_ROUTES, isArray: true, description: '修复方式：信用承诺、信用修复培训、信用报告、公益服务' })
  @IsArray({ message: '修复方式必须是列表' }) @ArrayMinSize(1, { message: '请至少选择一种修复方式' })
  @IsIn(REPAIR_ROUTES, { each: true, message: '修复方式不正确' })
  routes: string[];

  @ApiProperty({ description: '信用修复承诺书内容' })
  @IsString({ message: '承诺内容必须是文本' }) @Length(10, 5000, { message: '承诺内容应为 10–5000 个字符' })
  commitment: string;
}
