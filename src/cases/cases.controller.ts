import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import { CaseProposals } from './case-proposals';
import { CasesService } from './cases.service';
import { CaseListQueryDto, CorrectCaseDto, WithdrawCaseDto } from './dto/case-actions.dto';
import { CasePageDto, CaseViewDto } from './dto/case-response.dto';
import { OpenCaseDto } from './dto/open-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly proposals: CaseProposals,
  ) {}

  @Post()
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'case' })
  @ApiCreatedResponse({ type: CaseViewDto })
  open(@Body() dto: OpenCaseDto, @CurrentUser() user: AuthUser) {
    return this.cases.open(dto, user);
  }

  /** Staff only: an institution lists its cases at GET /api/portal/cases. */
  @Get()
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'case' })
  @ApiOkResponse({ type: CasePageDto })
  list(@Query() q: CaseListQueryDto) {
    return this.cases.list(q);
  }

  /** Proposes the withdrawal; another approver of the case's office decides it (four eyes, case-proposals.ts). */
  @Post(':caseNo/withdraw')
  @HttpCode(202)
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'case-withdrawal-proposal', idParam: 'caseNo' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  withdraw(@Param('caseNo') caseNo: string, @Body() dto: WithdrawCaseDto, @CurrentUser() user: AuthUser) {
    return this.proposals.withdraw(caseNo, dto.reason, user);
  }

  @Post(':caseNo/correct')
  @HttpCode(202)
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'case-correction-proposal', idParam: 'caseNo' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  correct(@Param('caseNo') caseNo: string, @Body() dto: CorrectCaseDto, @CurrentUser() user: AuthUser) {
    return this.proposals.correct(caseNo, { reason: dto.reason, severity: dto.severity }, user);
  }

  /** The bureau's whole record (tasks, assignees, events with reasons, source): staff only; institutions read GET /api/portal/cases/:caseNo. */
  @Get(':caseNo')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'case', idParam: 'caseNo' })
  @ApiOkResponse({ type: CaseViewDto })
  view(@Param('caseNo') caseNo: string) {
    return this.cases.view(caseNo);
  }
}
