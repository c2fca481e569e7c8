import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { ROLES, type AuthUser } from '../auth/role';
import { DomainException } from '../common/errors/domain.exception';
import { shanghaiToday } from '../credit-file/credit-status';
import { CalendarOverrideEntity } from './calendar-override.entity';
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
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days/add')
  @Access(...ROLES)
  @ApiOkResponse({ type: WorkingDayAddedDto })
  async add(@Query() q: AddWorkingDaysQuery): Promise<WorkingDayAddedDto> {
    return { from: q.from, days: q.days, date: await this.calendar.addWorkingDays(q.from, q.days) };
  }

  @Get('working-days/check')
  @Access(...ROLES)
  @ApiOkResponse({ type: WorkingDayCheckDto })
  async check(@Query() q: DateQuery): Promise<WorkingDayCheckDto> {
    return { date: q.date, workingDay: await this.calendar.isWorkingDay(q.date) };
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

  // Publishing makes deadlines in that year computable (and moves any computed afterwards): audited like overrides.
  @Put('years/:year')
  @Access('admin')
  @HttpCode(204)
  @Audited({ action: 'update', resource: 'calendar-year', idParam: 'year' })
  async publish(@Param('year', yearPipe) year: number, @Body() body: PublishYearDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.calendar.publishYear(checkYear(year), body, user.id);
  }

  @Get('overrides')
  @Access('admin')
  @ApiOkResponse({ type: [CalendarOverrideDto] })
  async overrides(@Query() q: OverridesQuery): Promise<CalendarOverrideDto[]> {
    return (await this.calendar.listOverrides(q.year)).map(toDto);
  }

  // Overrides move every deadline computed afterwards, so who changed what is kept in the audit log.
  @Put('overrides/:date')
  @Access('admin')
  @Audited({ action: 'update', resource: 'calendar-override', idParam: 'date' })
  @ApiOkResponse({ type: CalendarOverrideDto })
  async setOverride(
    @Param('date') date: string,
    @Body() body: SetOverrideDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CalendarOverrideDto> {
    return toDto(await this.calendar.setOverride(date, body, user.id));
  }

  @Delete('overrides/:date')
  @Access('admin')
  @HttpCode(204)
  @Audited({ action: 'update', resource: 'calendar-override', idParam: 'date' })
  async removeOverride(@Param('date') date: string): Promise<void> {
    await this.calendar.removeOverride(date);
  }
}
