import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { CASE_STAGES } from '../../../workflows/contracts';

export class ResumeCaseDto {
  @ApiPropertyOptional({ description: '处理说明（如：已发布 2027 年度日历）' })
  @IsOptional() @IsString({ message: '处理说明必须是文本' }) @Length(2, 2000, { message: '处理说明应为 2–2000 个字符' })
  note?: string;
}

export class ResumeCaseResponseDto {
  @ApiProperty() caseNo: string;
  @ApiProperty({ description: '已通知案件流程重试受阻的步骤' }) resumeRequested: boolean;
}

export class BlockedCaseDto {
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ description: '阶段名称' }) stageLabel: string;
  @ApiProperty({ description: '受阻原因代码，如 CALENDAR_YEAR_UNKNOWN' }) code: string;
  @ApiProperty({ description: '受阻原因' }) reason: string;
  @ApiProperty({ description: '受阻时间', format: 'date-time' }) since: string;
  @ApiProperty({ type: String, nullable: true }) officeCode: string | null;
  @ApiProperty() institutionName: string;
}

export class BlockedCaseListDto {
  @ApiProperty({ type: [BlockedCaseDto] }) items: BlockedCaseDto[];
}
