import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { BanListQueryDto, BanSearchDto } from '../measures/dto/ban.dto';
import { BanPenaltiesService } from './ban-penalties.service';
import { BanProcedureService } from './ban-procedure.service';
import { BanProposalDto, IndustryBanListDto } from './dto/industry-ban-response.dto';
import {
  BanDecisionDto, BanRevocationDto, ExternalBanDto, HearingNoticeDto, HearingRecordDto, HearingRequestDto, LegalReviewDto, ProposeBanDto,
  RecusalDto, ServedOnDto,
} from './dto/industry-ban.dto';

const ENFORCERS = ['officer', 'approver'] as const;

/**
 * 限制从业 (industry bans) by the penalty procedure (docs/industry-bans.md). No route here puts a ban in force except
 * the head's decision at the end of the steps, and an approver registering another authority's decision.
 */
@ApiTags('industry-bans (限制从业)')
@ApiBearerAuth()
@Controller('industry-bans')
export class IndustryBansController {
  constructor(
    private readonly procedure: BanProcedureService,
    private readonly penalties: BanPenaltiesService,
  ) {}

  @Post()
  @Access('officer')
  @Audited({ action: 'create', resource: 'industry-ban-proposal' })
  @ApiOperation({ summary: '提出限制从业处罚建议（两名执法人员，行政处罚法第四十二条）：只立案，不生效' })
  @ApiCreatedResponse({ type: BanProposalDto })
  propose(@Body() dto: ProposeBanDto, @CurrentUser() user: AuthUser) {
    return this.procedure.propose(dto, user);
  }

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'industry-ban' })
  @ApiOperation({ summary: '限制从业处罚（按身份证号查找用 POST /industry-bans/search）' })
  @ApiOkResponse({ type: IndustryBanListDto })
  list(@Query() _query: BanListQueryDto) {
    return this.penalties.search(undefined);
  }

  /** A search, not a read by URL: an ID number in a query string lands in proxy and request logs (issue #14 point 6). */
  @Post('search')
  @HttpCode(200)
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'industry-ban' })
  @ApiOperation({ summary: '按当事人身份证号查找限制从业处罚（身份证号放在请求体中）' })
  @ApiOkResponse({ type: IndustryBanListDto })
  search(@Body() dto: BanSearchDto) {
    return this.penalties.search(dto.idNumber);
  }

  @Post('external')
  @HttpCode(202)
  @Access('officer')
  @Audited({ action: 'create', resource: 'industry-ban-external' })
  @ApiOperation({ summary: '登记其他机关作出的限制从业行政处罚决定书；科室审核人（非提出人）在 /api/decision-proposals/{id}/approve 批准后生效' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  external(@Body() dto: ExternalBanDto, @CurrentUser() user: AuthUser) {
    return this.penalties.proposeExternal(dto, user);
  }

  @Get(':id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '限制从业案件（处罚程序各步骤）' })
  @ApiOkResponse({ type: BanProposalDto })
  get(@Param('id', uuidPipe) id: string) {
    return this.procedure.view(id);
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @Access('officer')
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '第二名执法人员确认共同承办' })
  @ApiOkResponse({ type: BanProposalDto })
  confirm(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.procedure.confirm(id, user);
  }

  @Post(':id/notice-service')
  @HttpCode(200)
  @Access(...ENFORCERS)
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '登记行政处罚事先告知书送达（次日起5个工作日内可陈述、申辩、申请听证）' })
  @ApiOkResponse({ type: BanProposalDto })
  serveNotice(@Param('id', uuidPipe) id: string, @Body() dto: ServedOnDto, @CurrentUser() user: AuthUser) {
    return this.procedure.serveNotice(id, dto.servedOn, user);
  }

  @Post(':id/hearing-request')
  @HttpCode(200)
  @Access(...ENFORCERS)
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '登记当事人的听证申请（逾期申请不予受理）' })
  @ApiOkResponse({ type: BanProposalDto })
  requestHearing(@Param('id', uuidPipe) id: string, @Body() dto: HearingRequestDto, @CurrentUser() user: AuthUser) {
    return this.procedure.requestHearing(id, dto, user);
  }

  @Post(':id/hearing-notice')
  @HttpCode(200)
  @Access(...ENFORCERS)
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '登记听证通知书送达（听证7个工作日前）并指定非本案调查人员主持听证' })
  @ApiOkResponse({ type: BanProposalDto })
  noticeHearing(@Param('id', uuidPipe) id: string, @Body() dto: HearingNoticeDto, @CurrentUser() user: AuthUser) {
    return this.procedure.noticeHearing(id, dto, user);
  }

  @Post(':id/recusal')
  @HttpCode(200)
  @Access('head')
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '处理回避申请（由负责人决定，行政处罚法第四十三条）' })
  @ApiOkResponse({ type: BanProposalDto })
  recusal(@Param('id', uuidPipe) id: string, @Body() dto: RecusalDto, @CurrentUser() user: AuthUser) {
    return this.procedure.recusal(id, dto, user);
  }

  @Post(':id/hearing-record')
  @HttpCode(200)
  @Access('officer', 'approver', 'legal')
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '听证主持人登记经签字的听证笔录' })
  @ApiOkResponse({ type: BanProposalDto })
  recordHearing(@Param('id', uuidPipe) id: string, @Body() dto: HearingRecordDto, @CurrentUser() user: AuthUser) {
    return this.procedure.recordHearing(id, dto, user);
  }

  @Post(':id/legal-review')
  @HttpCode(200)
  @Access('legal')
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '法制审核（行政处罚法第五十八条）' })
  @ApiOkResponse({ type: BanProposalDto })
  legalReview(@Param('id', uuidPipe) id: string, @Body() dto: LegalReviewDto, @CurrentUser() user: AuthUser) {
    return this.procedure.legalReview(id, dto, user);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Access('head')
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '负责人作出处罚决定（限制从业须集体讨论，行政处罚法第五十七条）；决定之日起生效' })
  @ApiOkResponse({ type: BanProposalDto })
  decide(@Param('id', uuidPipe) id: string, @Body() dto: BanDecisionDto, @CurrentUser() user: AuthUser) {
    return this.procedure.decide(id, dto, user);
  }

  @Post(':id/decision-service')
  @HttpCode(200)
  @Access(...ENFORCERS)
  @Audited({ action: 'transition', resource: 'industry-ban-proposal', idParam: 'id' })
  @ApiOperation({ summary: '登记行政处罚决定书送达（决定后7个工作日内，行政处罚法第六十一条）' })
  @ApiOkResponse({ type: BanProposalDto })
  serveDecision(@Param('id', uuidPipe) id: string, @Body() dto: ServedOnDto, @CurrentUser() user: AuthUser) {
    return this.procedure.serveDecision(id, dto.servedOn, user);
  }

  @Post(':id/revocation')
  @HttpCode(202)
  @Access(...ENFORCERS)
  @Audited({ action: 'transition', resource: 'industry-ban', idParam: 'id' })
  @ApiOperation({ summary: '处罚决定被撤销、变更或确认无效（行政复议、行政诉讼结果）：提出后由科室审核人（非提出人）批准，批准后终止执行' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  revocation(@Param('id', uuidPipe) id: string, @Body() dto: BanRevocationDto, @CurrentUser() user: AuthUser) {
    return this.penalties.proposeEnd(id, dto, user);
  }
}
