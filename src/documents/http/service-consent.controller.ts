import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../../auth/role';
import { Audited } from '../../audit/audited.decorator';
import { ConsentDto, RevokeConsentDto } from '../dto/document-request.dto';
import { ConsentViewDto } from '../dto/document-response.dto';
import { ElectronicConsentService } from '../service/electronic-consent.service';

/** Staff record the 电子送达确认书 the institution signed on paper; without it, documents are served otherwise. */
@ApiTags('documents (文书与送达)')
@ApiBearerAuth()
@Controller('institutions/:uscc/service-consent')
export class ServiceConsentController {
  constructor(private readonly consent: ElectronicConsentService) {}

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'service-consent', idParam: 'uscc' })
  @ApiOperation({ summary: '机构现行的电子送达确认书；未签署为 404 CONSENT_NOT_FOUND' })
  @ApiOkResponse({ type: ConsentViewDto })
  current(@Param('uscc') uscc: string) {
    return this.consent.current(uscc);
  }

  @Put()
  @Access('officer', 'approver')
  @Audited({ action: 'update', resource: 'service-consent', idParam: 'uscc' })
  @ApiOperation({ summary: '登记机构签署的电子送达确认书（替代此前的确认书）' })
  @ApiOkResponse({ type: ConsentViewDto })
  record(@Param('uscc') uscc: string, @Body() dto: ConsentDto, @CurrentUser() user: AuthUser) {
    return this.consent.record(uscc, dto, user.id);
  }

  @Post('revoke')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'update', resource: 'service-consent', idParam: 'uscc' })
  @ApiOperation({ summary: '登记机构撤回电子送达确认：此后的文书以其他方式送达' })
  @ApiOkResponse({ type: ConsentViewDto })
  revoke(@Param('uscc') uscc: string, @Body() dto: RevokeConsentDto, @CurrentUser() user: AuthUser) {
    return this.consent.revoke(uscc, dto.revokedOn, dto.reason, user.id);
  }
}
