import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { sendJson } from '../common/http/json-answer';
import { askedAt } from '../reports/report-gate';
import { StatisticsDto, StatisticsQueryDto, StatisticsReportDto, StatisticsReportQueryDto } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';

/** The bureau's periodic figures (issue #22): leaders, approvers and auditors; every read audited; behind the report gate. */
@ApiTags('statistics (统计分析)')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Access('manager', 'approver', 'auditor')
  @Audited({ action: 'read', resource: 'statistics' })
  @ApiOperation({ summary: '按月、季度、年度统计的监管指标及其口径' })
  @ApiOkResponse({ type: StatisticsDto })
  async figures(@Query() query: StatisticsQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return sendJson(res, await this.statistics.figures(query, askedAt(req))); // serialised once per computation (json-answer.ts)
  }

  @Get('report')
  @Access('manager', 'approver', 'auditor')
  @Audited({ action: 'read', resource: 'statistics-report' })
  @ApiOperation({ summary: '报送区、市信用办的定期报表：本期、上年同期、本年累计' })
  @ApiOkResponse({ type: StatisticsReportDto })
  report(@Query() query: StatisticsReportQueryDto) {
    return this.statistics.report(query);
  }
}
