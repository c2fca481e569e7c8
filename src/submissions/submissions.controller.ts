import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { SubmissionsService } from './submissions.service';

export class SubmissionQueryDto {
  @ApiPropertyOptional({ description: '只看该案件的材料' })
  @IsOptional() @IsString({ message: '案件编号必须是文本' }) @Length(1, 40, { message: '案件编号过长' })
  caseNo?: string;
}

export class SubmissionReceiptDto {
  @ApiProperty({ example: 'LY-2026-000001-YY1', description: '回执号：案件编号、材料种类（YY 异议、ZG 整改报告、XF 信用修复申请）和第几次（从 1 起）' })
  receiptNo: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: ['objection', 'rectification', 'repair'] }) kind: string;
  @ApiProperty({ example: '异议' }) kindLabel: string;
  @ApiProperty({ type: 'integer', description: '期限轮次（从 0 起）' }) round: number;
  @ApiProperty({ format: 'date-time', description: '系统收到的时间' }) submittedAt: string;
  @ApiProperty({ type: 'integer', description: '附件数' }) files: number;
}

export class SubmissionListDto {
  @ApiProperty({ type: [SubmissionReceiptDto], description: '最近 200 份，新的在前' }) items: SubmissionReceiptDto[];
}

/** 我提交的材料: an institution's own objections, rectification reports and repair applications, each with its receipt. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal/submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @Access('institution')
  @Audited({ action: 'list', resource: 'portal-submissions' })
  @ApiOperation({ summary: '本机构提交的材料及回执（回执号、收到时间）' })
  @ApiOkResponse({ type: SubmissionListDto })
  list(@Query() q: SubmissionQueryDto, @CurrentUser() user: AuthUser): Promise<SubmissionListDto> {
    return this.submissions.list(user, q.caseNo);
  }
}
