import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { ROLES, type AuthUser } from '../auth/role';
import { DomainException } from '../common/errors/domain.exception';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import type { ProposalView } from '../common/four-eyes/four-eyes.service';
import { shanghaiToday } from '../credit-file/credit-status';
import { CalendarOverrideEntity } from './calendar-override.entity';
import { CalendarProposals } from './calendar-proposals';
import { CalendarService } from './calendar.service';
import {
  AddWorkingDaysQuery, CalendarOverrideDto, DateQuery, OverridesQuery, SetOverrideDto, WorkingDayAddedDto, WorkingDayCheckDto,
} from './dto/calendar.dto';
import { CalendarYearsDto, PublishYearDto, YearDraftDto } from './dto/calendar-year.dto';
import { statutoryHolidays } from './statutory-holidays';
import { CalendarErrorCode } from './calendar.errors';

const yearInvalid = () => new DomainException(CalendarErrorCode.YEAR_INVALID, '年份必须是 2000–2099 之间的整数', 400);
const yearPipe = new ParseIntPipe({ exceptionFactory: yearInvalid });
const checkYear = (year: number) => {
  if (year < 2000 || year > 2099) throw yearInvalid();
  return year;
};

const toDto = (o: CalendarOverrideEntity): CalendarOverrideDto =>
  ({ date: o.date, workingDay: o.workingDay, reason: o.reason, createdBy: o.createdBy, createdAt: o.createdAt });

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly proposals: CalendarProposals,
  ) {}

  @Get('working-days/add')
  @Access(...ROLES)
  @ApiOkResponse({ type: WorkingDayAddedDto })
  async add(@Query() q: AddWorkingDaysQuery): Promise<WorkingDayAddedDto> {
    const date = await this.calendar.addWorkingDays(q.from, q.days);
    return { from: q.from, days: q.days, date, provisional: await this.calendar.isProvisional(q.from, date) };
  }

  @Get('working-days/check')
  @Access(...ROLES)
  @ApiOkResponse({ type: WorkingDayCheckDto })
  async check(@Query() q: DateQuery): Promise<WorkingDayCheckDto> {
    return { date: q.date, workingDay: await this.calendar.isWorkingDay(q.date), provisional: await this.calendar.isProvisional(q.date, q.date) };
  }

  // Staff see it so that a missing next year is noticed by more than the one administrator.
  @Get('years')
  @Access('officer', 'approver', 'manager', 'admin')
  @ApiOkResponse({ type: CalendarYearsDto })
  async years(): Promise<CalendarYearsDto> {
    const [years, warning] = await Promise.all([this.calendar.yearStatus(), this.calendar.missingYearWarning(shanghaiToday())]);
    return { years, warning };
  }

  @Get('years/:year/draft')
  @Access('admin')
  @ApiOkResponse({ type: YearDraftDto })
  draft(@Param('year', yearPipe) year: number): YearDraftDto {
    return {
      year: checkYear(year),
      holidays: statutoryHolidays(year),
      workdays: [],
      note: '按《全国年节及纪念日放假办法》推算的法定假日，不含调休；请按国务院办公厅当年通知补充后发布',
    };
  }

  // Publishing makes deadlines in that year computable and moves any computed afterwards: like an override, one
  // administrator proposes it and another approves it (docs/four-eyes.md)
  @Put('years/:year')
  @Access('admin')
  @HttpCode(202)
  @Audited({ action: 'create', resource: 'calendar-year-proposal', idParam: 'year' })
  @ApiOperation({ summary: '提出发布年度节假日安排；另一名管理员在 /api/decision-proposals/{id}/approve 批准后生效' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  publish(@Param('year', yearPipe) year: number, @Body() body: PublishYearDto, @CurrentUser() user: AuthUser): Promise<ProposalView> {
    return this.proposals.proposeYear(checkYear(year), body, user);
  }

  @Get('overrides')
  @Access('admin')
  @ApiOkResponse({ type: [CalendarOverrideDto] })
  async overrides(@Query() q: OverridesQuery): Promise<CalendarOverrideDto[]> {
    return (await this.calendar.listOverrides(q.year)).map(toDto);
  }

  // Overrides move every deadline computed afterwards: one administrator proposes, another approves (docs/four-eyes.md)
  @Put('overrides/:date')
  @HttpCode(202)
  @Access('admin')
  @Audited({ action: 'create', resource: 'calendar-override-proposal', idParam: 'date' })
  @ApiOperation({ summary: '提出日历调整；另一名管理员在 /api/decision-proposals/{id}/approve 批准后生效' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  setOverride(@Param('date') date: string, @Body() body: SetOverrideDto, @CurrentUser() user: AuthUser): Promise<ProposalView> {
    return this.proposals.proposeOverride(date, body, user);
  }

  @Delete('overrides/:date')
  @HttpCode(202)
  @Access('admin')
  @Audited({ action: 'create', resource: 'calendar-override-proposal', idParam: 'date' })
  @ApiOperation({ summary: '提出删除日历调整；另一名管理员批准后生效' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  removeOverride(@Param('date') date: string, @CurrentUser() user: AuthUser): Promise<ProposalView> {
    return this.proposals.proposeRemoval(date, `删除 ${date} 的人工调整，恢复官方日历`, user);
  }
}
