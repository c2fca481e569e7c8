import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { CasesService } from './cases.service';
import { OpenCaseDto } from './dto/open-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'case' })
  open(@Body() dto: OpenCaseDto, @CurrentUser() user: AuthUser) {
    return this.cases.open(dto, user);
  }

  @Get(':caseNo')
  @Access(...STAFF, 'institution')
  @Audited({ action: 'read', resource: 'case', idParam: 'caseNo' })
  view(@Param('caseNo') caseNo: string, @CurrentUser() user: AuthUser) {
    return this.cases.view(caseNo, user);
  }
}
