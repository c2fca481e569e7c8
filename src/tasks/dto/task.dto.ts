import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max,
  Min,
} from 'class-validator';
import { IsUscc } from '../../common/validation/uscc';
import { CASE_STAGES, INTERVIEW_CHOICES, SEVERITIES, type InterviewChoice, type Severity } from '../../../workflows/contracts';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class WorklistQueryDto {
  @ApiPropertyOptional({ enum: CASE_STAGES, description: '案件阶段' })
  @IsOptional() @IsIn(CASE_STAGES, { message: '案件阶段不正确' })
  stage?: string;

  @ApiPropertyOptional({ description: '案件编号' })
  @IsOptional() @IsString({ message: '案件编号必须是文本' })
  caseNo?: string;

  @ApiPropertyOptional({ description: '科室代码' })
  @IsOptional() @IsString({ message: '科室代码必须是文本' })
  officeCode?: string;

  @ApiPropertyOptional({ description: '机构统一社会信用代码' })
  @IsOptional() @IsUscc()
  uscc?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: '失信程度' })
  @IsOptional() @IsIn(SEVERITIES, { message: '失信程度只能是 minor、general 或 serious' })
  severity?: Severity;

  @ApiPropertyOptional({ description: '截止日期不晚于（YYYY-MM-DD）' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'dueBefore 须为 YYYY-MM-DD 格式的日期' })
  dueBefore?: string;

  @ApiPropertyOptional({ description: '只看已逾期（true）或未逾期（false）的任务' })
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'overdue 只能是 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['mine', 'unassigned', 'all'], default: 'all', description: '我的、待领取或全部可办任务' })
  @IsOptional() @IsIn(['mine', 'unassigned', 'all'], { message: 'scope 只能是 mine、unassigned 或 all' })
  scope: 'mine' | 'unassigned' | 'all' = 'all';

  @ApiPropertyOptional({ enum: ['dueDate', '-dueDate', 'priority'], default: 'dueDate' })
  @IsOptional() @IsIn(['dueDate', '-dueDate', 'priority'], { message: '排序只能是 dueDate、-dueDate 或 priority' })
  sort: 'dueDate' | '-dueDate' | 'priority' = 'dueDate';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '页码必须是整数' }) @Min(1, { message: '页码从 1 开始' }) @Max(100_000, { message: '页码不能超过 100000' })
  page = 1;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少 1 条' }) @Max(100, { message: '每页最多 100 条' })
  pageSize = 20;
}

export class CompleteTaskDto {
  @ApiProperty({ description: '办理意见' })
  @IsString({ message: '办理意见必须是文本' }) @Length(1, 2000, { message: '办理意见应为 1–2000 个字符' })
  summary: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: '失信程度（调查任务必填；异议成立时可降低）' })
  @IsOptional() @IsIn(SEVERITIES, { message: '失信程度只能是 minor、general 或 serious' })
  severity?: Severity;

  @ApiPropertyOptional({ type: [String], description: '拟采取的措施（调查任务）；确认联合惩戒时为失信惩戒措施清单的措施编号（GET /api/measures/catalogue），可确认部分或不确认' })
  @IsOptional() @IsArray({ message: '措施必须是列表' }) @ArrayMaxSize(20, { message: '措施最多 20 项' })
  @IsString({ each: true, message: '每项措施必须是文本' })
  measures?: string[];

  @ApiPropertyOptional({ description: '结论：approve/return、uphold/reject、upheld/rejected、pass/fail、accept/reject、approve/refuse、propose/not-propose、agree/disagree、list/not-list、agree/return（审核约谈意见）（按任务类型）' })
  @IsOptional() @IsIn(['approve', 'return', 'uphold', 'reject', 'upheld', 'rejected', 'pass', 'fail', 'accept', 'refuse', 'propose', 'not-propose', 'agree', 'disagree', 'list', 'not-list'], { message: '办理结论不正确' })
  decision?: string;

  @ApiPropertyOptional({ description: '列入严重失信主体名单的依据（提请列入时必填）' })
  @IsOptional() @IsString({ message: '依据必须是文本' }) @Length(1, 2000, { message: '依据应为 1–2000 个字符' })
  basis?: string;

  @ApiPropertyOptional({ enum: INTERVIEW_CHOICES, description: '拟约谈方式（提出约谈意见时必填）：reminder 提示性约谈、warning 警示性约谈、none 不约谈' })
  @IsOptional() @IsIn(INTERVIEW_CHOICES, { message: '约谈方式只能是提示性约谈、警示性约谈或不约谈' })
  interviewKind?: InterviewChoice;

  @ApiPropertyOptional({ description: '不约谈的理由（选择不约谈时必填）' })
  @IsOptional() @IsString({ message: '理由必须是文本' }) @Length(1, 2000, { message: '理由应为 1–2000 个字符' })
  reason?: string;

  @ApiPropertyOptional({ description: '约谈时间（ISO 8601）' })
  @IsOptional() @IsISO8601({ strict: true }, { message: '约谈时间格式不正确' })
  scheduledAt?: string;

  @ApiPropertyOptional({ description: '约谈地点' })
  @IsOptional() @IsString({ message: '约谈地点必须是文本' }) @Length(1, 200, { message: '约谈地点应为 1–200 个字符' })
  place?: string;

  @ApiPropertyOptional({ type: [String], description: '参加人员' })
  @IsOptional() @IsArray({ message: '参加人员必须是列表' }) @ArrayMaxSize(50, { message: '参加人员最多 50 人' })
  @IsString({ each: true, message: '参加人员必须是文本' })
  attendees?: string[];

  @ApiPropertyOptional({ description: '约谈记录' })
  @IsOptional() @IsString({ message: '约谈记录必须是文本' }) @Length(1, 10000, { message: '约谈记录应为 1–10000 个字符' })
  minutes?: string;
}

export class ReassignDto {
  @ApiProperty({ description: '改派给的用户 ID' })
  @IsUUID('all', { message: '用户 ID 格式不正确' })
  toUserId: string;
}

export class BulkReassignDto extends ReassignDto {
  @ApiProperty({ type: [String], description: '任务 ID 列表' })
  @IsArray({ message: '任务 ID 必须是列表' }) @ArrayMinSize(1, { message: '请至少选择一项任务' }) @ArrayMaxSize(200, { message: '一次最多改派 200 项任务' })
  @IsUUID('all', { each: true, message: '任务 ID 格式不正确' })
  taskIds: string[];
}
