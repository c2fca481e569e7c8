import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STAGES, SEVERITIES, TASK_KINDS } from '../../../workflows/contracts';

const TASK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'];

/** A task as the worklist shows it: the task row with its case's institution and severity. */
export class WorklistItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'LY-2026-000001' }) caseNo: string;
  @ApiProperty({ enum: TASK_KINDS }) kind: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty({ description: '可办理的角色' }) candidateRole: string;
  @ApiProperty({ type: String, nullable: true, description: '可办理的科室' }) candidateOffice: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: '提醒日' }) followUpDate: string | null;
  @ApiProperty({ type: 'integer' }) priority: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: '暂定：到期日所在年度的节假日安排尚未发布，按法定节假日计算' }) provisional: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: '距办理期限的工作日数（今天起算，到期当日为 0，逾期为负数）；日历无法确定时为空' })
  workingDaysLeft: number | null;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WorklistPageDto {
  @ApiProperty({ type: [WorklistItemDto] }) items: WorklistItemDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

/** The task row after the action. */
export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: TASK_KINDS }) kind: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty() candidateRole: string;
  @ApiProperty({ type: String, nullable: true }) candidateOffice: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) followUpDate: string | null;
  @ApiProperty({ type: 'integer' }) priority: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) claimedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) completedBy: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '办理结果' }) outcome: Record<string, unknown> | null;
  @ApiProperty() idempotencyKey: string;
  @ApiProperty({ type: 'integer', description: '任务版本：领取、退回、改派、办结各加一' }) version: number;
}

export class OpenTaskDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ enum: TASK_KINDS }) kind: string;
  @ApiProperty() candidateRole: string;
  @ApiProperty({ type: String, nullable: true }) candidateOffice: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class InstitutionDeadlineRefDto {
  @ApiProperty({ enum: ['objection', 'rectification'] }) kind: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ type: 'integer' }) round: number;
  @ApiProperty({ description: '暂定：按法定节假日计算，所在年度日历发布后重新计算' }) provisional: boolean;
}

/** The case as its workflow holds it once the action has come to rest. */
export class CaseSnapshotDto {
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ type: [OpenTaskDto] }) openTasks: OpenTaskDto[];
  @ApiProperty({ description: '案件当前在等什么（中文）' }) waitingFor: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: '各环节截止日' }) deadlines: Record<string, string>;
  @ApiProperty({ type: InstitutionDeadlineRefDto, nullable: true }) institutionDeadline: InstitutionDeadlineRefDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionDate: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) repairableFrom: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) publicityUntil: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
}

/**
 * The task row after the action. A completion answers once the case has accepted it: the next task and stage
 * follow within its next steps, so the console reads the case again until they show (issue #20).
 */
export class TaskActionResultDto {
  @ApiProperty({ type: TaskDto }) task: TaskDto;
  @ApiProperty({ description: '已受理' }) accepted: boolean;
}

export class ReassignResultDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ description: '失败时的错误码' }) code?: string;
  @ApiPropertyOptional({ description: '失败时的中文说明' }) message?: string;
}

export class BulkReassignResultDto {
  @ApiProperty({ type: [ReassignResultDto] }) results: ReassignResultDto[];
  @ApiProperty({ type: 'integer' }) succeeded: number;
  @ApiProperty({ type: 'integer' }) failed: number;
}
