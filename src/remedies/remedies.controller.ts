import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { RecordRemedyDto, RemedyDto, RemedyOutcomeDto } from './remedy.dto';
import { RemediesService } from './remedies.service';

/** 行政复议 / 行政诉讼 against decision documents and their outcomes (docs/effects.md). */
@ApiTags('remedies')
@ApiBearerAuth()
@Controller('remedies')
export class RemediesController {
  constructor(private readonly remedies: RemediesService) {}

  @Post()
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'remedy' })
  @ApiOperation({ summary: '登记对决定文书提起的行政复议或行政诉讼（机关、日期、案号）' })
  @ApiCreatedResponse({ type: RemedyDto })
  record(@Body() dto: RecordRemedyDto, @CurrentUser() user: AuthUser) {
    return this.remedies.record(dto, user);
  }

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'remedy' })
  @ApiQuery({ name: 'caseNo', required: false }) @ApiQuery({ name: 'uscc', required: false })
  @ApiOkResponse({ type: [RemedyDto] })
  list(@Query('caseNo') caseNo?: string, @Query('uscc') uscc?: string) {
    return this.remedies.list({ caseNo, uscc });
  }

  @Get(':id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'remedy', idParam: 'id' })
  @ApiOkResponse({ type: RemedyDto })
  get(@Param('id', uuidPipe) id: string) {
    return this.remedies.get(id);
  }

  /** Four eyes: the outcome is a proposal; an approver of the office who did not propose it decides. */
  @Post(':id/outcome')
  @HttpCode(202)
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'remedy-outcome-proposal', idParam: 'id' })
  @ApiOperation({ summary: '登记复议或诉讼结果（维持、变更、撤销、确认违法）；经审核人在 /api/decision-proposals/{id}/approve 批准后生效' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  outcome(@Param('id', uuidPipe) id: string, @Body() dto: RemedyOutcomeDto, @CurrentUser() user: AuthUser) {
    return this.remedies.proposeOutcome(id, dto, user);
  }
}
