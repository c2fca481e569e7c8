import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES, SEVERITIES, TASK_KINDS } from '../../../workflows/contracts';
import { CASE_SOURCES } from './open-case.dto';

const nullableString = (format?: string) => ({ type: String, nullable: true, ...(format ? { format } : {}) });

/** A case in a list. */
export class CaseSummaryDto {
  @ApiProperty({ example: 'LY-2026-000001' }) caseNo: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ example: 'EDU-001' }) behaviourCode: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty(nullableString()) officeCode: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty(nullableString('date')) decisionDate: string | null;
  @ApiProperty({ ...nullableString(), description: '办结结果' }) outcome: string | null;
  @ApiProperty({ ...nullableString(), description: '当前等待（与案件页相同的说法；已办结、已撤销为空）' }) waitingFor: string | null;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items: CaseSummaryDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

export class CaseDueDateDto {
  @ApiProperty({ enum: TASK_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class CaseTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TASK_KINDS }) kind: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ enum: ['open', 'claimed', 'completed', 'cancelled'] }) status: string;
  @ApiProperty() candidateRole: string;
  @ApiProperty(nullableString()) candidateOffice: string | null;
  @ApiProperty(nullableString('uuid')) assigneeId: string | null;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty(nullableString('date-time')) completedAt: string | null;
}

export class CaseInstitutionDeadlineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['objection', 'rectification'] }) kind: string;
  @ApiProperty({ type: 'integer' }) round: number;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ description: '暂定：期限所在年度的节假日安排尚未发布，按法定节假日计算，发布后重新计算' }) provisional: boolean;
  @ApiProperty({ enum: ['open', 'answered', 'missed', 'cancelled'] }) status: string;
  @ApiProperty(nullableString('date-time')) closedAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '剩余工作日（仅未截止时）' }) workingDaysLeft: number | null;
}

export class CaseInterviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['reminder', 'warning'] }) kind: string;
  @ApiProperty({ type: 'integer' }) round: number;
  @ApiProperty({ format: 'date-time' }) scheduledAt: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: [String] }) plannedAttendees: string[];
  @ApiProperty({ type: [String], nullable: true }) attendees: string[] | null;
  @ApiProperty(nullableString()) minutes: string | null;
  @ApiProperty(nullableString()) outcome: string | null;
  @ApiProperty(nullableString('date-time')) heldAt: string | null;
  @ApiProperty({ enum: ['scheduled', 'held', 'cancelled'] }) status: string;
}

export class CaseEventDto {
  @ApiProperty({ example: 'STAGE_CHANGED' }) type: string;
  @ApiProperty(nullableString()) from: string | null;
  @ApiProperty(nullableString()) to: string | null;
  @ApiProperty(nullableString('uuid')) actorId: string | null;
  @ApiProperty(nullableString()) actorRole: string | null;
  @ApiProperty(nullableString()) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

/** The whole case: stage, what it waits for, tasks, institution deadlines, interviews and its history. */
export class CaseViewDto {
  @ApiProperty({ example: 'LY-2026-000001' }) caseNo: string;
  @ApiProperty() uscc: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() behaviourCode: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ enum: CASE_STAGES }) stage: string;
  @ApiProperty({ description: '阶段中文名' }) stageLabel: string;
  @ApiProperty() facts: string;
  @ApiProperty({ enum: CASE_SOURCES }) source: string;
  @ApiProperty(nullableString()) officeCode: string | null;
  @ApiProperty({ type: 'integer' }) policyVersion: number;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty(nullableString('date')) decisionDate: string | null;
  @ApiProperty(nullableString('date-time')) closedAt: string | null;
  @ApiProperty({ ...nullableString(), description: '案件当前在等什么（流程不可查询时为空）' }) waitingFor: string | null;
  @ApiProperty(nullableString('date')) repairableFrom: string | null;
  @ApiProperty(nullableString('date')) publicityUntil: string | null;
  @ApiProperty({ ...nullableString(), description: '案件受阻的原因（某一步骤无法自动完成，待处理后恢复办理）；未受阻时为空' }) blockedReason: string | null;
  @ApiProperty({ ...nullableString('date-time'), description: '受阻时间' }) blockedAt: string | null;
  @ApiProperty({ type: [CaseDueDateDto] }) dueDates: CaseDueDateDto[];
  @ApiProperty({ type: [CaseTaskDto] }) tasks: CaseTaskDto[];
  @ApiProperty({ type: [CaseInstitutionDeadlineDto] }) institutionDeadlines: CaseInstitutionDeadlineDto[];
  @ApiProperty({ type: [CaseInterviewDto] }) interviews: CaseInterviewDto[];
  @ApiProperty({ type: [CaseEventDto] }) history: CaseEventDto[];
}
