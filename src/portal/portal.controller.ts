import { Body, Controller, Get, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { SingleFileUpload } from '../common/http/single-file-upload';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { ObjectionDto, RectificationReportDto, RepairApplicationDto } from './dto/portal.dto';
import { PortalCaseViewDto } from './dto/portal-case-view.dto';
import { PortalCaseDto, PortalDeadlineDto, PortalSubmissionResultDto, UploadedEvidenceDto } from './dto/portal-response.dto';
import { PortalCaseService } from './portal-case.service';
import { PortalService } from './portal.service';
import { UploadsService } from './uploads.service';

const MAX_UPLOAD = Number(process.env.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024);

/** The institution portal: institution accounts only, each bound to its own USCC. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal')
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly uploads: UploadsService,
    private readonly caseView: PortalCaseService,
  ) {}

  @Get('deadlines')
  @Access('institution')
  @Audited({ action: 'list', resource: 'deadline' })
  @ApiOkResponse({ type: [PortalDeadlineDto] })
  deadlines(@CurrentUser() user: AuthUser) {
    return this.portal.deadlines(user);
  }

  @Get('cases')
  @Access('institution')
  @Audited({ action: 'list', resource: 'case' })
  @ApiOkResponse({ type: [PortalCaseDto] })
  cases(@CurrentUser() user: AuthUser) {
    return this.caseView.list(user);
  }

  /** The institution's own case: only what is addressed to it (portal-case.service.ts); staff use GET /api/cases/:caseNo. */
  @Get('cases/:caseNo')
  @Access('institution')
  @OwnDataOnly('caseNo')
  @Audited({ action: 'read', resource: 'case', idParam: 'caseNo' })
  @ApiOkResponse({ type: PortalCaseViewDto })
  case(@Param('caseNo') caseNo: string, @CurrentUser() user: AuthUser): Promise<PortalCaseViewDto> {
    return this.caseView.view(caseNo, user);
  }

  @Post('uploads')
  @Access('institution')
  @Audited({ action: 'create', resource: 'upload' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: UploadedEvidenceDto })
  @UseInterceptors(SingleFileUpload('file', MAX_UPLOAD, { storage: memoryStorage() }))
  upload(@UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: AuthUser) {
    return this.uploads.store(file, user);
  }

  @Post('cases/:caseNo/objection')
  @HttpCode(200)
  @Access('institution')
  @OwnDataOnly('caseNo')
  @Audited({ action: 'create', resource: 'objection', idParam: 'caseNo' })
  @ApiOkResponse({ type: PortalSubmissionResultDto })
  objection(@Param('caseNo') caseNo: string, @Body() dto: ObjectionDto, @CurrentUser() user: AuthUser) {
    return this.portal.objection(caseNo, user, dto.reason, dto.fileIds);
  }

  /** 陈述申辩 against a proposed listing on the serious-dishonesty list, within its period (国办发〔2020〕49号). */
  @Post('cases/:caseNo/statement')
  @HttpCode(200)
  @Access('institution')
  @OwnDataOnly('caseNo')
  @Audited({ action: 'create', resource: 'statement', idParam: 'caseNo' })
  @ApiOkResponse({ type: PortalSubmissionResultDto })
  statement(@Param('caseNo') caseNo: string, @Body() dto: ObjectionDto, @CurrentUser() user: AuthUser) {
    return this.portal.statement(caseNo, user, dto.reason, dto.fileIds);
  }

  @Post('cases/:caseNo/rectification-report')
  @HttpCode(200)
  @Access('institution')
  @OwnDataOnly('caseNo')
  @Audited({ action: 'create', resource: 'rectification-report', idParam: 'caseNo' })
  @ApiOkResponse({ type: PortalSubmissionResultDto })
  rectification(@Param('caseNo') caseNo: string, @Body() dto: RectificationReportDto, @CurrentUser() user: AuthUser) {
    return this.portal.rectificationReport(caseNo, user, dto.summary, dto.fileIds);
  }

  @Post('cases/:caseNo/repair-application')
  @HttpCode(200)
  @Access('institution')
  @OwnDataOnly('caseNo')
  @Audited({ action: 'create', resource: 'repair-application', idParam: 'caseNo' })
  @ApiOkResponse({ type: PortalSubmissionResultDto })
  repair(@Param('caseNo') caseNo: string, @Body() dto: RepairApplicationDto, @CurrentUser() user: AuthUser) {
    return this.portal.repairApplication(caseNo, user, dto.commitment, dto.fileIds, dto.routes);
  }
}
