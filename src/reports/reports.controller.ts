import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { sendJson } from '../common/http/json-answer';
import { askedAt } from './report-gate';
import { AsOfOfficeQueryDto } from './dto/as-of.query';
import { GradeDistributionDto, OverdueRectificationsDto } from './dto/reports-response.dto';
import { ReportsService } from './reports.service';

/** Figures the managers' dashboard draws that no other module already reports. */
@ApiTags('reports (领导看板)')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('overdue-rectifications')
  @Access('manager', 'approver', 'auditor', 'admin')
  @Audited({ action: 'list', resource: 'report-overdue-rectifications' })
  @ApiOperation({ summary: '逾期未整改的案件（按科室、逾期工作日）' })
  @ApiOkResponse({ type: OverdueRectificationsDto })
  async overdueRectifications(@Query() query: AsOfOfficeQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return sendJson(res, await this.reports.overdueRectifications(query, askedAt(req)));
  }

  @Get('grade-distribution')
  @Access('manager', 'approver', 'auditor', 'admin')
  @Audited({ action: 'list', resource: 'report-grade-distribution' })
  @ApiOperation({ summary: '信用等级分布（按最近一次评价）' })
  @ApiOkResponse({ type: GradeDistributionDto })
  gradeDistribution(@Req() req: Request) {
    return this.reports.gradeDistribution(askedAt(req));
  }
}
