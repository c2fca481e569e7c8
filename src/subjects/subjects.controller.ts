import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { SingleFileUpload } from '../common/http/single-file-upload';
import { uuidPipe } from '../credit-file/credit-file.controller';
import { UploadedEvidenceDto } from '../portal/dto/portal-response.dto';
import { UploadsService } from '../portal/uploads.service';
import { CounterIntakeService } from './counter-intake.service';
import {
  CounterIntakeDto, CounterIntakeListDto, CounterIntakeViewDto, DecideIntakeDto, OpenIntakeListDto, OpenIntakeQueryDto, PersonDto, PersonRecordsDto, SubjectSearchDto,
  SubjectSearchResultDto,
} from './dto/subject.dto';
import { SubjectsService } from './subjects.service';

const MAX_UPLOAD = Number(process.env.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024);

/**
 * Natural persons as subjects (issue #19, docs/subjects.md). Staff only: a person has no account, and nothing here is
 * public. Routes are keyed by the subject id; the ID number travels only in a POST body.
 */
@ApiTags('subjects (主体：自然人)')
@ApiBearerAuth()
@Controller('subjects')
export class SubjectsController {
  constructor(
    private readonly subjects: SubjectsService,
    private readonly intake: CounterIntakeService,
    private readonly uploads: UploadsService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'subject-search' })
  @ApiOperation({ summary: '按证件号码查找自然人主体编号（请求体传号码，不用查询参数；号码不落日志）' })
  @ApiOkResponse({ type: SubjectSearchResultDto })
  search(@Body() dto: SubjectSearchDto) {
    return this.subjects.search(dto.idNumber);
  }

  @Get(':id')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'subject', idParam: 'id' })
  @ApiOkResponse({ type: PersonDto })
  get(@Param('id', uuidPipe) id: string) {
    return this.subjects.person(id);
  }

  @Get(':id/credit-file')
  @Access(...STAFF)
  @Audited({ action: 'read', resource: 'subject-credit-file', idParam: 'id' })
  @ApiOperation({ summary: '自然人的信用档案（证件号码脱敏）' })
  @ApiOkResponse({ type: PersonRecordsDto })
  async creditFile(@Param('id', uuidPipe) id: string) {
    return { subjectId: id, items: await this.subjects.records(id) };
  }

  @Post(':id/uploads')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'subject-upload', idParam: 'id' })
  @ApiOperation({ summary: '上传自然人在窗口或邮寄递交的材料扫描件' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: UploadedEvidenceDto })
  @UseInterceptors(SingleFileUpload('file', MAX_UPLOAD, { storage: memoryStorage() }))
  async upload(@Param('id', uuidPipe) id: string, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: AuthUser) {
    await this.subjects.person(id);
    return this.uploads.store(file, user, id);
  }

  @Post(':id/intakes')
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'counter-intake', idParam: 'id' })
  @ApiOperation({ summary: '窗口登记：录入自然人在窗口递交或邮寄的异议、陈述申辩材料（收到日期、扫描件）；异议须填送达日期，系统计算异议期、是否逾期及受理、答复期限' })
  @ApiCreatedResponse({ type: CounterIntakeViewDto })
  enter(@Param('id', uuidPipe) id: string, @Body() dto: CounterIntakeDto, @CurrentUser() user: AuthUser) {
    return this.intake.enter(id, dto, user);
  }

  @Get(':id/intakes')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'counter-intake', idParam: 'id' })
  @ApiOkResponse({ type: CounterIntakeListDto })
  intakes(@Param('id', uuidPipe) id: string) {
    return this.intake.list(id);
  }

  @Get('intakes/open')
  @Access(...STAFF)
  @Audited({ action: 'list', resource: 'counter-intake' })
  @ApiOperation({ summary: '待复核的窗口异议（经办人任务）：按答复期限排序，标明逾期未答复和逾期提出的异议' })
  @ApiOkResponse({ type: OpenIntakeListDto })
  openIntakes(@Query() q: OpenIntakeQueryDto) {
    return this.intake.open(q.overdue === 'true');
  }

  @Post('intakes/:intakeId/decision')
  @HttpCode(200)
  @Access('approver')
  @Audited({ action: 'transition', resource: 'counter-intake', idParam: 'intakeId' })
  @ApiOperation({ summary: '对窗口登记的异议作出处理决定并签发异议处理结果告知书（纸质送达）；录入人本人不能决定（403 SAME_PERSON）' })
  @ApiOkResponse({ type: CounterIntakeViewDto })
  decide(@Param('intakeId', uuidPipe) intakeId: string, @Body() dto: DecideIntakeDto, @CurrentUser() user: AuthUser) {
    return this.intake.decide(intakeId, dto, user);
  }
}
