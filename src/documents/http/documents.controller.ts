import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Access, OwnDataOnly } from '../../auth/access.decorator';
import { CurrentUser } from '../../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../../auth/role';
import { Audited } from '../../audit/audited.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { CaseFileService } from '../case-file/case-file.service';
import { DocumentReadsService } from '../document-reads.service';
import { DocumentsService } from '../documents.service';
import { DraftDocumentDto, RecordServiceDto, VoidDocumentDto } from '../dto/document-request.dto';
import { DocumentSummaryDto, IssuedDocumentDto, ServiceRecordDto } from '../dto/document-response.dto';
import { DocumentServedSignal } from '../service/document-served-signal.service';
import { ServiceRecordsService } from '../service/service-records.service';
import { ApiFile, fileResponse } from './file-response';
import { DocumentErrorCode } from '../document.errors';

export const uuid = new ParseUUIDPipe({ exceptionFactory: () => new DomainException(DocumentErrorCode.DOCUMENT_ID_INVALID, '文书编号格式不正确') });

/** Staff's side of the documents of a case: list, draft, issue, void a draft, record service, files, the case file. */
@ApiTags('documents (文书与送达)')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly reads: DocumentReadsService,
    private readonly service: ServiceRecordsService,
    private readonly caseFile: CaseFileService,
    private readonly served: DocumentServedSignal,
  ) {}

  @Get('cases/:caseNo/documents')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'document', idParam: 'caseNo' })
  @ApiOperation({ summary: '案件的全部文书（含草稿和作废文号），及其送达和打开情况' })
  @ApiOkResponse({ type: [DocumentSummaryDto] })
  list(@Param('caseNo') caseNo: string) {
    return this.reads.listForCase(caseNo);
  }

  @Post('cases/:caseNo/documents')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'document', idParam: 'caseNo' })
  @ApiOperation({ summary: '起草文书：按案件数据和模板生成草稿并取得文号（作废的文号留档、不再使用）' })
  @ApiCreatedResponse({ type: IssuedDocumentDto })
  async draft(@Param('caseNo') caseNo: string, @Body() dto: DraftDocumentDto, @CurrentUser() user: AuthUser) {
    await this.reads.assertOwningOffice(caseNo, user);
    return this.documents.draft({
      kind: dto.kind, caseNo, data: dto.data, templateVersion: dto.templateVersion, actorId: user.id, idempotencyKey: `http:${randomUUID()}`,
      replaces: dto.replaces ? { id: dto.replaces, reason: dto.correctionReason ?? '' } : undefined,
    });
  }

  @Post('documents/:id/issue')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'document', idParam: 'id' })
  @ApiOperation({ summary: '签发草稿：生成 PDF、电子签名；机构已签署电子送达确认书的，即时送达至机构门户' })
  @ApiOkResponse({ type: IssuedDocumentDto })
  async issue(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    await this.reads.readable(id, user);
    return this.documents.issueDraft(id, user.id);
  }

  @Post('documents/:id/void')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'transition', resource: 'document', idParam: 'id' })
  @ApiOperation({ summary: '作废草稿及其文号（已签发的文书不能作废，只能以更正文书替代）' })
  @ApiOkResponse({ type: IssuedDocumentDto })
  async void(@Param('id', uuid) id: string, @Body() dto: VoidDocumentDto, @CurrentUser() user: AuthUser) {
    await this.reads.readable(id, user);
    return this.documents.voidDraft(id, dto.reason, user.id);
  }

  @Post('documents/:id/service')
  @HttpCode(200)
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'document-service', idParam: 'id' })
  @ApiOperation({ summary: '登记送达：直接、留置送达同时签发送达回证；公告送达自公告之日起满三十日视为送达；等待送达的案件自送达之次日起计算期限' })
  @ApiOkResponse({ type: ServiceRecordDto })
  async serve(@Param('id', uuid) id: string, @Body() dto: RecordServiceDto, @CurrentUser() user: AuthUser) {
    await this.reads.readable(id, user);
    const service = await this.service.record(id, dto, user.id);
    // after the commit: the case waiting for this service goes on, its deadline counted from servedOn
    await this.served.send(service, user);
    return service;
  }

  @Get('documents/:id/pdf')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('id')
  @Audited({ action: 'read', resource: 'document', idParam: 'id' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '文书 PDF：承办科室工作人员和受文机构可下载；机构下载即记录为打开（签收证明）' })
  @ApiFile('application/pdf', '签发的 PDF（草稿为未签名的预览）')
  async pdf(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return fileResponse(await this.reads.pdf(id, user), 'inline');
  }

  @Get('documents/:id/docx')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'document', idParam: 'id' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '文书 Word 版（供经办人修改草稿），文字与 PDF 相同' })
  @ApiFile('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word 文档')
  async docx(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return fileResponse(await this.reads.docx(id, user), 'attachment');
  }

  @Get('cases/:caseNo/case-file.pdf')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'case-file', idParam: 'caseNo' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '导出案卷：封面、卷内目录（文书、送达记录、证据材料、决定）及全部已签发文书，连续编页' })
  @ApiFile('application/pdf', '案卷 PDF')
  async caseFilePdf(@Param('caseNo') caseNo: string) {
    const { bytes, filename } = await this.caseFile.export(caseNo);
    return fileResponse({ bytes, filename, contentType: 'application/pdf' }, 'attachment');
  }
}
