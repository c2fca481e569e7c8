import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
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

  @Post(':id/breach')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'transition', resource: 'commitment', idParam: 'id' })
  @ApiOperation({ summary: '认定违背承诺，并以“违背信用承诺”（EDU-011）立案' })
  @ApiOkResponse({ type: CommitmentDto })
  breach(@Param('id', uuidPipe) id: string, @Body() dto: BreachCommitmentDto, @CurrentUser() user: AuthUser) {
    return this.commitments.breach(id, dto, user);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'transition', resource: 'commitment', idParam: 'id' })
  @ApiOperation({ summary: '核实信用承诺履约情况（机构主管科室）：已履约自核实日起计入加分；未履约则认定违约并立案' })
  @ApiOkResponse({ type: CommitmentDto })
  verify(@Param('id', uuidPipe) id: string, @Body() dto: VerifyCommitmentDto, @CurrentUser() user: AuthUser) {
    return this.commitments.verify(id, dto, user);
  }
}
