import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { STAFF } from '../auth/role';
import { DomainException } from '../common/errors/domain.exception';
import { PoliciesService, PolicyVersion } from './policies.service';

const versionPipe = new ParseIntPipe({ exceptionFactory: () => new DomainException('VALIDATION_FAILED', '政策版本号必须是整数') });

@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get('active')
  @Access(...STAFF)
  active(): Promise<PolicyVersion> {
    return this.policies.active();
  }

  /** Officers need the rules an older case still runs under. */
  @Get(':version')
  @Access(...STAFF)
  byVersion(@Param('version', versionPipe) version: number): Promise<PolicyVersion> {
    return this.policies.byVersion(version);
  }
}
