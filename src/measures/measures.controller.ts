import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { assertVisibleTo } from '../credit-file/visibility';
import { BanListQueryDto, BanSearchDto, CreateBanDto } from './dto/ban.dto';
import { ApplicableMeasuresDto, CatalogueMeasureListDto, IndustryBanDto, IndustryBanListDto, MeasureCatalogueDto } from './dto/measures-response.dto';
import { MeasureCatalogueService } from './measure-catalogue.service';
import { MeasuresService } from './measures.service';

@ApiTags('measures (奖惩措施)')
@ApiBearerAuth()
@Controller()
export class MeasuresController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly measureCatalogue: MeasureCatalogueService,
  ) {}

  @Get('measures')
  @Access(...STAFF, 'institution')
  @ApiOperation({ summary: '奖惩措施清单（按事项类型）' })
  @ApiOkResponse({ type: MeasureCatalogueDto })
  catalogue() {
    return this.measures.catalogue();
  }

  @Get('measures/catalogue')
  @Access(...STAFF)
  @ApiOperation({ summary: '失信惩戒措施清单（全国失信惩戒措施基础清单）：联合惩戒和限制从业只能选择其中的措施' })
  @ApiOkResponse({ type: CatalogueMeasureListDto })
  measuresCatalogue() {
    return this.measureCatalogue.list();
  }

  @Get('institutions/:uscc/measures')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('uscc')
  @Audited({ action: 'read', resource: 'measures', idParam: 'uscc' })
  @ApiOperation({ summary: '机构当前适用的激励和惩戒措施' })
  @ApiOkResponse({ type: ApplicableMeasuresDto })
  applicable(@Param('uscc') uscc: string, @CurrentUser() user: AuthUser) {
    return this.measures.applicable(assertVisibleTo(uscc, user));
  }

  @Post('industry-bans')
  @Access('approver')
  @Audited({ action: 'create', resource: 'industry-ban' })
  @ApiOperation({ summary: '对指定人员实施行业禁入' })
  @ApiCreatedResponse({ type: IndustryBanDto })
  ban(@Body() dto: CreateBanDto, @CurrentUser() user: AuthUser) {
    return this.measures.ban(dto, user);
  }

  @Get('industry-bans')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'industry-ban' })
  @ApiOperation({ summary: '行业禁入名单（按身份证号查找用 POST /industry-bans/search）' })
  @ApiOkResponse({ type: IndustryBanListDto })
  list(@Query() _query: BanListQueryDto) {
    return this.measures.list(undefined);
  }

  /** A search, not a read by URL: an ID number in a query string lands in proxy and request logs (issue #14 point 6). */
  @Post('industry-bans/search')
  @HttpCode(200)
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'industry-ban' })
  @ApiOperation({ summary: '按被禁入人员身份证号查找行业禁入（身份证号放在请求体中）' })
  @ApiOkResponse({ type: IndustryBanListDto })
  search(@Body() dto: BanSearchDto) {
    return this.measures.list(dto.idNumber);
  }
}
