import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { CaseViewDto } from '../cases/dto/case-response.dto';
import { CasesService } from '../cases/cases.service';
import { CaseLeadDto } from '../inspections/dto/inspection.dto';
import { WatchlistQueryDto } from './dto/watchlist.query';
import { WatchlistDto } from './dto/watchlist-response.dto';
import { EarlyWarningService } from './early-warning.service';

@ApiTags('early-warnings (失信预警)')
@ApiBearerAuth()
@Controller('early-warnings')
export class EarlyWarningController {
  constructor(
    private readonly warnings: EarlyWarningService,
    private readonly cases: CasesService,
  ) {}

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'early-warning' })
  @ApiOperation({ summary: '预警名单及每个机构被预警的原因' })
  @ApiOkResponse({ type: WatchlistDto })
  list(@Query() query: WatchlistQueryDto) {
    return this.warnings.watchlist(query);
  }

  @Post(':uscc/cases')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'case', idParam: 'uscc' })
  @ApiOperation({ summary: '根据预警立案' })
  @ApiCreatedResponse({ type: CaseViewDto })
  open(@Param('uscc') uscc: string, @Body() dto: CaseLeadDto, @CurrentUser() user: AuthUser) {
    return this.cases.open({ uscc: uscc.toUpperCase(), behaviourCode: dto.behaviourCode, facts: dto.facts, source: 'other' }, user);
  }
}
