import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Audited } from '../audit/audited.decorator';
import { Public } from '../auth/access.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { PUBLIC_TTL_MS, PublicThrottlerGuard, publicLimit } from './public-throttler.guard';
import { PublicService } from './public.service';

const pageOf = (v: string | undefined, fallback: number, max: number, name: string) => {
  if (v === undefined || v === '') return fallback;
  if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > max) throw new DomainException('VALIDATION_FAILED', `${name} 必须是 1–${max} 的整数`);
  return Number(v);
};

/** Anyone may read what is in publication; rate-limited per address so the file cannot be scraped wholesale. */
@ApiTags('public (公众查询)')
@Controller('public')
@Public()
@UseGuards(PublicThrottlerGuard)
@Throttle({ default: { limit: publicLimit, ttl: PUBLIC_TTL_MS } })
export class PublicController {
  constructor(private readonly publicService: PublicService) {}

  @Get('institutions')
  @Audited({ action: 'list', resource: 'public-institution' })
  @ApiOperation({ summary: '按名称或统一社会信用代码查询机构' })
  @ApiQuery({ name: 'q', required: true })
  search(@Query('q') q?: string) {
    if (!q || q.trim().length < 2) throw new DomainException('VALIDATION_FAILED', '请输入至少 2 个字的机构名称或统一社会信用代码');
    return this.publicService.searchInstitutions(q);
  }

  @Get('institutions/:uscc')
  @Audited({ action: 'read', resource: 'public-institution', idParam: 'uscc' })
  @ApiOperation({ summary: '机构公开信用信息（仅公示中的记录，个人信息已脱敏）' })
  institution(@Param('uscc') uscc: string) {
    return this.publicService.institution(uscc);
  }

  @Get('publicity')
  @Audited({ action: 'list', resource: 'public-publicity' })
  @ApiOperation({ summary: '双公示查询：公示中的行政许可和行政处罚' })
  @ApiQuery({ name: 'kind', required: false, enum: ['licence', 'penalty'] }) @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  publicity(@Query('kind') kind?: string, @Query('q') q?: string, @Query('page') page?: string, @Query('pageSize') pageSize?: string) {
    if (kind !== undefined && kind !== 'licence' && kind !== 'penalty') throw new DomainException('VALIDATION_FAILED', 'kind 只能是 licence 或 penalty');
    return this.publicService.publicity({ kind, q, page: pageOf(page, 1, 10000, 'page'), pageSize: pageOf(pageSize, 20, 100, 'pageSize') });
  }
}
