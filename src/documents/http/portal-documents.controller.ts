import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, OwnDataOnly } from '../../auth/access.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import type { AuthUser } from '../../auth/role';
import { Audited } from '../../audit/audited.decorator';
import { DocumentReadsService } from '../document-reads.service';
import { ConsentViewDto, DocumentOpenedDto, DocumentSummaryDto } from '../dto/document-response.dto';
import { ElectronicConsentService } from '../service/electronic-consent.service';
import { ServiceRecordsService } from '../service/service-records.service';
import { uuid } from './documents.controller';

/** The institution's side: the documents issued to it (and only those), their opening, its consent to e-service. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal')
export class PortalDocumentsController {
  constructor(
    private readonly reads: DocumentReadsService,
    private readonly service: ServiceRecordsService,
    private readonly consent: ElectronicConsentService,
  ) {}

  @Get('cases/:caseNo/documents')
  @Access('institution')
  @OwnDataOnly('caseNo')
  @Audited({ action: 'list', resource: 'document', idParam: 'caseNo' })
  @ApiOperation({ summary: '本机构案件中送达本机构的文书' })
  @ApiOkResponse({ type: [DocumentSummaryDto] })
  list(@Param('caseNo') caseNo: string, @CurrentUser() user: AuthUser) {
    return this.reads.listForPortal(caseNo, user);
  }

  @Post('documents/:id/opened')
  @HttpCode(200)
  @Access('institution')
  @OwnDataOnly('id')
  @Audited({ action: 'update', resource: 'document-opening', idParam: 'id' })
  @ApiOperation({ summary: '记录本机构已打开文书（签收证明，重复调用不变；不改变送达时间）' })
  @ApiOkResponse({ type: DocumentOpenedDto })
  opened(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return this.service.opened(id, user);
  }

  @Get('service-consent')
  @Access('institution')
  @Audited({ action: 'read', resource: 'service-consent' })
  @ApiOperation({ summary: '本机构的电子送达确认书（确认的送达地址已脱敏）' })
  @ApiOkResponse({ type: ConsentViewDto })
  @ApiNotFoundResponse({ description: '本机构未签署（或已撤回）电子送达确认书（CONSENT_NOT_FOUND）' })
  myConsent(@CurrentUser() user: AuthUser) {
    return this.consent.current(user.uscc!);
  }
}
