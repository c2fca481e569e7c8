import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '../auth/access.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { DocumentSettingsService } from '../documents/settings/document-settings.service';
import { PublicThrottlerGuard, publicLimit, publicTtlMs } from '../public/public-throttler.guard';

export class BureauDto {
  @ApiProperty({ nullable: true, type: String, example: '连云港市连云区教育局', description: '发文机关（文书设置），尚未设置时为空' })
  name: string | null;
}

/**
 * The bureau's name for the console's header, login and public pages. It is the issuing body of the document settings
 * (an administrator edits it there), so the console never prints a hard-coded district; public because the login and
 * public lookup pages show it before anyone signs in. It carries no credit information, hence not audited.
 */
@ApiTags('public (公众查询)')
@Controller('public/bureau')
@Public()
@UseGuards(PublicThrottlerGuard)
@Throttle({ default: { limit: publicLimit, ttl: publicTtlMs } })
export class BureauController {
  constructor(private readonly settings: DocumentSettingsService) {}

  @Get()
  @ApiOperation({ summary: '本系统所属教育局名称（取自文书设置的发文机关）' })
  @ApiOkResponse({ type: BureauDto })
  async bureau(): Promise<BureauDto> {
    // before an administrator has saved the settings the console shows its generic title only
    try {
      return { name: (await this.settings.get()).issuerName };
    } catch (err) {
      if (err instanceof DomainException && err.code === 'DOCUMENT_SETTINGS_MISSING') return { name: null };
      throw err;
    }
  }
}
