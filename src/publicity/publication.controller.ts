import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { PoliciesService } from '../policies/policies.service';
import { CLASS_LABELS } from './classification';
import { PenaltyPreviewDto } from './dto/penalty-decision.dto';
import { ApprovePublicTextDto, PublicTextQueueQueryDto, RedraftPublicTextDto } from './dto/public-text.dto';
import {
  ApprovedPublicTextDto, PenaltyPreviewResultDto, PublicityDecisionDto, PublicityStatisticsDto, PublicTextDto, PublicTextQueueDto,
  TransitionReportDto,
} from './dto/publicity-response.dto';
import { PublicityStatisticsQueryDto } from './dto/statistics.query';
import { assessPenalty, periodsNotice, publicTextFindings } from './penalty-assessment';
import { namesOfRecord } from './public-projection';
import { PublicTextFlowService } from './public-text-flow.service';
import { PublicityReportService } from './publicity-report.service';
import { TransitionReportService } from './transition-report.service';

/**
 * Publication by the rules (国家发展改革委令第36号): the class and periods before saving, public texts drafted and
 * signed off by two people, the transition report and the statistics that count minor records too.
 */
@ApiTags('publicity (双公示)')
@ApiBearerAuth()
@Controller('publicity')
export class PublicationController {
  constructor(
    private readonly policies: PoliciesService,
    private readonly flow: PublicTextFlowService,
    private readonly reports: PublicityReportService,
    private readonly transition: TransitionReportService,
  ) {}

  @Post('penalties/preview')
  @HttpCode(200)
  @Access('officer', 'approver')
  @ApiOperation({ summary: '保存前计算行政处罚的分类（附理由）、公示截止期、可修复日期，并检查公示文本中的个人信息（不保存）' })
  @ApiOkResponse({ type: PenaltyPreviewResultDto })
  async preview(@Body() dto: PenaltyPreviewDto) {
    const { document } = await this.policies.active();
    const a = assessPenalty(dto, document);
    const findings = a.periods.publish ? publicTextFindings(a, namesOfRecord(dto as unknown as Record<string, unknown>)) : [];
    return { classification: { ...a.classification, classLabel: CLASS_LABELS[a.classification.class] }, ...a.periods,
      notice: periodsNotice(a.periods), findings };
  }

  @Put('decisions/:id/public-text')
  @Access('officer', 'approver')
  @Audited({ action: 'update', resource: 'public-text', idParam: 'id' })
  @ApiOperation({ summary: '重新起草双公示决定的公示文本（新版本，须由起草人以外的人员审核）' })
  @ApiOkResponse({ type: PublicityDecisionDto })
  redraftDecision(@Param('id', uuidPipe) id: string, @Body() dto: RedraftPublicTextDto, @CurrentUser() user: AuthUser) {
    return this.flow.redraftDecision(id, { ...dto.fields }, user);
  }

  @Put('records/:recordId/public-text')
  @Access('officer', 'approver')
  @Audited({ action: 'update', resource: 'public-text', idParam: 'recordId' })
  @ApiOperation({ summary: '为信用记录起草公示文本（如因含个人信息被暂停公示的记录），须由起草人以外的人员审核' })
  @ApiOkResponse({ type: PublicTextDto })
  redraftRecord(@Param('recordId', uuidPipe) recordId: string, @Body() dto: RedraftPublicTextDto, @CurrentUser() user: AuthUser) {
    return this.flow.redraftRecord(recordId, { ...dto.fields }, user);
  }

  @Post('public-texts/:id/approve')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'public-text', idParam: 'id' })
  @ApiOperation({ summary: '审核通过公示文本（审核人不能是起草人；回传所读文本的哈希）；设为自动公示的决定随即公示' })
  @ApiOkResponse({ type: ApprovedPublicTextDto })
  approve(@Param('id', uuidPipe) id: string, @Body() dto: ApprovePublicTextDto, @CurrentUser() user: AuthUser) {
    return this.flow.approve(id, dto.hash, user);
  }

  @Get('public-texts')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'public-text' })
  @ApiOperation({ summary: '待审核的公示文本，或因含个人信息暂停公示的记录' })
  @ApiOkResponse({ type: PublicTextQueueDto })
  queue(@Query() query: PublicTextQueueQueryDto) {
    return this.flow.queue(query.status);
  }

  @Get('transition-report')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'publicity-transition' })
  @ApiOperation({ summary: '36号令过渡处理报告：重新分类、撤下和缩短公示期的记录，以及暂停公示待处理的记录' })
  @ApiOkResponse({ type: TransitionReportDto })
  transitionReport() {
    return this.transition.report();
  }

  @Get('statistics')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'publicity-statistics' })
  @ApiOperation({ summary: '双公示决定统计（按类别、分类和状态；不予公示的轻微失信也计入）' })
  @ApiOkResponse({ type: PublicityStatisticsDto })
  statistics(@Query() query: PublicityStatisticsQueryDto) {
    return this.reports.statistics(query);
  }
}
