import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { ROLES, type AuthUser } from '../auth/role';
import { CalendarOverrideEntity } from './calendar-override.entity';
import { CalendarService } from './calendar.service';
import {
  AddWorkingDaysQuery, CalendarOverrideDto, DateQuery, OverridesQuery, SetOverrideDto, WorkingDayAddedDto, WorkingDayCheckDto,
} from './dto/calendar.dto';

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
