import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { SingleFileUpload } from '../common/http/single-file-upload';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { CreateInstitutionDto } from './dto/create-institution.dto';
import { ImportJobDto } from './dto/import-job.dto';
import { InstitutionPageDto, InstitutionResponseDto } from './dto/institution-response.dto';
import { ListInstitutionsQuery } from './dto/list-institutions.query';
import { UpdateInstitutionDto } from './dto/update-institution.dto';
import { InstitutionImportJobs } from './import-jobs.service';
import { IMPORT_HEADERS } from './institution-import.service';
import { MAX_IMPORT_ROWS, type UploadedSheet } from './institution-sheet.reader';
import { InstitutionsService } from './institutions.service';
import { InstitutionErrorCode } from './institution.errors';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionsController {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly imports: InstitutionImportJobs,
  ) {}

  @Post()
  @Access('officer', 'approver', 'admin')
  @Audited({ action: 'create', resource: 'institution' })
  @ApiOperation({ summary: '登记机构' })
  @ApiResponse({ status: 201, type: InstitutionResponseDto })
  @ApiResponse({ status: 400, description: 'USCC_INVALID / ID_NUMBER_INVALID / VALIDATION_FAILED / OFFICE_UNKNOWN' })
  @ApiResponse({ status: 409, description: 'INSTITUTION_EXISTS' })
  create(@Body() dto: CreateInstitutionDto): Promise<InstitutionResponseDto> {
    return this.institutions.create(dto);
  }

  @Post('import')
  @HttpCode(202)
  @Access('officer', 'admin')
  @Audited({ action: 'import', resource: 'institution' })
  @UseInterceptors(SingleFileUpload('file', MAX_IMPORT_BYTES))
  @ApiOperation({
    summary: `批量导入机构（.xlsx 或 UTF-8 .csv，≤5MB，≤${MAX_IMPORT_ROWS} 行；表头：${Object.values(IMPORT_HEADERS).join('、')}）`,
    description: '文件通过检查后在后台导入，立即返回导入任务；用 GET /institutions/import/{id} 查看进度和逐行结果。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 202, type: ImportJobDto })
  @ApiResponse({ status: 400, description: 'IMPORT_FILE_TOO_LARGE_UNPACKED / IMPORT_FILE_UNREADABLE / IMPORT_FILE_ENCODING' })
  @ApiResponse({ status: 415, description: 'IMPORT_FILE_TYPE' })
  importFile(@UploadedFile() file: UploadedSheet | undefined, @CurrentUser() user: AuthUser): Promise<ImportJobDto> {
    return this.imports.submit(file, user);
  }

  @Get('import/:id')
  @Access('officer', 'admin')
  @Audited({ action: 'read', resource: 'institution-import', idParam: 'id' })
  @ApiOperation({ summary: '查看本人提交的导入任务的进度和结果' })
  @ApiParam({ name: 'id', description: '导入任务编号' })
  @ApiResponse({ status: 200, type: ImportJobDto })
  @ApiResponse({ status: 404, description: 'IMPORT_NOT_FOUND（不存在，或不是本人提交的）' })
  importStatus(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ImportJobDto> {
    return this.imports.status(id, user);
  }

  @Get()
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'institution' })
  @ApiOperation({ summary: '查询机构列表' })
  @ApiResponse({ status: 200, type: InstitutionPageDto })
  list(@Query() query: ListInstitutionsQuery): Promise<InstitutionPageDto> {
    return this.institutions.list(query);
  }

  @Get(':uscc')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('uscc')
  @Audited({ action: 'read', resource: 'institution', idParam: 'uscc' })
  @ApiOperation({ summary: '查看机构；机构账号只能查看本机构' })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码' })
  @ApiResponse({ status: 200, type: InstitutionResponseDto })
  @ApiResponse({ status: 404, description: InstitutionErrorCode.INSTITUTION_NOT_FOUND })
  get(@Param('uscc') uscc: string, @CurrentUser() user: AuthUser): Promise<InstitutionResponseDto> {
    return this.institutions.getVisibleTo(uscc, user);
  }

  @Patch(':uscc')
  @Access('officer', 'approver', 'admin')
  @Audited({ action: 'update', resource: 'institution', idParam: 'uscc' })
  @ApiOperation({ summary: '修改机构信息（可带 version 做乐观锁）' })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码' })
  @ApiResponse({ status: 200, type: InstitutionResponseDto })
  @ApiResponse({ status: 409, description: InstitutionErrorCode.VERSION_CONFLICT })
  update(@Param('uscc') uscc: string, @Body() dto: UpdateInstitutionDto): Promise<InstitutionResponseDto> {
    return this.institutions.update(uscc, dto);
  }
}
