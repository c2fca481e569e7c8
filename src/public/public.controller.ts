import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Audited } from '../audit/audited.decorator';
import { Public } from '../auth/access.decorator';
import { PublicThrottlerGuard, publicLimit, publicTtlMs } from './public-throttler.guard';
import { PublicPublicityQueryDto, PublicSearchQueryDto } from './dto/public-query.dto';
import {
  PublicInspectionPlanDto, PublicInspectionPlansDto, PublicInstitutionDto, PublicInstitutionHitsDto, PublicRecordPageDto,
} from './dto/public-response.dto';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { PublicInspectionsService } from './public-inspections.service';
import { PublicService } from './public.service';

/** Anyone may read what is in publication; rate-limited per address so the file cannot be scraped wholesale. */
@ApiTags('public (公众查询)')
@Controller('public')
@Public()
@UseGuards(PublicThrottlerGuard)
@Throttle({ default: { limit: publicLimit, ttl: publicTtlMs } })
export class PublicController {
  constructor(
    private readonly publicService: PublicService,
    private readonly inspections: PublicInspectionsService,
  ) {}

  @Get('institutions')
  @Audited({ action: 'list', resource: 'public-institution' })
  @ApiOperation({ summary: '按名称或统一社会信用代码查询机构' })
  @ApiOkResponse({ type: PublicInstitutionHitsDto })
  search(@Query() query: PublicSearchQueryDto) {
    return this.publicService.searchInstitutions(query.q);
  }

  @Get('institutions/:uscc')
  @Audited({ action: 'read', resource: 'public-institution', idParam: 'uscc' })
  @ApiOperation({ summary: '机构公开信用信息（仅公示中的记录，个人信息已脱敏）' })
  @ApiOkResponse({ type: PublicInstitutionDto })
  institution(@Param('uscc') uscc: string) {
    return this.publicService.institution(uscc);
  }

  @Get('publicity')
  @Audited({ action: 'list', resource: 'public-publicity' })
  @ApiOperation({ summary: '双公示查询：公示中的行政许可和行政处罚' })
  @ApiOkResponse({ type: PublicRecordPageDto })
  publicity(@Query() query: PublicPublicityQueryDto) {
    return this.publicService.publicity(query);
  }

  @Get('inspections')
  @Audited({ action: 'list', resource: 'public-inspection-plan' })
  @ApiOperation({ summary: '双随机一公开：已公开的抽查计划（范围、比例、抽取及检查数）' })
  @ApiOkResponse({ type: PublicInspectionPlansDto })
  inspectionPlans() {
    return this.inspections.list();
  }

  @Get('inspections/:id')
  @Audited({ action: 'read', resource: 'public-inspection-plan', idParam: 'id' })
  @ApiOperation({ summary: '双随机一公开：抽查计划的随机种子、抽取证明和检查结果' })
  @ApiOkResponse({ type: PublicInspectionPlanDto })
  inspectionPlan(@Param('id', uuidPipe) id: string) {
    return this.inspections.plan(id);
  }
}
