import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { CasesService } from './cases.service';
import { CaseListQueryDto, CorrectCaseDto, WithdrawCaseDto } from './dto/case-actions.dto';
import { CasePageDto, CaseViewDto } from './dto/case-response.dto';
import { OpenCaseDto } from './dto/open-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'case' })
  @ApiCreatedResponse({ type: CaseViewDto })
  open(@Body() dto: OpenCaseDto, @CurrentUser() user: AuthUser) {
    return this.cases.open(dto, user);
  }

  @Get()
  @Access(...STAFF, 'institution')
  @Audited({ action: 'list', resource: 'case' })
  @ApiOkResponse({ type: CasePageDto })
  list(@Query() q: CaseListQueryDto, @CurrentUser() user: AuthUser) {
    return this.cases.list(q, user);
  }

  @Post(':caseNo/withdraw')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'case', idParam: 'caseNo' })
  @ApiOkResponse({ type: CaseViewDto })
  withdraw(@Param('caseNo') caseNo: string, @Body() dto: WithdrawCaseDto, @CurrentUser() user: AuthUser) {
    return this.cases.withdraw(caseNo, user, dto.reason);
  }

  @Post(':caseNo/correct')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'update', resource: 'case', idParam: 'caseNo' })
  @ApiOkResponse({ type: CaseViewDto })
  correct(@Param('caseNo') caseNo: string, @Body() dto: CorrectCaseDto, @CurrentUser() user: AuthUser) {
    return this.cases.correct(caseNo, user, dto);
  }

  @Get(':caseNo')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('caseNo')
  @Audited({ action: 'read', resource: 'case', idParam: 'caseNo' })
  @ApiOkResponse({ type: CaseViewDto })
  view(@Param('caseNo') caseNo: string, @CurrentUser() user: AuthUser) {
    return this.cases.view(caseNo, user);
  }
}
