import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsUscc } from '../../common/validation/uscc';

export const CASE_SOURCES = ['inspection', 'complaint', 'hotline-12345', 'referral', 'commitment-breach', 'other'] as const;

export class OpenCaseDto {
  @ApiProperty({ example: '52320700MJ1234567G', description: '统一社会信用代码' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ example: 'EDU-001', description: '失信行为清单事项编码' })
  @IsString({ message: '失信行为编码必须是文本' })
  @Matches(/^[A-Z]{2,5}-\d{3}$/, { message: '失信行为编码格式不正确，例如 EDU-001' })
  behaviourCode: string;

  @ApiProperty({ description: '违法失信事实' })
  @IsString({ message: '事实描述必须是文本' })
  @Length(10, 5000, { message: '事实描述应为 10–5000 个字符' })
  facts: string;

  @ApiProperty({ enum: CASE_SOURCES, description: '线索来源：检查、投诉、12345 热线、移送、承诺违约、其他' })
  @IsIn(CASE_SOURCES, { message: '线索来源不正确' })
  source: (typeof CASE_SOURCES)[number];

  @ApiPropertyOptional({ description: '失信行为发生日期（YYYY-MM-DD，北京时间）：按《行政处罚法》第三十七条从旧兼从轻确定适用的规则版本；不填为今天' })
  @IsOptional() @IsDateString({ strict: true }, { message: '行为发生日期须为 YYYY-MM-DD 格式的日期' })
  occurredOn?: string;
}
