import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { BlockedCasesOps } from './blocked-cases.service';
import { BlockedCaseListDto, ResumeCaseDto, ResumeCaseResponseDto } from './dto/blocked-cases.dto';

/** Cases that stopped on a failure no retry fixes (workflows/runtime/blocking.ts), and resuming them once fixed. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class BlockedCasesController {
  constructor(private readonly blocked: BlockedCasesOps) {}

  @Get('ops/blocked-cases')
  @Access('admin', 'manager')
  @Audited({ action: 'list', resource: 'case' })
  @ApiOkResponse({ type: BlockedCaseListDto })
  list() {
    return this.blocked.list();
  }

  @Post('cases/:caseNo/resume')
  @HttpCode(200)
  @Access('approver', 'admin')
  @Audited({ action: 'transition', resource: 'case', idParam: 'caseNo' })
  @ApiOkResponse({ type: ResumeCaseResponseDto })
  resume(@Param('caseNo') caseNo: string, @Body() dto: ResumeCaseDto, @CurrentUser() user: AuthUser) {
    return this.blocked.resume(caseNo, user, dto.note);
  }
}
