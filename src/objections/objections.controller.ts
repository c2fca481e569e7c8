import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { ObjectionListDto, ObjectionViewDto } from './dto/objection-response.dto';
import { DecideObjectionDto, ObjectionListQueryDto, RaiseObjectionDto, ReferObjectionDto } from './dto/objection.dto';
import { ObjectionsService } from './objections.service';

@ApiTags('objections (异议与更正)')
@ApiBearerAuth()
@Controller()
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post('institutions/:uscc/credit-file/:recordId/objections')
  @Access('institution', 'officer')
  @OwnDataOnly('uscc')
  @Audited({ action: 'create', resource: 'credit-objection', idParam: 'recordId' })
  @ApiOperation({ summary: '对信用记录提出异议或申请更正' })
  @ApiCreatedResponse({ type: ObjectionViewDto })
  raise(@Param('uscc') uscc: string, @Param('recordId', uuidPipe) recordId: string, @Body() dto: RaiseObjectionDto,
    @CurrentUser() user: AuthUser) {
    return this.objections.raise(uscc, recordId, dto, user);
  }

  @Get('credit-objections')
  @Access(...STAFF, 'institution')
  @Audited({ action: 'list', resource: 'credit-objection' })
  @ApiOkResponse({ type: ObjectionListDto })
  list(@Query() query: ObjectionListQueryDto, @CurrentUser() user: AuthUser) {
    return this.objections.list(query, user);
  }

  @Get('credit-objections/:id')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('id')
  @Audited({ action: 'read', resource: 'credit-objection', idParam: 'id' })
  @ApiOkResponse({ type: ObjectionViewDto })
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.objections.get(id, user);
  }

  /** Four eyes (docs/four-eyes.md): this files the proposal; an approver of the owning office decides it. */
  @Post('credit-objections/:id/decision')
  @HttpCode(202)
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'credit-objection-proposal', idParam: 'id' })
  @ApiOperation({ summary: '提出异议处理意见（成立则更正或撤下，不成立则说明理由）；记录所属科室的另一名审核人在 /api/decision-proposals/{id}/approve 批准后生效' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  decide(@Param('id', uuidPipe) id: string, @Body() dto: DecideObjectionDto, @CurrentUser() user: AuthUser) {
    return this.objections.propose(id, dto, user);
  }

  @Post('credit-objections/:id/referral')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'transition', resource: 'credit-objection', idParam: 'id' })
  @ApiOperation({ summary: '外部门认定的记录：按“谁认定谁修复”转交原认定部门处理（本局不更正、不撤下）' })
  @ApiOkResponse({ type: ObjectionViewDto })
  refer(@Param('id', uuidPipe) id: string, @Body() dto: ReferObjectionDto, @CurrentUser() user: AuthUser) {
    return this.objections.refer(id, dto.reason, user);
  }
}
