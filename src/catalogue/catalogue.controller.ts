import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { ROLES } from '../auth/role';
import { CatalogueService } from './catalogue.service';
import { CatalogueDto, CatalogueVersionQuery, VersionedCatalogueItemDto } from './dto/catalogue.dto';

// Institutions read the catalogue too: they must know what counts as dishonest and what it costs.
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Access(...ROLES)
  @ApiOkResponse({ type: CatalogueDto })
  list(@Query() query: CatalogueVersionQuery): Promise<CatalogueDto> {
    return this.catalogue.list(query.version);
  }

  @Get(':code')
  @Access(...ROLES)
  @ApiOkResponse({ type: VersionedCatalogueItemDto })
  item(@Param('code') code: string, @Query() query: CatalogueVersionQuery): Promise<VersionedCatalogueItemDto> {
    return this.catalogue.item(code, query.version);
  }
}
