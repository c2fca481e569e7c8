import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { LicenceDecisionDto } from './dto/licence-decision.dto';
import { PublicityOverdueQueryDto } from './dto/overdue.query';
import { PublicityDecisionDto, PublicityOverdueReportDto } from './dto/publicity-response.dto';
import { PenaltyDecisionDto } from './dto/penalty-decision.dto';
import { PublicityReportService } from './publicity-report.service';
import { PublicityService } from './publicity.service';

@ApiTags('publicity (双公示)')
@ApiBearerAuth()
@Controller('publicity')
export class PublicityController {
  constructor(
    private readonly publicity: PublicityService,
    private readonly reports: PublicityReportService,
  ) {}

  @Post('penalties')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'publicity-penalty' })
  @ApiOperation({ summary: '登记行政处罚决定（双公示字段齐全）：按36号令分类并计算公示期；须公示的起草公示文本待审核，审核通过后公示；轻微失信不予公示，直接归档并报送' })
  @ApiCreatedResponse({ type: PublicityDecisionDto })
  penalty(@Body() dto: PenaltyDecisionDto, @CurrentUser() user: AuthUser) {
    return this.publicity.registerPenalty(dto, user);
  }

  @Post('licences')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'publicity-licence' })
  @ApiOperation({ summary: '登记行政许可决定（双公示字段齐全）：起草公示文本待审核，审核通过后公示' })
  @ApiCreatedResponse({ type: PublicityDecisionDto })
  licence(@Body() dto: LicenceDecisionDto, @CurrentUser() user: AuthUser) {
    return this.publicity.registerLicence(dto, user);
  }

  // the filing is the proposal: an approver of the owning office who did not file it publishes (docs/four-eyes.md)
  @Post('decisions/:id/publish')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'publicity-decision', idParam: 'id' })
  @ApiOperation({ summary: '公示一项公示文本已审核的待公示决定（公示日期为今天，不可倒签）；须由所属科室的审核人作出，登记人本人不能公示（403 SAME_PERSON / OTHER_OFFICE）' })
  @ApiOkResponse({ type: PublicityDecisionDto })
  publish(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.publicity.publish(id, user);
  }

  @Get('decisions/:id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'publicity-decision', idParam: 'id' })
  @ApiOkResponse({ type: PublicityDecisionDto })
  byId(@Param('id', uuidPipe) id: string) {
    return this.publicity.byId(id);
  }

  @Get('overdue')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'publicity-overdue' })
  @ApiOperation({ summary: '逾期未公示及即将到期的双公示决定（按科室）' })
  @ApiOkResponse({ type: PublicityOverdueReportDto })
  overdue(@Query() query: PublicityOverdueQueryDto) {
    return this.reports.overdue(query);
  }
}
