import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import {
  JointSanctionNoticeDto, PullResultDto, ReconciliationReportDto, SubmissionDetailDto, SubmissionPageDto,
} from './dto/platform-response.dto';
import { FixSubmissionDto, ListSubmissionsQuery } from './dto/submissions.dto';
import { InboundService, PullResult } from './inbound.service';
import { JointSanctionService, NoticeState } from './joint-sanction.service';
import { ReconciliationReport, ReconciliationService } from './reconciliation.service';
import { SubmissionsService, SubmissionView } from './submissions.service';

@ApiTags('platform')
@ApiBearerAuth()
@Controller('platform')
export class PlatformController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly reconciliation: ReconciliationService,
    private readonly inbound: InboundService,
    private readonly jointSanctions: JointSanctionService,
  ) {}

  /** Every record's state (pending / retrying with reason / delivered with receipt / needs_fix with the platform's message). */
  @Get('submissions')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'platform_submission' })
  @ApiOkResponse({ type: SubmissionPageDto })
  list(@Query() q: ListSubmissionsQuery): Promise<{ items: SubmissionView[]; total: number }> {
    return this.submissions.list(q);
  }

  @Get('submissions/:id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'platform_submission', idParam: 'id' })
  @ApiOkResponse({ type: SubmissionDetailDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<SubmissionView> {
    return this.submissions.get(id, user);
  }

  @Patch('submissions/:id')
  @Access('officer', 'admin')
  @Audited({ action: 'update', resource: 'platform_submission', idParam: 'id' })
  @ApiOkResponse({ type: SubmissionDetailDto })
  fix(@Param('id') id: string, @Body() dto: FixSubmissionDto, @CurrentUser() user: AuthUser): Promise<SubmissionView> {
    return this.submissions.fix(id, dto, user);
  }

  @Post('submissions/:id/resend')
  @HttpCode(200)
  @Access('officer', 'admin')
  @Audited({ action: 'transition', resource: 'platform_submission', idParam: 'id' })
  @ApiOkResponse({ type: SubmissionDetailDto })
  resend(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<SubmissionView> {
    return this.submissions.resend(id, user);
  }

  /** Outbox against what the platform holds, key by key. */
  @Get('reconciliation')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'platform_reconciliation' })
  @ApiOkResponse({ type: ReconciliationReportDto })
  reconcile(): Promise<ReconciliationReport> {
    return this.reconciliation.report();
  }

  @Get('cases/:caseNo/joint-sanction-notices')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'case', idParam: 'caseNo' })
  @ApiOkResponse({ type: [JointSanctionNoticeDto] })
  notices(@Param('caseNo') caseNo: string): Promise<NoticeState[]> {
    return this.jointSanctions.notices(caseNo);
  }

  /** Pull the feed now instead of waiting for the schedule (after an outage, or to check a department's report). */
  @Post('inbound/pull')
  @HttpCode(200)
  @Access('admin')
  @Audited({ action: 'import', resource: 'platform_inbound' })
  @ApiOkResponse({ type: PullResultDto })
  pull(): Promise<PullResult> {
    return this.inbound.pull();
  }
}
