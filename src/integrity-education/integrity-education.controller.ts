import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { ActivityDto, ActivityListDto, TermReportDto } from './dto/activity-response.dto';
import { ActivityQueryDto, RecordActivityDto } from './dto/activity.dto';
import { IntegrityEducationService } from './integrity-education.service';

@ApiTags('integrity-education (诚信教育)')
@ApiBearerAuth()
@Controller('integrity-education')
export class IntegrityEducationController {
  constructor(private readonly education: IntegrityEducationService) {}

  @Post('activities')
  @Access('institution', 'officer', 'approver')
  @Audited({ action: 'create', resource: 'integrity-activity' })
  @ApiOperation({ summary: '记录诚信教育活动（学校记录本校，经办人可代为登记）' })
  @ApiCreatedResponse({ type: ActivityDto })
  record(@Body() dto: RecordActivityDto, @CurrentUser() user: AuthUser) {
    return this.education.record(dto, user);
  }

  @Get('activities')
  @Access(...STAFF, 'institution')
  @Audited({ action: 'list', resource: 'integrity-activity' })
  @ApiOperation({ summary: '诚信教育活动（按学校、学期）' })
  @ApiOkResponse({ type: ActivityListDto })
  list(@Query() q: ActivityQueryDto, @CurrentUser() user: AuthUser) {
    return this.education.list(q, user);
  }

  @Get('report')
  @Access(...STAFF, 'institution')
  @Audited({ action: 'list', resource: 'integrity-education-report' })
  @ApiOperation({ summary: '诚信教育统计：每所学校每学期的活动次数和参加人次' })
  @ApiOkResponse({ type: TermReportDto })
  report(@Query() q: ActivityQueryDto, @CurrentUser() user: AuthUser) {
    return this.education.report(q, user);
  }
}
