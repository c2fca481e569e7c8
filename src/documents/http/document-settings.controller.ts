import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../../auth/role';
import { Audited } from '../../audit/audited.decorator';
import { DocumentSettingsDto } from '../dto/document-request.dto';
import { DocumentSettingsViewDto } from '../dto/document-response.dto';
import { DocumentSettingsService } from '../settings/document-settings.service';

/** The issuing body, the remedies' bodies, number prefixes and retention: what every document prints. */
@ApiTags('documents (文书与送达)')
@ApiBearerAuth()
@Controller('document-settings')
export class DocumentSettingsController {
  constructor(private readonly settings: DocumentSettingsService) {}

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'document-settings' })
  @ApiOperation({ summary: '文书设置：发文机关、行政复议机关、管辖法院、文号前缀、保管期限' })
  @ApiOkResponse({ type: DocumentSettingsViewDto })
  get() {
    return this.settings.get();
  }

  @Put()
  @Access('admin')
  @Audited({ action: 'update', resource: 'document-settings' })
  @ApiOperation({ summary: '修改文书设置（此后签发的文书适用；已签发的文书不变）' })
  @ApiOkResponse({ type: DocumentSettingsViewDto })
  update(@Body() dto: DocumentSettingsDto, @CurrentUser() user: AuthUser) {
    return this.settings.update(dto, user.id);
  }
}
