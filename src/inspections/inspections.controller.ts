import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { CreatePlanDto, InspectionResultDto } from './dto/inspection.dto';
import { DrawVerificationDto, InspectionPlanDto, InspectionPlanSummaryDto, InspectionTargetDto } from './dto/inspection-response.dto';
import { InspectionsService } from './inspections.service';

@ApiTags('inspection-plans (双随机)')
@ApiBearerAuth()
@Controller('inspection-plans')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Post()
  @Access('officer', 'approver', 'manager')
  @Audited({ action: 'create', resource: 'inspection-plan' })
  @ApiOperation({ summary: '按信用等级比例双随机抽取检查对象和检查人员（公开随机种子）' })
  @ApiCreatedResponse({ type: InspectionPlanDto })
  create(@Body() dto: CreatePlanDto, @CurrentUser() user: AuthUser) {
    return this.inspections.create(dto, user);
  }

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'inspection-plan' })
  @ApiOkResponse({ type: [InspectionPlanSummaryDto] })
  list() {
    return this.inspections.list();
  }

  @Get(':id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'inspection-plan', idParam: 'id' })
  @ApiOkResponse({ type: InspectionPlanDto })
  get(@Param('id', uuidPipe) id: string) {
    return this.inspections.get(id);
  }

  @Get(':id/verify')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'inspection-plan', idParam: 'id' })
  @ApiOperation({ summary: '用公开的种子重新抽取，核对抽查结果' })
  @ApiOkResponse({ type: DrawVerificationDto })
  verify(@Param('id', uuidPipe) id: string) {
    return this.inspections.verify(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access('approver', 'manager')
  @Audited({ action: 'transition', resource: 'inspection-plan', idParam: 'id' })
  @ApiOperation({ summary: '向社会公开抽查计划（范围、比例、随机种子、抽取证明）及已登记的检查结果（一公开）' })
  @ApiOkResponse({ type: InspectionPlanDto })
  publish(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.inspections.publish(id, user);
  }

  @Put(':id/targets/:uscc/result')
  @Access('officer')
  @Audited({ action: 'update', resource: 'inspection-result', idParam: 'uscc' })
  @ApiOperation({ summary: '登记检查结果；不合格可据此立案' })
  @ApiOkResponse({ type: InspectionTargetDto })
  result(@Param('id', uuidPipe) id: string, @Param('uscc') uscc: string, @Body() dto: InspectionResultDto, @CurrentUser() user: AuthUser) {
    return this.inspections.recordResult(id, uscc.toUpperCase(), dto, user);
  }
}
