import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access, OwnDataOnly } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser, STAFF } from '../auth/role';
import { CreditFileService } from './credit-file.service';
import { ChainVerificationDto, CreditFileDto, CreditRecordDto } from './dto/credit-record-response.dto';
import { ManualRecordDto } from './dto/manual-record.dto';
import { assertVisibleTo } from './visibility';
import { creditRecordNotFound } from './credit-record.errors';
import { idInvalid } from '../common/errors/common.errors';

export const uuidPipe = new ParseUUIDPipe({ exceptionFactory: () => idInvalid() });

@ApiTags('credit-file')
@ApiBearerAuth()
@Controller('institutions/:uscc/credit-file')
export class CreditFileController {
  constructor(private readonly file: CreditFileService) {}

  @Get()
  @Access(...STAFF, 'institution')
  @OwnDataOnly('uscc')
  @Audited({ action: 'read', resource: 'credit-file', idParam: 'uscc' })
  @ApiOperation({ summary: '机构信用档案（全部记录及其当前状态）；机构账号只能查看本机构' })
  @ApiOkResponse({ type: CreditFileDto })
  async list(@Param('uscc') uscc: string, @CurrentUser() user: AuthUser) {
    const items = await this.file.fileOf(assertVisibleTo(uscc, user), { includeUnpublished: true });
    return { uscc: uscc.toUpperCase(), items };
  }

  @Get('verify')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('uscc')
  @Audited({ action: 'read', resource: 'credit-file-chain', idParam: 'uscc' })
  @ApiOperation({ summary: '重新计算哈希链，指出第一处断裂' })
  @ApiOkResponse({ type: ChainVerificationDto })
  async verify(@Param('uscc') uscc: string, @CurrentUser() user: AuthUser) {
    return { uscc: uscc.toUpperCase(), ...(await this.file.verifyChain(assertVisibleTo(uscc, user))) };
  }

  @Get(':recordId')
  @Access(...STAFF, 'institution')
  @OwnDataOnly('uscc')
  @Audited({ action: 'read', resource: 'credit-record', idParam: 'recordId' })
  @ApiOkResponse({ type: CreditRecordDto })
  async one(@Param('uscc') uscc: string, @Param('recordId', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    const record = await this.file.recordOf(id);
    if (record.uscc !== assertVisibleTo(uscc, user)) throw creditRecordNotFound();
    return record;
  }

  @Post()
  @Access('officer', 'approver')
  @Audited({ action: 'create', resource: 'credit-record', idParam: 'uscc' })
  @ApiOperation({ summary: '登记表彰/守信记录或外部门报送记录' })
  @ApiCreatedResponse({ type: CreditRecordDto })
  add(@Param('uscc') uscc: string, @Body() dto: ManualRecordDto, @CurrentUser() user: AuthUser) {
    return this.file.append({
      uscc, kind: dto.kind, title: dto.title, decisionDate: dto.decisionDate, severity: dto.severity ?? null,
      publicityFrom: dto.publicityFrom ?? (dto.kind === 'honour' ? dto.decisionDate : null),
      publicityUntil: dto.publicityUntil ?? null,
      payload: { documentNo: dto.documentNo, ...(dto.details ?? {}) },
      sourceRef: `${dto.kind}:${dto.documentNo}`,
      officeCode: user.officeCode, createdBy: user.id, submitToPlatform: false,
    });
  }
}
