import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../../audit/audited.decorator';
import { Access } from '../../auth/access.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { AuthUser, STAFF } from '../../auth/role';
import { uuidPipe } from '../../credit-file/credit-file.controller';
import { ApproveProposalDto, DecisionProposalDto, DecisionProposalListDto, ProposalQueryDto, RejectProposalDto } from './four-eyes.dto';
import { FourEyesService } from './four-eyes.service';

/** The approvers' side of four eyes: what waits for a decision, and the decision itself. */
@ApiTags('four-eyes (四眼原则)')
@ApiBearerAuth()
@Controller('decision-proposals')
export class FourEyesController {
  constructor(private readonly fourEyes: FourEyesService) {}

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'decision-proposal' })
  @ApiOperation({ summary: '本人可审批或本人提出的处理意见：审核人看本科室事项，管理员看政策、日历和账号事项，经办人看本人提出的；领导和审计人员可查看全部（只读）' })
  @ApiOkResponse({ type: DecisionProposalListDto })
  list(@Query() q: ProposalQueryDto, @CurrentUser() user: AuthUser) {
    return this.fourEyes.list(q, user);
  }

  @Get(':id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'decision-proposal', idParam: 'id' })
  @ApiOkResponse({ type: DecisionProposalDto })
  get(@Param('id', uuidPipe) id: string) {
    return this.fourEyes.byId(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access('approver', 'admin')
  @Audited({ action: 'transition', resource: 'decision-proposal', idParam: 'id' })
  @ApiOperation({ summary: '批准：变更随即生效。须为所属科室的审核人（政策、日历为另一名管理员），且不是承办人或提出人（403 SAME_PERSON / NOT_DECIDING_ROLE / OTHER_OFFICE）' })
  @ApiOkResponse({ type: DecisionProposalDto })
  approve(@Param('id', uuidPipe) id: string, @Body() dto: ApproveProposalDto, @CurrentUser() user: AuthUser) {
    return this.fourEyes.decide(id, true, dto.note, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access('approver', 'admin')
  @Audited({ action: 'transition', resource: 'decision-proposal', idParam: 'id' })
  @ApiOperation({ summary: '退回：不作变更，可重新提出处理意见（审批人规则同批准）' })
  @ApiOkResponse({ type: DecisionProposalDto })
  reject(@Param('id', uuidPipe) id: string, @Body() dto: RejectProposalDto, @CurrentUser() user: AuthUser) {
    return this.fourEyes.decide(id, false, dto.note, user);
  }
}
