import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { assertVisibleTo } from '../credit-file/visibility';
import { ApplicableMeasuresDto, CatalogueMeasureListDto, MeasureCatalogueDto } from './dto/measures-response.dto';
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
}
