import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Audited } from '../../audit/audited.decorator';
import { Public } from '../../auth/access.decorator';
import { PublicThrottlerGuard, publicLimit, publicTtlMs } from '../../public/public-throttler.guard';
import { DocumentVerificationService } from '../document-verification.service';
import { VerifyQueryDto } from '../dto/document-request.dto';
import { VerificationResultDto } from '../dto/document-response.dto';

/**
 * Anyone holding a decision can check it: the code printed on it (and in its QR code) is ≥ 128 random bits, so the
 * route cannot be used to list documents; rate-limited per address with the other public routes.
 */
@ApiTags('public (公众查询)')
@Controller('public/documents')
@Public()
@UseGuards(PublicThrottlerGuard)
@Throttle({ default: { limit: publicLimit, ttl: publicTtlMs } })
export class PublicDocumentsController {
  constructor(private readonly verification: DocumentVerificationService) {}

  @Get('verify')
  @Audited({ action: 'read', resource: 'public-document' })
  @ApiOperation({ summary: '按验证码核验文书：种类、文号、日期、发文机关、受文单位（脱敏），存档文件与电子签名是否完好' })
  @ApiOkResponse({ type: VerificationResultDto })
  verify(@Query() query: VerifyQueryDto) {
    return this.verification.verify(query.code);
  }
}
