import { Body, Controller, Get, HttpCode, Param, PipeTransform, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { STAFF, type AuthUser } from '../auth/role';
import { Audited } from '../audit/audited.decorator';
import { toDayNumber } from '../calendar/iso-date';
import { DecisionProposalDto } from '../common/four-eyes/four-eyes.dto';
import type { ProposalView } from '../common/four-eyes/four-eyes.service';
import { PoliciesService, PolicyVersion } from './policies.service';
import { PolicyProposals } from './policy-proposals';
import { PolicyResolver } from './policy-resolver';
import type { PolicyDocument } from './policy.types';
import { validationFailed } from '../common/errors/common.errors';

export class PublishPolicyDto {
  @ApiProperty({ description: '相对当前生效版本的修改，例如 {"objectionDays": 7}；整份文件在发布前整体校验' })
  @IsObject({ message: 'changes 必须是对象' })
  changes: Record<string, unknown>;

  @ApiProperty({ description: '发布说明（依据、文号）' })
  @IsString({ message: '发布说明必须是文本' }) @Length(2, 500, { message: '发布说明应为 2–500 个字符' })
  note: string;

  @ApiPropertyOptional({ format: 'date', description: '施行日期（北京时间，不早于今天）；晚于今天即提前发布，届时自动施行；不填为批准即施行' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '施行日期应为 YYYY-MM-DD' })
  effectiveFrom?: string;
}

export class ResolvePolicyQuery {
  @ApiProperty({ format: 'date', description: '违法行为发生之日' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '行为发生日期应为 YYYY-MM-DD' })
  occurredOn: string;

  @ApiPropertyOptional({ enum: ['minor', 'general', 'serious'], description: '失信程度（比较轻重时只比较该程度的公示期）' })
  @IsOptional() @IsIn(['minor', 'general', 'serious'], { message: '失信程度应为 minor、general 或 serious' })
  severity?: 'minor' | 'general' | 'serious';
}

export class PolicyChangeDto {
  @ApiProperty({ description: '政策项路径，例如 publicity.serious.maxMonths' }) path: string;
  @ApiProperty({ nullable: true, description: '现行值' }) before: unknown;
  @ApiProperty({ nullable: true, description: '新值' }) after: unknown;
}

export class UpcomingPolicyDto {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [PolicyChangeDto] }) changes: PolicyChangeDto[];
}

export class PolicyVersionDto {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '完整的政策文件（期限、公示期、信用等级、监管参数）' })
  document: Record<string, unknown>;
}

export class ResolvedPolicyDto extends PolicyVersionDto {
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ description: '适用理由（从旧兼从轻）' }) reason: string;
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
    private readonly resolver: PolicyResolver,
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
    return this.proposals.propose(dto.changes as Partial<PolicyDocument>, dto.note, user, dto.effectiveFrom);
  }

  @Get('upcoming')
  @Access(...STAFF)
  @ApiOperation({ summary: '已提前发布、尚未施行的政策版本及其相对现行版本的改动' })
  @ApiOkResponse({ type: [UpcomingPolicyDto] })
  upcoming() {
    return this.policies.upcoming();
  }

  /** 行政处罚法 art. 37: which version a case is judged by, for a behaviour on `occurredOn` (从旧兼从轻). */
  @Get('for-behaviour')
  @Access(...STAFF)
  @ApiOperation({ summary: '按行为发生日确定适用的政策版本（从旧兼从轻）' })
  @ApiOkResponse({ type: ResolvedPolicyDto })
  forBehaviour(@Query() q: ResolvePolicyQuery) {
    toDayNumber(q.occurredOn);
    return this.resolver.forBehaviour(q.occurredOn, undefined, q.severity ?? null);
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
