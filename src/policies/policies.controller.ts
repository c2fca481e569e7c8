import { Body, Controller, Get, HttpCode, Param, PipeTransform, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsObject, IsString, Length } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import type { ProposalView } from '../common/four-eyes/four-eyes.service';
import { PoliciesService, PolicyVersion } from './policies.service';
import { PolicyProposals } from './policy-proposals';
import type { PolicyDocument } from './policy.types';
import { validationFailed } from '../common/errors/common.errors';

export class PublishPolicyDto {
  @ApiProperty({ description: '相对当前生效版本的修改，例如 {"objectionDays": 7}；整份文件在发布前整体校验' })
  @IsObject({ message: 'changes 必须是对象' })
  changes: Record<string, unknown>;

  @ApiProperty({ description: '发布说明（依据、文号）' })
  @IsString({ message: '发布说明必须是文本' }) @Length(2, 500, { message: '发布说明应为 2–500 个字符' })
  note: string;
}

export class PolicyVersionDto {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '完整的政策文件（期限、公示期、信用等级、监管参数）' })
  document: Record<string, unknown>;
}

/** Versions count from 1 in a PostgreSQL integer; a larger number names no version and must not reach the query. */
const versionPipe: PipeTransform<string, number> = {
  transform(value) {
    const version = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(version >= 1 && version <= 2_147_483_647)) throw validationFailed('政策版本号必须是正整数');
    return version;
  },
};

@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(
    private readonly policies: PoliciesService,
    private readonly proposals: PolicyProposals,
  ) {}

  @Get('active')
  @Access(...STAFF)
  @ApiOkResponse({ type: PolicyVersionDto })
  active(): Promise<PolicyVersion> {
    return this.policies.active();
  }

  /** Every deadline follows the policy, so one administrator proposes and another approves (docs/four-eyes.md). */
  @Post()
  @HttpCode(202)
  @Access('admin')
  @Audited({ action: 'create', resource: 'policy-proposal' })
  @ApiOperation({ summary: '提出新的政策版本（整份校验）；另一名管理员在 /api/decision-proposals/{id}/approve 批准后生效' })
  @ApiAcceptedResponse({ type: DecisionProposalDto })
  publish(@Body() dto: PublishPolicyDto, @CurrentUser() user: AuthUser): Promise<ProposalView> {
    return this.proposals.propose(dto.changes as Partial<PolicyDocument>, dto.note, user);
  }

  /** Officers need the rules an older case still runs under. */
  @Get(':version')
  @Access(...STAFF)
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } })
  @ApiOkResponse({ type: PolicyVersionDto })
  byVersion(@Param('version', versionPipe) version: number): Promise<PolicyVersion> {
    return this.policies.byVersion(version);
  }
}
