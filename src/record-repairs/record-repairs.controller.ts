import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { shanghaiToday } from '../credit-file/credit-status';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { UploadsService } from '../portal/uploads.service';
import {
  CounterRecordRepairDto, FinePaymentDto, FinePaymentViewDto, PortalRecordRepairDto, RecordRepairQueryDto, RecordRepairViewDto,
  RepairAcceptanceDto, RepairDecisionDto,
} from './dto/record-repair.dto';
import { RecordRepairsService } from './record-repairs.service';

/**
 * Repair of records outside a case (issue #19; docs/effects.md "Repair of a 双公示 penalty"): the counter and the
 * officers' and approvers' steps; the institution's portal route; the fine payment repair requires.
 */
@ApiTags('record-repairs (信用修复)')
@ApiBearerAuth()
@Controller()
export class RecordRepairsController {
  constructor(
    private readonly repairs: RecordRepairsService,
    private readonly uploads: UploadsService,
  ) {}

  @Post('record-repairs')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'record-repair' })
  @ApiOperation({ summary: '窗口受理：登记纸质或现场提交的信用修复申请（收到日期起算受理期限）；其他部门认定的信息自动转办并出具转办函' })
  @ApiCreatedResponse({ type: RecordRepairViewDto })
  counter(@Body() dto: CounterRecordRepairDto, @CurrentUser() user: AuthUser) {
    return this.repairs.apply({ ...dto, route: 'counter' }, user);
  }

  @Get('record-repairs')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'record-repair' })
  @ApiOkResponse({ type: [RecordRepairViewDto] })
  list(@Query() q: RecordRepairQueryDto) {
    return this.repairs.list(q);
  }

  @Get('record-repairs/:id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'record-repair', idParam: 'id' })
  @ApiOkResponse({ type: RecordRepairViewDto })
  get(@Param('id', uuidPipe) id: string) {
    return this.repairs.get(id);
  }

  @Post('record-repairs/:id/acceptance')
  @HttpCode(200)
  @Access('officer')
  @Audited({ action: 'transition', resource: 'record-repair', idParam: 'id' })
  @ApiOperation({ summary: '受理或不予受理（不予受理须说明理由，结果回传市平台）；受理后起算决定期限' })
  @ApiOkResponse({ type: RecordRepairViewDto })
  accept(@Param('id', uuidPipe) id: string, @Body() dto: RepairAcceptanceDto, @CurrentUser() user: AuthUser) {
    return this.repairs.accept(id, dto.outcome, dto.reason, user);
  }

  // four eyes: an approver of the owning office who neither entered nor accepted the application decides
  @Post('record-repairs/:id/decision')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'record-repair', idParam: 'id' })
  @ApiOperation({ summary: '准予修复（核对最短公示期、罚款缴纳、信用承诺）或不予修复；出具决定书，准予的停止公示和共享，结果回传市平台和信用中国' })
  @ApiOkResponse({ type: RecordRepairViewDto })
  decide(@Param('id', uuidPipe) id: string, @Body() dto: RepairDecisionDto, @CurrentUser() user: AuthUser) {
    return this.repairs.decide(id, dto.outcome, dto.reason, user);
  }

  @Post('publicity/decisions/:id/fine-payment')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'fine-payment', idParam: 'id' })
  @ApiOperation({ summary: '登记行政处罚罚款的缴纳（日期、票据号）：信用修复前须履行全部义务' })
  @ApiCreatedResponse({ type: FinePaymentViewDto })
  finePayment(@Param('id', uuidPipe) id: string, @Body() dto: FinePaymentDto, @CurrentUser() user: AuthUser) {
    return this.repairs.recordFinePayment(id, dto, user);
  }

  @Post('portal/record-repairs')
  @Access('institution')
  @Audited({ action: 'create', resource: 'record-repair' })
  @ApiOperation({ summary: '机构申请修复本机构的行政处罚等失信信息（附整改情况和信用修复承诺书）' })
  @ApiCreatedResponse({ type: RecordRepairViewDto })
  async portal(@Body() dto: PortalRecordRepairDto, @CurrentUser() user: AuthUser) {
    await this.uploads.assertOwned(dto.fileIds, user);
    const today = shanghaiToday();
    return this.repairs.apply({ ...dto, route: 'portal', receivedOn: today, commitmentSignedOn: today }, user);
  }

  @Get('portal/record-repairs')
  @Access('institution')
  @Audited({ action: 'list', resource: 'record-repair' })
  @ApiOkResponse({ type: [RecordRepairViewDto] })
  async mine(@CurrentUser() user: AuthUser) {
    // which staff member entered or accepted it is the bureau's internal business, not the applicant's
    return (await this.repairs.list({ uscc: user.uscc ?? '-' })).map((r) => ({ ...r, createdBy: null, acceptedBy: null }));
  }
}
