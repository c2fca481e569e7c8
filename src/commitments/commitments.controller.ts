import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { CommitmentsService } from './commitments.service';
import { CommitmentDto, CommitmentListDto } from './dto/commitment-response.dto';
import { BreachCommitmentDto, CommitmentListQueryDto, SignCommitmentDto, VerifyCommitmentDto } from './dto/commitment.dto';
import { validationFailed } from '../common/errors/common.errors';

@ApiTags('commitments (信用承诺)')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Post()
  @Access('institution', 'officer')
  @Audited({ action: 'create', resource: 'commitment' })
  @ApiOperation({ summary: '签署信用承诺（机构为本机构签署，经办人可代为登记）；签署日期为当天，经核实履约后方计入加分' })
  @ApiCreatedResponse({ type: CommitmentDto })
  sign(@Body() dto: SignCommitmentDto, @CurrentUser() user: AuthUser) {
    return this.commitments.sign(dto, user);
  }

  @Get()
  @Access(...STAFF, 'institution')
  @Audited({ action: 'list', resource: 'commitment' })
  @ApiOkResponse({ type: CommitmentListDto })
  list(@Query() query: CommitmentListQueryDto, @CurrentUser() user: AuthUser) {
    const target = query.uscc ?? user.uscc;
    if (!target) throw validationFailed('请指定统一社会信用代码（uscc）');
    return this.commitments.list(target, user);
  }

  @Get(':id')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('id')
  @Audited({ action: 'read', resource: 'commitment', idParam: 'id' })
  @ApiOkResponse({ type: CommitmentDto })
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.commitments.get(id, user);
  }

  // ends the commitment's effect and opens a case: a proposal an approver of the office decides (docs/four-eyes.md)
  @Post(':id/breach')
  @HttpCode(202)
  @Access('officer', 'approver')
  @Audited({ action: 'transition', resource: 'commitment', idParam: 'id' })
  @ApiOperation({ summary: '提出认定违背承诺；机构主管科室的审核人（非提出人、非登记人）在 /api/decision-proposals/{id}/approve 批准后认定违约，并以“违背信用承诺”（EDU-011）立案' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  breach(@Param('id', uuidPipe) id: string, @Body() dto: BreachCommitmentDto, @CurrentUser() user: AuthUser) {
    return this.commitments.breach(id, dto, user);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'transition', resource: 'commitment', idParam: 'id' })
  @ApiOperation({ summary: '核实信用承诺履约情况（机构主管科室）：已履约自核实日起计入加分（200）；未履约为认定违约的处理意见（202），经审核人批准后认定违约并立案' })
  @ApiOkResponse({ type: CommitmentDto })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  async verify(@Param('id', uuidPipe) id: string, @Body() dto: VerifyCommitmentDto, @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response) {
    const result = await this.commitments.verify(id, dto, user);
    if ('kind' in result) res.status(HttpStatus.ACCEPTED); // not kept: waiting for the approver
    return result;
  }
}
